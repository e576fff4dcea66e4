import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { createMysqlPool } from '../src/adapter/mysql/pool.js';

/**
 * A pool on a fresh database of the test server (its user may create and drop databases), so test
 * runs never see each other's tables; drop() removes the database and closes the pool.
 */
export async function testPool(serverUrl: string): Promise<{ pool: mysql.Pool; url: string; drop: () => Promise<void> }> {
  const database = `test_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection({ uri: serverUrl });
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const pool = createMysqlPool({ url: url.toString(), maxConnections: 4, maxIdleConnections: 4, idleTimeoutMs: 60_000, queryTimeoutMs: 5_000, migrateOnStart: false });
  return {
    pool,
    url: url.toString(),
    async drop() {
      await pool.query(`DROP DATABASE \`${database}\``);
      await pool.end();
    },
  };
}
