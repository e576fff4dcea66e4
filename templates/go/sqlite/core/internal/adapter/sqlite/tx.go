package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// querier is what repositories run SQL through: a pool, or the transaction
// of an idempotent request, which *sql.DB and *sql.Tx both are.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

type txKey struct{}

// withTx returns a context whose repository calls run in tx.
func withTx(ctx context.Context, tx *sql.Tx) context.Context {
	return context.WithValue(ctx, txKey{}, tx)
}

// inTx runs fn in a transaction on the writer and commits it when fn
// returns nil. When ctx carries the transaction of an idempotent request, fn
// runs in a savepoint of it instead, so that what it writes commits with the
// request's key or not at all.
func (db *DB) inTx(ctx context.Context, fn func(querier) error) error {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return savepoint(ctx, tx, fn)
	}
	tx, err := db.write.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

func savepoint(ctx context.Context, tx *sql.Tx, fn func(querier) error) error {
	if _, err := tx.ExecContext(ctx, "SAVEPOINT nested"); err != nil {
		return fmt.Errorf("savepoint: %w", err)
	}
	if err := fn(tx); err != nil {
		if _, rbErr := tx.ExecContext(ctx, "ROLLBACK TO nested; RELEASE nested"); rbErr != nil {
			return fmt.Errorf("%w (rolling back to the savepoint: %w)", err, rbErr)
		}
		return err
	}
	if _, err := tx.ExecContext(ctx, "RELEASE nested"); err != nil {
		return fmt.Errorf("release savepoint: %w", err)
	}
	return nil
}
