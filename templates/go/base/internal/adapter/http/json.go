package httpadapter

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"reflect"
	"strings"
)

// DecodeJSON decodes the request body into dst, strictly: the body must be
// declared as JSON and hold exactly one JSON value whose fields dst knows.
// Its errors, returned from a HandlerFunc, are answered with 415, 413 or 400
// and a detail that tells the client what to fix.
func DecodeJSON(r *http.Request, dst any) error {
	if mediaType, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); mediaType != "application/json" {
		return &statusError{
			status: http.StatusUnsupportedMediaType,
			detail: "The request body must be JSON, sent with Content-Type: application/json.",
		}
	}

	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err)
	}
	// Exactly one value: anything after it, even another valid value, is an
	// error.
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		if _, tooLarge := errors.AsType[*http.MaxBytesError](err); tooLarge {
			return decodeError(err)
		}
		return badRequest(err, "The request body must hold a single JSON value.")
	}
	return nil
}

// decodeError turns an error of json.Decoder into one that tells the client
// what is wrong with the body.
func decodeError(err error) error {
	if tooLarge, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return &statusError{
			status: http.StatusRequestEntityTooLarge,
			detail: fmt.Sprintf("The request body exceeds the limit of %d bytes.", tooLarge.Limit),
			err:    err,
		}
	}
	if syntaxErr, ok := errors.AsType[*json.SyntaxError](err); ok {
		return badRequest(err, fmt.Sprintf("The request body is malformed JSON at byte %d.", syntaxErr.Offset))
	}
	if typeErr, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		if typeErr.Field == "" {
			return badRequest(err, fmt.Sprintf("The request body must be %s.", jsonKind(typeErr.Type)))
		}
		return badRequest(err, fmt.Sprintf("Field %q must be %s.", typeErr.Field, jsonKind(typeErr.Type)))
	}
	switch {
	case errors.Is(err, io.EOF):
		return badRequest(err, "The request body is empty.")
	case errors.Is(err, io.ErrUnexpectedEOF):
		return badRequest(err, "The request body is truncated JSON.")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		// encoding/json has no error type for unknown fields.
		field := strings.TrimPrefix(err.Error(), "json: unknown field ")
		return badRequest(err, fmt.Sprintf("The request body has an unknown field %s.", field))
	}
	// Not the client's fault, e.g. dst is not a pointer.
	return err
}

func badRequest(err error, detail string) error {
	return &statusError{status: http.StatusBadRequest, detail: detail, err: err}
}

// jsonKind names the JSON type that holds values of t.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "a boolean"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	default:
		return "an object"
	}
}

// WriteJSON answers with status and v as JSON. It encodes v before writing
// anything, so that an encoding error can still be answered with 500; that
// is the only error it returns. A failed write means the client went away,
// and there is no one left to tell.
func WriteJSON(w http.ResponseWriter, status int, v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = w.Write(append(body, '\n'))
	return nil
}
