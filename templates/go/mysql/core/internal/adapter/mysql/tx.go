package mysql

import (
	"context"
	"database/sql"
)

type txKey struct{}

// withTx returns a context whose repository calls run in tx: a repository
// takes it with ctx.Value(txKey{}).(*sql.Tx), and otherwise uses the pool.
func withTx(ctx context.Context, tx *sql.Tx) context.Context {
	return context.WithValue(ctx, txKey{}, tx)
}
