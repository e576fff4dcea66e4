import type { Logger } from 'pino';
import type { SqliteDatabase } from './database.js';
import { MIGRATIONS } from './migrations.js';

/** A schema change, applied once, in order of version, in a transaction of its own (SQLite's DDL is transactional). */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

/**
 * Applies pending migrations, each with its row in schema_migrations in one write transaction, so
 * a failed one leaves nothing behind. BEGIN IMMEDIATE keeps another process (`npm run migrate`
 * beside a running service) out until it ends.
 */
export async function migrate(db: SqliteDatabase, logger: Pick<Logger, 'info'>, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const signal = new AbortController().signal;
  await db.write(signal, (connection) => {
    connection.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT');
  });
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const ran = await db
      .write(signal, (connection) => {
        if (connection.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(migration.version) !== undefined) return false;
        for (const statement of migration.statements) connection.exec(statement);
        connection.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, new Date().toISOString());
        return true;
      })
      .catch((error: unknown) => {
        throw new Error(`migration ${String(migration.version)} (${migration.name}) failed`, { cause: error });
      });
    if (!ran) continue;
    applied.push(migration.version);
    logger.info({ migration: migration.version, migrationName: migration.name }, 'migration applied');
  }
  return applied;
}
