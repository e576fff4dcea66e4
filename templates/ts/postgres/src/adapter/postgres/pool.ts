import pg from 'pg';
import type { Config } from '../../platform/config.js';
import { withSignal } from '../../platform/resilience.js';

/**
 * A bounded pool of PostgreSQL connections. Every statement is bounded on the server
 * (statement_timeout) and on the client (query_timeout), so a stuck query cannot hold a request.
 */
export function createPool(config: Config['postgres'], options: pg.PoolConfig = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.maxConnections,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: config.statementTimeoutMs,
    query_timeout: config.statementTimeoutMs + 1_000,
    ...options,
  });
  // An idle connection the server closed (a restart, a failover) is dropped by the pool, which
  // then emits 'error': without a listener that would end the process. The next query connects anew.
  pool.on('error', () => undefined);
  return pool;
}

/** The readiness check: a round trip to the server. */
export async function pingPostgres(pool: pg.Pool, signal: AbortSignal): Promise<void> {
  await withSignal(pool.query('SELECT 1'), signal);
}
