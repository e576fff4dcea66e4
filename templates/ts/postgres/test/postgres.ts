import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPool } from '../src/adapter/postgres/pool.js';

/**
 * A pool on a fresh schema of the test database, so test runs never see each other's tables;
 * drop() removes the schema and closes the pool.
 */
export async function testPool(url: string): Promise<{ pool: pg.Pool; drop: () => Promise<void> }> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const pool = createPool({ url, maxConnections: 4, statementTimeoutMs: 5_000, migrateOnStart: false }, { options: `-c search_path=${schema}` });
  return {
    pool,
    async drop() {
      await pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await pool.end();
    },
  };
}
