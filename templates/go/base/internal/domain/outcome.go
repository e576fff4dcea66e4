package domain

import (
	"context"
	"errors"
)

// Outcome is what an error means to a client, whatever the transport: each
// inbound adapter answers every outcome (HTTP with a status and a problem,
// gRPC with a status code), so a use case's errors mean the same on all.
type Outcome int

// The outcomes, each answered by every inbound adapter. OutcomeInternal is
// the zero value: an error no row of the table matches is a bug.
const (
	OutcomeInternal Outcome = iota
	OutcomeInvalid
	OutcomeNotFound
	OutcomeConflict
	OutcomeNotImplemented
	OutcomeUnavailable
	OutcomeDeadlineExceeded
	OutcomeCanceled
	// OutcomeCount is the number of outcomes: the length of each adapter's
	// table.
	OutcomeCount
)

// outcomes maps kinds of error to outcomes: add a row when the domain gains a
// kind of error.
var outcomes = []struct {
	kind    error
	outcome Outcome
}{
	{ErrInvalid, OutcomeInvalid},
	{ErrNotFound, OutcomeNotFound},
	{ErrConflict, OutcomeConflict},
	{ErrNotImplemented, OutcomeNotImplemented},
	// Before the deadline row: a store that timed out is unavailable.
	{ErrUnavailable, OutcomeUnavailable},
	{context.DeadlineExceeded, OutcomeDeadlineExceeded},
	{context.Canceled, OutcomeCanceled},
}

// OutcomeOf returns the outcome of err: that of the first row it matches with
// errors.Is, or OutcomeInternal.
func OutcomeOf(err error) Outcome {
	for _, row := range outcomes {
		if errors.Is(err, row.kind) {
			return row.outcome
		}
	}
	return OutcomeInternal
}
