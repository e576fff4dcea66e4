import type pg from 'pg';
import type { Logger } from 'pino';
import { MIGRATIONS } from './migrations.js';

/** A schema change, applied once, in order of version, inside a transaction. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Any constant works: it only has to be the same for every replica of this service.
const LOCK_KEY = 'schema_migrations';

/**
 * Applies pending migrations. Replicas starting together take turns under an advisory lock, and
 * each migration commits with its row in schema_migrations, so a failed one leaves no trace.
 */
export async function migrate(pool: pg.Pool, logger: Pick<Logger, 'info'>, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [LOCK_KEY]);
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const pending = migrations.filter((migration) => !applied.has(migration.version)).sort((a, b) => a.version - b.version);
    for (const migration of pending) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${String(migration.version)} (${migration.name}) failed`, { cause: error });
      }
      logger.info({ migration: migration.version, migrationName: migration.name }, 'migration applied');
    }
    return pending.map((migration) => migration.version);
  } finally {
    await client.query('SELECT pg_advisory_unlock(hashtext($1))', [LOCK_KEY]).catch(() => undefined);
    client.release();
  }
}
