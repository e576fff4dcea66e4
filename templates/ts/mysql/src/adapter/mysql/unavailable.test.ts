import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../domain/errors.js';
import { MysqlIdempotencyStore } from './idempotency-store.js';
import { createMysqlPool } from './pool.js';
import { MysqlReadiness } from './readiness.js';
import { storeError } from './unavailable.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });
const UNREACHABLE = { url: 'mysql://app@127.0.0.1:1/app', maxConnections: 1, maxIdleConnections: 1, idleTimeoutMs: 1_000, queryTimeoutMs: 1_000, migrateOnStart: false };

describe('storeError', () => {
  it.each([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:3306', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a connect timeout', withCode('connect ETIMEDOUT', 'ETIMEDOUT')],
    ['a server gone mid-query', withCode('Connection lost: The server closed the connection.', 'PROTOCOL_CONNECTION_LOST')],
    ['a query without a reply', withCode('Query inactivity timeout', 'PROTOCOL_SEQUENCE_TIMEOUT')],
    ['the request deadline passing while waiting for it', new DOMException('The operation was aborted due to timeout', 'TimeoutError')],
    ['too many connections', withCode('Too many connections', 'ER_CON_COUNT_ERROR')],
    ['a server shutting down', withCode('Server shutdown in progress', 'ER_SERVER_SHUTDOWN')],
    ['a deadlock', withCode('Deadlock found when trying to get lock', 'ER_LOCK_DEADLOCK')],
  ])('marks %s as unavailable, keeping the cause', (_label, error) => {
    const marked = storeError(error);
    expect(marked).toBeInstanceOf(UnavailableError);
    expect((marked as Error).cause).toBe(error);
  });

  it.each([
    ['a syntax error', withCode('You have an error in your SQL syntax', 'ER_PARSE_ERROR')],
    ['a duplicate key', withCode("Duplicate entry 'o-1' for key 'PRIMARY'", 'ER_DUP_ENTRY')],
    ['text too long for its column', withCode("Data too long for column 'customer_id'", 'ER_DATA_TOO_LONG')],
    ['a bug', new TypeError('cannot read properties of undefined')],
    ['the client going away', new DOMException('This operation was aborted', 'AbortError')],
  ])('leaves %s alone', (_label, error) => {
    expect(storeError(error)).toBe(error);
  });

  it('marks a refused connection of a real pool', async () => {
    const pool = createMysqlPool(UNREACHABLE);
    try {
      const error = await pool.query('SELECT 1').catch((caught: unknown) => caught);
      expect(storeError(error)).toBeInstanceOf(UnavailableError);
    } finally {
      await pool.end();
    }
  });
});

describe('MysqlReadiness', () => {
  it('fails while the server cannot be reached, and tries again at the next ping', async () => {
    const readiness = new MysqlReadiness({ url: UNREACHABLE.url });
    try {
      await expect(readiness.ping(AbortSignal.timeout(2_000))).rejects.toThrow();
      await expect(readiness.ping(AbortSignal.timeout(2_000))).rejects.toThrow();
    } finally {
      await readiness.close();
    }
  });
});

describe('MysqlIdempotencyStore', () => {
  it('answers an unreachable database with UnavailableError (503), without running the request', async () => {
    const pool = createMysqlPool(UNREACHABLE);
    try {
      let ran = false;
      const run = () => {
        ran = true;
        return Promise.resolve({ status: 201, headers: {}, body: Buffer.alloc(0) });
      };
      await expect(new MysqlIdempotencyStore(pool, 60_000).do('key-1', 'fingerprint', AbortSignal.timeout(2_000), run)).rejects.toBeInstanceOf(UnavailableError);
      expect(ran).toBe(false);
    } finally {
      await pool.end();
    }
  });
});
