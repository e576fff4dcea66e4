import type mysql from 'mysql2/promise';
import { IdempotencyKeyInFlightError, IdempotencyKeyReusedError, type IdempotencyStore, type StoredResponse } from '../../port/idempotency-store.js';
import { inTransaction } from './transaction.js';
import { storeError } from './unavailable.js';

interface KeyRow extends mysql.RowDataPacket {
  fingerprint: Buffer;
  status: number;
  header: Record<string, string> | string; // MariaDB's JSON is text on the wire
  body: Buffer;
}

/** Bounds the expired keys each recorded key deletes, which keeps the table at about the keys of one TTL without a separate job. */
const SWEEP_BATCH = 100;

/** The named lock of one key, computed by the server: per database, hashed to the 64 characters a lock name may have. */
const KEY_LOCK = "SHA2(CONCAT('idempotency key of ', DATABASE(), ': ', ?), 256)";

/** Idempotency keys in the idempotency_keys table (see migrations.ts), in the transaction of the writes of the request that carried the key. */
export class MysqlIdempotencyStore implements IdempotencyStore {
  constructor(
    private readonly pool: mysql.Pool,
    private readonly ttlMs: number,
  ) {}

  /**
   * Runs `run` at most once per key and fingerprint; see IdempotencyStore. `run` runs inside the
   * transaction that records the key (repositories reach it through connection()), so a crash or a
   * failure between them keeps neither. A named lock on the key (GET_LOCK, held by the
   * transaction's connection until it ends) makes a concurrent retry fail at once with
   * IdempotencyKeyInFlightError instead of holding a connection while it waits.
   */
  async do(key: string, fingerprint: string, signal: AbortSignal, run: () => Promise<StoredResponse>): Promise<{ response: StoredResponse; replayed: boolean }> {
    signal.throwIfAborted();
    const connection = await this.pool.getConnection().catch((error: unknown) => {
      throw storeError(error);
    });
    let locked = false;
    // False once the connection may hold a transaction or a lock it could not end: it is then destroyed, not pooled.
    let reusable = true;
    try {
      const [locks] = await connection.query<mysql.RowDataPacket[]>(`SELECT GET_LOCK(${KEY_LOCK}, 0) AS locked`, [key]);
      if (locks[0]?.locked !== 1) throw new IdempotencyKeyInFlightError(key);
      locked = true;
      await connection.beginTransaction();
      const [rows] = await connection.query<KeyRow[]>('SELECT fingerprint, status, header, body FROM idempotency_keys WHERE `key` = ? AND expires_at > UTC_TIMESTAMP(3)', [key]);
      const row = rows[0];
      if (row !== undefined) {
        if (row.fingerprint.toString() !== fingerprint) throw new IdempotencyKeyReusedError(key);
        await connection.rollback();
        const headers = typeof row.header === 'string' ? (JSON.parse(row.header) as Record<string, string>) : row.header;
        return { response: { status: row.status, headers, body: row.body }, replayed: true };
      }

      const response = await inTransaction(connection, run);
      if (response.status < 200 || response.status > 299) {
        // Nothing the request wrote is kept, and neither is its key: a retry runs again.
        await connection.rollback();
        return { response, replayed: false };
      }
      // An expired row with the same key is replaced.
      await connection.query(
        'INSERT INTO idempotency_keys (`key`, fingerprint, status, header, body, expires_at)' +
          ' VALUES (?, ?, ?, ?, ?, UTC_TIMESTAMP(3) + INTERVAL ? MICROSECOND)' +
          ' ON DUPLICATE KEY UPDATE fingerprint = VALUES(fingerprint), status = VALUES(status),' +
          ' header = VALUES(header), body = VALUES(body), expires_at = VALUES(expires_at)',
        [key, fingerprint, response.status, JSON.stringify(response.headers), response.body, Math.round(this.ttlMs * 1000)],
      );
      await connection.query('DELETE FROM idempotency_keys WHERE expires_at <= UTC_TIMESTAMP(3) LIMIT ?', [SWEEP_BATCH]);
      await connection.commit();
      return { response, replayed: false };
    } catch (error) {
      reusable = await connection.rollback().then(
        () => true,
        () => false,
      );
      // A database that cannot be reached is a 503, as in the repositories; the use case's own errors pass unchanged.
      throw storeError(error);
    } finally {
      if (reusable && locked) {
        reusable = await connection.query(`SELECT RELEASE_LOCK(${KEY_LOCK})`, [key]).then(
          () => true,
          () => false,
        );
      }
      // Destroying the connection releases its lock on the server; a pooled one must not keep it.
      if (reusable) connection.release();
      else connection.destroy();
    }
  }
}
