package port

import "context"

// Inbox records the messages each consumer has processed, so that a message
// delivered again (its acknowledgement was lost, or it was published twice)
// is acknowledged without running its handler a second time.
//
// The record belongs to the handler's unit of work: a consumer calls
// MarkProcessed and then its handler inside one WithinTx, so the record
// commits with the handler's writes, and a failing handler leaves no record
// and runs again on the next delivery.
type Inbox interface {
	// WithinTx runs fn in the unit of work that MarkProcessed, and the
	// stores of the same adapter, join through the context fn receives.
	WithinTx(ctx context.Context, fn func(ctx context.Context) error) error
	// MarkProcessed records messageID as processed by consumer. first is
	// false when it was recorded before: the message is a repeat.
	MarkProcessed(ctx context.Context, consumer, messageID string) (first bool, err error)
}
