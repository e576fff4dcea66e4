import mysql from 'mysql2/promise';
import type { Config } from '../../platform/config.js';
import { withSignal } from '../../platform/resilience.js';

/**
 * Sessions in strict mode, so a value a column cannot hold is an error rather than silently cut
 * or changed.
 */
const SESSION_SETUP = "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION'";

/**
 * A bounded pool of MySQL or MariaDB connections: text is utf8mb4 compared byte for byte, times are
 * UTC, BIGINT arrives as a number while it is a safe integer. Idle connections are closed before
 * the server's wait_timeout would drop them.
 */
export function createMysqlPool(config: Config['mysql'], options: mysql.PoolOptions = {}): mysql.Pool {
  const pool = mysql.createPool({
    uri: config.url,
    connectionLimit: config.maxConnections,
    maxIdle: config.maxIdleConnections,
    idleTimeout: config.idleTimeoutMs,
    connectTimeout: 5_000,
    charset: 'UTF8MB4_BIN',
    timezone: 'Z',
    supportBigNumbers: true,
    ...options,
  });
  // Runs on each new connection before the pool hands it out (mysql2 queues commands in order).
  pool.on('connection', (connection) => {
    void connection.query(SESSION_SETUP);
  });
  return pool;
}

/** The readiness check: a round trip to the server. */
export async function pingMysql(pool: mysql.Pool, signal: AbortSignal): Promise<void> {
  await withSignal(pool.query('SELECT 1'), signal);
}
