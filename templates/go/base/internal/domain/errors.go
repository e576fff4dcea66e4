package domain

import (
	"errors"
	"strings"
)

// Kinds of failure the domain reports. Callers match them with errors.Is; the
// HTTP adapter maps each kind to a status code in one table.
//
// Wrap a kind to add context for logs: fmt.Errorf("order %s: %w", id, ErrNotFound).
// The text of a wrapped error is for operators, not for API clients.
var (
	// ErrNotFound means the requested entity does not exist.
	ErrNotFound = errors.New("not found")
	// ErrConflict means the request conflicts with the current state, for
	// example an entity with the same identity already exists.
	ErrConflict = errors.New("conflict")
	// ErrInvalid means the input breaks a domain rule. Errors of this kind are
	// usually a *ValidationError that says which fields are wrong.
	ErrInvalid = errors.New("invalid")
	// ErrNotImplemented means the operation exists but its work is not
	// written yet: the skeleton of a new use case fails with it until then.
	ErrNotImplemented = errors.New("not implemented")
	// ErrUnavailable means a dependency the operation needs could not be
	// reached or did not answer in time. The request may succeed if retried
	// later; adapters wrap connection failures and timeouts with it.
	ErrUnavailable = errors.New("unavailable")
)

// FieldError describes one invalid input field. Field uses the names of the
// public API (customer_id, items[0].quantity), because these errors are shown
// to clients as they are.
type FieldError struct {
	Field   string
	Message string
}

// ValidationError lists every field that breaks a domain rule. It matches
// ErrInvalid with errors.Is.
type ValidationError struct {
	Fields []FieldError
}

// Add records one invalid field.
func (e *ValidationError) Add(field, message string) {
	e.Fields = append(e.Fields, FieldError{Field: field, Message: message})
}

// Err returns e if any field was recorded, and nil otherwise, so that a
// validation can end with `return v.Err()`.
func (e *ValidationError) Err() error {
	if len(e.Fields) == 0 {
		return nil
	}
	return e
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("invalid input")
	for i, f := range e.Fields {
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(f.Field)
		b.WriteByte(' ')
		b.WriteString(f.Message)
	}
	return b.String()
}

// Is reports whether target is ErrInvalid.
func (e *ValidationError) Is(target error) bool {
	return target == ErrInvalid
}
