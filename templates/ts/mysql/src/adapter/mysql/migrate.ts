import type mysql from 'mysql2/promise';
import type { Logger } from 'pino';
import { MIGRATIONS } from './migrations.js';

/**
 * A schema change, applied once, in order of version. MySQL commits each DDL statement at once
 * (no transaction holds them): keep one change per migration, so a failed one is easy to finish
 * by hand.
 */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

/** The named lock of this database's migrations, computed by the server: one per database, hashed to the 64 characters a lock name may have. */
const LOCK_NAME = "SHA2(CONCAT('migrations of ', DATABASE()), 256)";
/** Seconds a replica waits for another one to finish migrating before it gives up starting. */
const LOCK_WAIT_SECONDS = 300;

/**
 * Applies pending migrations. Replicas starting together take turns under a named lock
 * (GET_LOCK), released by this connection or by the server when it drops; a migration is recorded
 * in schema_migrations once its statements ran.
 */
export async function migrate(pool: mysql.Pool, logger: Pick<Logger, 'info'>, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const connection = await pool.getConnection();
  let locked = false;
  try {
    const [locks] = await connection.query<mysql.RowDataPacket[]>(`SELECT GET_LOCK(${LOCK_NAME}, ?) AS locked`, [LOCK_WAIT_SECONDS]);
    if (locks[0]?.locked !== 1) throw new Error(`another replica held the migration lock for ${String(LOCK_WAIT_SECONDS)}s`);
    locked = true;
    await connection.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INT PRIMARY KEY, name VARCHAR(255) NOT NULL, applied_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)) ENGINE = InnoDB',
    );
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => Number(row.version)));
    const pending = migrations.filter((migration) => !applied.has(migration.version)).sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      try {
        for (const statement of migration.statements) await connection.query(statement);
        await connection.query('INSERT INTO schema_migrations (version, name) VALUES (?, ?)', [migration.version, migration.name]);
      } catch (error) {
        throw new Error(`migration ${String(migration.version)} (${migration.name}) failed`, { cause: error });
      }
      logger.info({ migration: migration.version, migrationName: migration.name }, 'migration applied');
    }
    return pending.map((migration) => migration.version);
  } finally {
    if (locked) await connection.query(`SELECT RELEASE_LOCK(${LOCK_NAME})`).catch(() => undefined);
    connection.release();
  }
}
