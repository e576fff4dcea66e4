import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/** What repositories run SQL through: the pool, or the client holding the transaction of an idempotent request. */
export type Queryable = Pick<pg.ClientBase, 'query'>;

const current = new AsyncLocalStorage<pg.PoolClient>();

/** Runs `run` so that the repository calls it makes, however deep, use `client` and its open transaction. */
export function inTransaction<T>(client: pg.PoolClient, run: () => Promise<T>): Promise<T> {
  return current.run(client, run);
}

/**
 * The client of the transaction the caller runs in, if any, and the pool otherwise. Repositories
 * use it for every statement, so that what they write during an idempotent request commits with
 * its key or not at all.
 */
export function connection(pool: pg.Pool): Queryable {
  return current.getStore() ?? pool;
}
