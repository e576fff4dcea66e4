package outbound

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"
)

var (
	// ErrOpen means the breaker of the dependency is open: it failed
	// repeatedly, and calls fail at once until a probe finds it back.
	ErrOpen = errors.New("circuit breaker open")
	// ErrBulkheadFull means the most calls allowed are in flight already.
	ErrBulkheadFull = errors.New("too many calls in flight")
	// ErrRateLimited means the call would exceed the rate limit before its
	// deadline.
	ErrRateLimited = errors.New("rate limit exceeded")
	// ErrAnswerTooLarge means the answer's body exceeds MaxResponseBytes.
	ErrAnswerTooLarge = errors.New("answer too large")
)

// StatusError is an answer whose status is not 2xx.
type StatusError struct {
	Dependency string
	Method     string
	Path       string
	Status     int
	// RetryAfter is the wait the answer asked for (0 when it did not).
	RetryAfter time.Duration
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("%s: %s %s: %d %s", e.Dependency, e.Method, e.Path, e.Status, http.StatusText(e.Status))
}

// Unavailable reports whether err means the dependency cannot answer now: its
// breaker is open, a limit was reached, it failed (5xx, 429) or did not answer
// in time. The call may succeed later; inbound adapters answer 503.
func Unavailable(err error) bool {
	if errors.Is(err, ErrOpen) || errors.Is(err, ErrBulkheadFull) || errors.Is(err, ErrRateLimited) {
		return true
	}
	return err != nil && !errors.Is(err, context.Canceled) && transient(err)
}

// transient reports whether another attempt may succeed where err failed: a
// server error, 429, or a failure to connect or to get an answer in time.
func transient(err error) bool {
	if status, ok := errors.AsType[*StatusError](err); ok {
		switch status.Status {
		case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
			http.StatusServiceUnavailable, http.StatusGatewayTimeout:
			return true
		}
		return false
	}
	return !errors.Is(err, ErrAnswerTooLarge) && !errors.Is(err, context.Canceled)
}

// outcomeOf names the outcome of a call for the metrics.
func outcomeOf(err error) string {
	switch {
	case err == nil:
		return "success"
	case errors.Is(err, ErrOpen) || errors.Is(err, ErrBulkheadFull) || errors.Is(err, ErrRateLimited):
		return "rejected"
	case errors.Is(err, context.Canceled):
		return "canceled"
	case Unavailable(err):
		return "unavailable"
	default:
		return "error"
	}
}
