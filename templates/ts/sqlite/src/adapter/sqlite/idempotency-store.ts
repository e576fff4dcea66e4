import { IdempotencyKeyInFlightError, IdempotencyKeyReusedError, type IdempotencyStore, type StoredResponse } from '../../port/idempotency-store.js';
import type { SqliteDatabase } from './database.js';

interface KeyRow {
  fingerprint: string;
  status: number;
  header: string;
  body: Buffer;
}

/** Bounds the expired keys each recorded key deletes, which keeps the table at about the keys of one TTL without a separate job. */
const SWEEP_BATCH = 100;

/** A response that is not recorded: thrown out of the write transaction to roll back what the request wrote. */
class NotRecorded extends Error {
  constructor(readonly response: StoredResponse) {
    super(`a ${String(response.status)} response is not recorded`);
  }
}

/**
 * Idempotency keys in the idempotency_keys table (see migrations.ts), in the write transaction of
 * the request that carried the key. One process owns the file, so a key in flight is known here,
 * in memory, and a concurrent retry is refused at once.
 */
export class SqliteIdempotencyStore implements IdempotencyStore {
  readonly #inFlight = new Set<string>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly ttlMs: number,
  ) {}

  /**
   * Runs `run` at most once per key and fingerprint; see IdempotencyStore. `run` runs inside the
   * write transaction that records the key (repositories join it), so a crash or a failure between
   * them keeps neither. Other writes wait for that transaction, as they wait for any write.
   */
  async do(key: string, fingerprint: string, signal: AbortSignal, run: () => Promise<StoredResponse>): Promise<{ response: StoredResponse; replayed: boolean }> {
    signal.throwIfAborted();
    if (this.#inFlight.has(key)) throw new IdempotencyKeyInFlightError(key);
    this.#inFlight.add(key);
    try {
      const row = this.db.read(signal, (connection) =>
        connection.prepare<[string, number], KeyRow>('SELECT fingerprint, status, header, body FROM idempotency_keys WHERE key = ? AND expires_at > ?').get(key, Date.now()),
      );
      if (row !== undefined) {
        if (row.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(key);
        return { response: { status: row.status, headers: JSON.parse(row.header) as Record<string, string>, body: row.body }, replayed: true };
      }
      return await this.db.write(signal, async (connection) => {
        const response = await run();
        // Nothing the request wrote is kept, and neither is its key: a retry runs again.
        if (response.status < 200 || response.status > 299) throw new NotRecorded(response);
        const now = Date.now();
        // An expired row with the same key is replaced.
        connection
          .prepare(
            'INSERT INTO idempotency_keys (key, fingerprint, status, header, body, expires_at) VALUES (?, ?, ?, ?, ?, ?)' +
              ' ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint, status = excluded.status,' +
              ' header = excluded.header, body = excluded.body, expires_at = excluded.expires_at',
          )
          .run(key, fingerprint, response.status, JSON.stringify(response.headers), response.body, now + this.ttlMs);
        connection.prepare('DELETE FROM idempotency_keys WHERE key IN (SELECT key FROM idempotency_keys WHERE expires_at <= ? LIMIT ?)').run(now, SWEEP_BATCH);
        return { response, replayed: false };
      });
    } catch (error) {
      if (error instanceof NotRecorded) return { response: error.response, replayed: false };
      throw error;
    } finally {
      this.#inFlight.delete(key);
    }
  }
}
