package config

import (
	"errors"
	"fmt"
	"time"
)

// maxOutboxBatch bounds a batch: the relay holds its rows locked, in one
// transaction, while it publishes them one by one.
const maxOutboxBatch = 10000

// Outbox configures the relay that publishes the events of the outbox table.
type Outbox struct {
	// BatchSize is the most events one poll claims and publishes.
	BatchSize int `env:"OUTBOX_BATCH_SIZE" envDefault:"100"`
	// PollInterval is the pause between polls of an empty outbox: the most
	// an event waits before the relay sees it. It is also the first pause
	// after a failure, which doubles, with jitter, up to MaxBackoff.
	PollInterval time.Duration `env:"OUTBOX_POLL_INTERVAL" envDefault:"100ms"`
	MaxBackoff   time.Duration `env:"OUTBOX_MAX_BACKOFF" envDefault:"30s"`
}

func (o Outbox) validate() error {
	var errs []error
	if o.BatchSize < 1 || o.BatchSize > maxOutboxBatch {
		errs = append(errs, fmt.Errorf("OUTBOX_BATCH_SIZE must be between 1 and %d, got %d", maxOutboxBatch, o.BatchSize))
	}
	if o.PollInterval <= 0 {
		errs = append(errs, fmt.Errorf("OUTBOX_POLL_INTERVAL must be positive, got %s", o.PollInterval))
	}
	if o.MaxBackoff < o.PollInterval {
		errs = append(errs, fmt.Errorf("OUTBOX_MAX_BACKOFF (%s) must not be below OUTBOX_POLL_INTERVAL (%s)", o.MaxBackoff, o.PollInterval))
	}
	return errors.Join(errs...)
}
