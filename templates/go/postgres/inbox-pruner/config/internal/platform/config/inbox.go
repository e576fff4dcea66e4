package config

import (
	"errors"
	"fmt"
	"time"
)

// maxInboxPruneBatch bounds the rows one DELETE of the pruner locks.
const maxInboxPruneBatch = 100000

// Inbox configures the pruning of the processed_messages table: every
// PruneInterval, the rows older than Retention are deleted, PruneBatch rows
// per statement. Retention must exceed the longest time an event can be
// delivered again (for NATS, NATS_STREAM_MAX_AGE; for Kafka, the topic's
// retention): a redelivery of an event whose row is gone runs its handler
// again.
type Inbox struct {
	Retention     time.Duration `env:"INBOX_RETENTION" envDefault:"336h"`
	PruneInterval time.Duration `env:"INBOX_PRUNE_INTERVAL" envDefault:"1h"`
	PruneBatch    int           `env:"INBOX_PRUNE_BATCH" envDefault:"1000"`
}

func (i Inbox) validate() error {
	var errs []error
	if i.Retention <= 0 {
		errs = append(errs, fmt.Errorf("INBOX_RETENTION must be positive, got %s", i.Retention))
	}
	if i.PruneInterval <= 0 {
		errs = append(errs, fmt.Errorf("INBOX_PRUNE_INTERVAL must be positive, got %s", i.PruneInterval))
	}
	if i.PruneInterval > i.Retention {
		errs = append(errs, fmt.Errorf("INBOX_PRUNE_INTERVAL (%s) must not exceed INBOX_RETENTION (%s)", i.PruneInterval, i.Retention))
	}
	if i.PruneBatch < 1 || i.PruneBatch > maxInboxPruneBatch {
		errs = append(errs, fmt.Errorf("INBOX_PRUNE_BATCH must be between 1 and %d, got %d", maxInboxPruneBatch, i.PruneBatch))
	}
	return errors.Join(errs...)
}
