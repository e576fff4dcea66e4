package port

import "context"

// Transactor runs a unit of work atomically. The transaction travels in the
// context that fn receives: repositories and stores of the same adapter that
// are called with that context join it, so their writes are kept together or
// not at all. fn's error (or a failed commit) is returned and nothing fn wrote
// through that context is kept. A call inside fn's context joins the
// enclosing unit of work rather than starting an independent one.
type Transactor interface {
	WithinTx(ctx context.Context, fn func(ctx context.Context) error) error
}
