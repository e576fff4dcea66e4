package outbound

import (
	"context"
	"errors"
	"log/slog"

	"github.com/sony/gobreaker/v2"
)

// newBreaker returns the circuit breaker of the dependency: it opens after
// cfg.BreakerFailures consecutive failed attempts, and after cfg.BreakerOpenFor
// lets one probe through, whose success closes it.
func newBreaker(cfg Config, log *slog.Logger) *gobreaker.CircuitBreaker[answer] {
	return gobreaker.NewCircuitBreaker[answer](gobreaker.Settings{
		Name:        cfg.Name,
		MaxRequests: 1,
		Timeout:     cfg.BreakerOpenFor,
		ReadyToTrip: func(counts gobreaker.Counts) bool {
			return counts.ConsecutiveFailures >= cfg.BreakerFailures
		},
		// A caller that gave up says nothing about the dependency.
		IsSuccessful: func(err error) bool {
			return err == nil || errors.Is(err, context.Canceled)
		},
		// Logged once per transition, not once per call. A transition belongs
		// to no request, so the line carries no request's context.
		OnStateChange: func(name string, from, to gobreaker.State) {
			if to == gobreaker.StateOpen {
				log.Warn("outbound circuit breaker changed state",
					slog.String("dependency", name), slog.String("from", from.String()), slog.String("to", to.String()))
				return
			}
			log.Info("outbound circuit breaker changed state",
				slog.String("dependency", name), slog.String("from", from.String()), slog.String("to", to.String()))
		},
	})
}
