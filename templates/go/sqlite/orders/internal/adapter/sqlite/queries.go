package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// reader returns the transaction ctx carries, if any, so a request reads
// what it wrote, and the read pool otherwise. A transaction is not safe for
// concurrent use: a request must not query from several goroutines at once.
func (db *DB) reader(ctx context.Context) querier {
	if tx, ok := ctx.Value(txKey{}).(*sql.Tx); ok {
		return tx
	}
	return db.read
}

// uniqueViolation reports whether err is a duplicate primary or unique key.
func uniqueViolation(err error) bool {
	sqliteErr, ok := errors.AsType[*sqlite.Error](err)
	if !ok {
		return false
	}
	code := sqliteErr.Code()
	return code == sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY || code == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}
