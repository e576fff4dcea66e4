package mysql

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
)

// migrationLockWait bounds how long a replica waits for another one to
// finish migrating before it gives up starting.
const migrationLockWait = 300 // seconds

// migrationLockName is computed by the server: one lock per database, so
// services sharing a server do not wait for each other. Lock names are at
// most 64 characters, the length of the hash.
const migrationLockName = `SHA2(CONCAT('goose migrations of ', DATABASE()), 256)`

// withMigrationLock runs migrate holding the MySQL named lock of the
// database's migrations (GET_LOCK), on a connection of its own: released by
// it, or by the server when the connection drops, so a replica that dies
// while migrating does not block the others. The lock covers all of goose's
// work, its check for pending migrations included: MySQL commits DDL at once,
// so a replica reading goose's version table while another creates it would
// see it half made.
func withMigrationLock(ctx context.Context, connector driver.Connector, migrate func() error) (err error) {
	lockDB := sql.OpenDB(connector)
	defer lockDB.Close()
	conn, err := lockDB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("take the migration lock: %w", err)
	}
	defer conn.Close()
	var got sql.NullInt64
	if err := conn.QueryRowContext(ctx, `SELECT GET_LOCK(`+migrationLockName+`, ?)`, migrationLockWait).Scan(&got); err != nil {
		return fmt.Errorf("take the migration lock: %w", err)
	}
	if !got.Valid || got.Int64 != 1 {
		return fmt.Errorf("take the migration lock: another replica held it for %ds", migrationLockWait)
	}
	defer func() {
		var released sql.NullInt64
		releaseErr := conn.QueryRowContext(context.WithoutCancel(ctx), `SELECT RELEASE_LOCK(`+migrationLockName+`)`).Scan(&released)
		if releaseErr == nil && released.Int64 != 1 {
			releaseErr = errors.New("this connection did not hold it")
		}
		if releaseErr != nil {
			err = errors.Join(err, fmt.Errorf("release the migration lock: %w", releaseErr))
		}
	}()
	return migrate()
}
