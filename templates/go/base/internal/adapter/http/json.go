package httpadapter

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"reflect"
	"strconv"
	"strings"
	"sync"

	jsonv2 "github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// strictJSON are the options of the one decoder every handler uses, through
// DecodeJSON. It is github.com/go-json-experiment/json, the module that
// encoding/json/v2 grew from, pinned in go.mod: encoding/json accepts invalid
// UTF-8 (replacing it with U+FFFD), duplicate member names (the last wins)
// and member names in any case, so a body could mean one thing to this
// service and another to a proxy or a validator in front of it; the standard
// library's v2 needs GOEXPERIMENT=jsonv2 at build time, which no service
// should depend on. Each option below is the v2 default, spelled out so the
// contract is visible.
var strictJSON = jsonv2.JoinOptions(
	jsontext.AllowInvalidUTF8(false),
	jsontext.AllowDuplicateNames(false),
	jsonv2.MatchCaseInsensitiveNames(false),
	jsonv2.RejectUnknownMembers(true),
	// PostgreSQL cannot store U+0000 in text, and no field of an API needs
	// it: reject it here, once, for every string of every request.
	jsonv2.WithUnmarshalers(jsonv2.UnmarshalFromFunc(decodeText)),
)

// errNUL reports a string that holds U+0000.
var errNUL = errors.New("string contains U+0000")

// decodeText decodes a JSON string into s, rejecting NUL characters. Other
// JSON kinds are left to the default decoding, which reports the mismatch.
func decodeText(dec *jsontext.Decoder, s *string) error {
	if dec.PeekKind() != '"' {
		return errors.ErrUnsupported
	}
	tok, err := dec.ReadToken()
	if err != nil {
		return err
	}
	text := tok.String()
	if strings.ContainsRune(text, 0) {
		return errNUL
	}
	*s = text
	return nil
}

// tooManyElementsError reports an array longer than its limit.
type tooManyElementsError struct{ limit int }

func (e *tooManyElementsError) Error() string {
	return fmt.Sprintf("array has more than %d elements", e.limit)
}

// DecodeArray decodes the JSON array (or null) that dec is at into dst, and
// fails as soon as it holds more than limit elements: the work a request
// causes is bounded by the domain's limit, not by the body's size. Use it in
// the UnmarshalJSONFrom method of a request's slice type.
func DecodeArray[T any](dec *jsontext.Decoder, dst *[]T, limit int) error {
	if dec.PeekKind() != '[' {
		return jsonv2.UnmarshalDecode(dec, dst)
	}
	if _, err := dec.ReadToken(); err != nil {
		return err
	}
	*dst = (*dst)[:0]
	for dec.PeekKind() != ']' {
		if len(*dst) == limit {
			return &tooManyElementsError{limit: limit}
		}
		// Decoded in place: a local element would escape to the heap, one
		// allocation per element.
		var zero T
		*dst = append(*dst, zero)
		if err := jsonv2.UnmarshalDecode(dec, &(*dst)[len(*dst)-1]); err != nil {
			return err
		}
	}
	_, err := dec.ReadToken()
	return err
}

// DecodeJSON decodes the request body into dst, strictly: the body must be
// declared as JSON and hold exactly one JSON value, in valid UTF-8, without
// duplicate member names, whose members dst knows by their exact names.
// Its errors, returned from a HandlerFunc, are answered with 415, 413, 408,
// 422 (an array over its limit) or 400 and a detail that tells the client
// what to fix.
func DecodeJSON(r *http.Request, dst any) error {
	if !isJSON(r.Header.Get("Content-Type")) {
		return &statusError{
			status: http.StatusUnsupportedMediaType,
			detail: "The request body must be JSON, sent with Content-Type: application/json.",
		}
	}
	if err := jsonv2.UnmarshalRead(r.Body, dst, strictJSON); err != nil {
		return decodeError(err)
	}
	return nil
}

// isJSON reports whether contentType declares JSON. The usual exact form is
// checked first: ParseMediaType allocates a map of parameters.
func isJSON(contentType string) bool {
	if contentType == "application/json" {
		return true
	}
	mediaType, _, _ := mime.ParseMediaType(contentType)
	return mediaType == "application/json"
}

// decodeError turns an error of the decoder into one that tells the client
// what is wrong with the body.
func decodeError(err error) error {
	if tooLarge, ok := errors.AsType[*http.MaxBytesError](err); ok {
		return &statusError{
			status: http.StatusRequestEntityTooLarge,
			detail: fmt.Sprintf("The request body exceeds the limit of %d bytes.", tooLarge.Limit),
			err:    err,
		}
	}
	if netErr, ok := errors.AsType[net.Error](err); ok && netErr.Timeout() {
		// The server's read timeout expired: the client is too slow, which
		// is no fault of the service.
		return &statusError{
			status: http.StatusRequestTimeout,
			detail: "The request body did not arrive within the time limit.",
			err:    err,
		}
	}
	if tooMany, ok := errors.AsType[*tooManyElementsError](err); ok {
		field := "(body)"
		if semErr, ok := errors.AsType[*jsonv2.SemanticError](err); ok {
			field = fieldName(semErr.JSONPointer)
		}
		return &statusError{
			status: http.StatusUnprocessableEntity,
			detail: problemDetails[http.StatusUnprocessableEntity],
			fields: []fieldError{{Field: field, Detail: fmt.Sprintf("must contain at most %d items", tooMany.limit)}},
			err:    err,
		}
	}
	if synErr, ok := errors.AsType[*jsontext.SyntacticError](err); ok {
		switch {
		case errors.Is(err, io.ErrUnexpectedEOF) && synErr.ByteOffset == 0:
			return badRequest(err, "The request body is empty.")
		case errors.Is(err, io.ErrUnexpectedEOF):
			return badRequest(err, "The request body is truncated JSON.")
		}
		if errors.Is(err, jsontext.ErrDuplicateName) {
			return badRequest(err, fmt.Sprintf("The request body repeats the member %s.", fieldName(synErr.JSONPointer)))
		}
		return badRequest(err, fmt.Sprintf("The request body is malformed JSON at byte %d: %v.", synErr.ByteOffset, synErr.Err))
	}
	if semErr, ok := errors.AsType[*jsonv2.SemanticError](err); ok {
		field := fieldName(semErr.JSONPointer)
		switch {
		case errors.Is(err, jsonv2.ErrUnknownName):
			return badRequest(err, fmt.Sprintf("The request body has an unknown field %q.", field))
		case errors.Is(err, errNUL):
			return badRequest(err, fmt.Sprintf("Field %q must not contain NUL characters (U+0000).", field))
		case semErr.GoType != nil && field == "":
			return badRequest(err, fmt.Sprintf("The request body must be %s.", jsonKind(semErr.GoType)))
		case semErr.GoType != nil:
			return badRequest(err, fmt.Sprintf("Field %q must be %s.", field, jsonKind(semErr.GoType)))
		}
	}
	// Not the client's fault, e.g. dst is not a pointer.
	return err
}

// fieldName turns a JSON pointer such as /items/0/sku into the field name
// problems use: items[0].sku.
func fieldName(p jsontext.Pointer) string {
	var b strings.Builder
	for tok := range p.Tokens() {
		if _, err := strconv.Atoi(tok); err == nil && b.Len() > 0 {
			b.WriteString("[" + tok + "]")
			continue
		}
		if b.Len() > 0 {
			b.WriteByte('.')
		}
		b.WriteString(tok)
	}
	return b.String()
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
	buf := encodeBuffers.Get().(*bytes.Buffer)
	defer releaseEncodeBuffer(buf)
	// Encode (unlike Marshal) does not copy the encoding out of its own
	// buffer: one allocation less on every answer.
	if err := json.NewEncoder(buf).Encode(v); err != nil {
		return fmt.Errorf("encode response: %w", err)
	}
	writeEncodedJSON(w, status, buf.Bytes())
	return nil
}

// writeEncodedJSON answers with status and body, JSON encoded already.
func writeEncodedJSON(w http.ResponseWriter, status int, body []byte) {
	h := w.Header()
	h["Content-Type"] = jsonContentType
	h["X-Content-Type-Options"] = noSniff
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// mustEncodeJSON is v as WriteJSON answers it, for an answer that never
// changes: encoded once, when the handler is built. v must be encodable.
func mustEncodeJSON(v any) []byte {
	var body bytes.Buffer
	if err := json.NewEncoder(&body).Encode(v); err != nil {
		panic(fmt.Sprintf("encode a constant answer: %v", err))
	}
	return body.Bytes()
}

// encodeBuffers hold answers while they are encoded. A buffer that grew past
// maxPooledEncodeBuffer for one large answer is left to the garbage
// collector, so the pool does not keep its memory for every later request.
var encodeBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

const maxPooledEncodeBuffer = 64 << 10

func releaseEncodeBuffer(buf *bytes.Buffer) {
	if buf.Cap() > maxPooledEncodeBuffer {
		return
	}
	buf.Reset()
	encodeBuffers.Put(buf)
}
