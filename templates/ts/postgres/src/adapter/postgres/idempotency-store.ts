import type pg from 'pg';
import { IdempotencyKeyInFlightError, IdempotencyKeyReusedError, type IdempotencyStore, type StoredResponse } from '../../port/idempotency-store.js';
import { inTransaction } from './transaction.js';
import { storeError } from './unavailable.js';

interface KeyRow {
  fingerprint: string;
  status: number;
  header: Record<string, string>;
  body: Buffer;
}

/** Bounds the expired keys each recorded key deletes, which keeps the table at about the keys of one TTL without a separate job. */
const SWEEP_BATCH = 100;

/** Idempotency keys in the idempotency_keys table (see migrations.ts), in the transaction of the writes of the request that carried the key. */
export class PostgresIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly ttlMs: number,
  ) {}

  /**
   * Runs `run` at most once per key and fingerprint; see IdempotencyStore. `run` runs inside the
   * transaction that records the key (repositories reach it through connection()), so a crash or a
   * failure between them keeps neither. A transaction advisory lock on the key makes a concurrent
   * retry fail at once with IdempotencyKeyInFlightError instead of holding a connection while it waits.
   */
  async do(key: string, fingerprint: string, signal: AbortSignal, run: () => Promise<StoredResponse>): Promise<{ response: StoredResponse; replayed: boolean }> {
    signal.throwIfAborted();
    const client = await this.pool.connect().catch((error: unknown) => {
      throw storeError(error);
    });
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const { rows: locks } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked', [key]);
      if (locks[0]?.locked !== true) throw new IdempotencyKeyInFlightError(key);
      const { rows } = await client.query<KeyRow>('SELECT fingerprint, status, header, body FROM idempotency_keys WHERE key = $1 AND expires_at > now()', [key]);
      const row = rows[0];
      if (row !== undefined) {
        if (row.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(key);
        await client.query('ROLLBACK');
        return { response: { status: row.status, headers: row.header, body: row.body }, replayed: true };
      }

      const response = await inTransaction(client, run);
      if (response.status < 200 || response.status > 299) {
        // Nothing the request wrote is kept, and neither is its key: a retry runs again.
        await client.query('ROLLBACK');
        return { response, replayed: false };
      }
      // An expired row with the same key is replaced.
      await client.query(
        `INSERT INTO idempotency_keys (key, fingerprint, status, header, body, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))
         ON CONFLICT (key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, status = EXCLUDED.status,
           header = EXCLUDED.header, body = EXCLUDED.body, expires_at = EXCLUDED.expires_at`,
        [key, fingerprint, response.status, JSON.stringify(response.headers), response.body, this.ttlMs / 1000],
      );
      await client.query(
        `DELETE FROM idempotency_keys WHERE key IN (
           SELECT key FROM idempotency_keys WHERE expires_at <= now() LIMIT $1 FOR UPDATE SKIP LOCKED)`,
        [SWEEP_BATCH],
      );
      await client.query('COMMIT');
      return { response, replayed: false };
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        // A connection that cannot roll back is not returned to the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      // A database that cannot be reached is a 503, as in the repositories; the use case's own errors pass unchanged.
      throw storeError(error);
    } finally {
      client.release(broken);
    }
  }
}
