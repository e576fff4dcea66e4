package mysql

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// querier is what repositories run SQL through: the pool, or the transaction
// of an idempotent request, which *sql.DB and *sql.Tx both are.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// conn returns the transaction ctx carries, if any, and the pool otherwise.
// Repositories use it for every statement, so that what they write during an
// idempotent request commits with its key or not at all. A transaction is
// not safe for concurrent use: a request must not query from several
// goroutines at once.
func (db *DB) conn(ctx context.Context) querier {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return tx
	}
	return db.pool
}

// inTx runs fn in a transaction of its own, or, when ctx carries the
// transaction of an idempotent request, under a savepoint of it: either way
// fn's writes are kept together or not at all.
func (db *DB) inTx(ctx context.Context, fn func(q querier) error) error {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return savepoint(ctx, tx, fn)
	}
	tx, err := db.pool.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, ignoreDone(tx.Rollback()))
	}
	return tx.Commit()
}

func savepoint(ctx context.Context, tx *sql.Tx, fn func(q querier) error) error {
	if _, err := tx.ExecContext(ctx, `SAVEPOINT repository_write`); err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		if _, rollbackErr := tx.ExecContext(ctx, `ROLLBACK TO SAVEPOINT repository_write`); rollbackErr != nil {
			return errors.Join(err, fmt.Errorf("roll back to savepoint: %w", rollbackErr))
		}
		return err
	}
	_, err := tx.ExecContext(ctx, `RELEASE SAVEPOINT repository_write`)
	return err
}

// ignoreDone drops the error of rolling back a transaction that a cancelled
// context already rolled back.
func ignoreDone(err error) error {
	if errors.Is(err, sql.ErrTxDone) {
		return nil
	}
	return err
}
