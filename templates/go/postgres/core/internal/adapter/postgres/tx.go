package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// querier is what repositories run SQL through: the pool, or the transaction
// of an idempotent request, which the pool and pgx.Tx both are.
type querier interface {
	Begin(ctx context.Context) (pgx.Tx, error)
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	CopyFrom(ctx context.Context, table pgx.Identifier, columns []string, rows pgx.CopyFromSource) (int64, error)
}

type txKey struct{}

// withTx returns a context whose repository calls run in tx.
func withTx(ctx context.Context, tx pgx.Tx) context.Context {
	return context.WithValue(ctx, txKey{}, tx)
}

// conn returns the transaction ctx carries, if any, and the pool otherwise.
// Repositories use it for every statement, so that what they write during an
// idempotent request commits with its key or not at all. A transaction is
// not safe for concurrent use: a request must not query from several
// goroutines at once.
func (db *DB) conn(ctx context.Context) querier {
	if tx, ok := ctx.Value(txKey{}).(pgx.Tx); ok {
		return tx
	}
	return db.pool
}
