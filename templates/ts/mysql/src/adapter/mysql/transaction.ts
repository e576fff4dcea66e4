import { AsyncLocalStorage } from 'node:async_hooks';
import type mysql from 'mysql2/promise';

/** What repositories run SQL through: the pool, or the connection holding the transaction of an idempotent request. */
export type Queryable = Pick<mysql.Pool, 'query'>;

const current = new AsyncLocalStorage<mysql.PoolConnection>();

/** Runs `run` so that the repository calls it makes, however deep, use `connection` and its open transaction. */
export function inTransaction<T>(connection: mysql.PoolConnection, run: () => Promise<T>): Promise<T> {
  return current.run(connection, run);
}

/**
 * The connection of the transaction the caller runs in, if any, and the pool otherwise.
 * Repositories use it for every statement, so that what they write during an idempotent request
 * commits with its key or not at all.
 */
export function connection(pool: mysql.Pool): Queryable {
  return current.getStore() ?? pool;
}
