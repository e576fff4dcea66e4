import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../domain/errors.js';
import { PostgresIdempotencyStore } from './idempotency-store.js';
import { createPool } from './pool.js';
import { PostgresReadiness } from './readiness.js';
import { storeError } from './unavailable.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('storeError', () => {
  it.each([
    ['connection refused', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['the pool timing out', new Error('timeout exceeded when trying to connect')],
    ['a server gone mid-query', new Error('Connection terminated unexpectedly')],
    ['a query without a reply', new Error('Query read timeout')],
    ['the request deadline passing while waiting for it', new DOMException('The operation was aborted due to timeout', 'TimeoutError')],
    ['too many connections (53300)', withCode('sorry, too many clients already', '53300')],
    ['a connection exception (08006)', withCode('connection failure', '08006')],
    ['an admin shutdown (57P01)', withCode('terminating connection due to administrator command', '57P01')],
    ['a database starting up (57P03)', withCode('the database system is starting up', '57P03')],
  ])('marks %s as unavailable, keeping the cause', (_label, error) => {
    const marked = storeError(error);
    expect(marked).toBeInstanceOf(UnavailableError);
    expect((marked as Error).cause).toBe(error);
  });

  it.each([
    ['a syntax error (42601)', withCode('syntax error at or near "SELEC"', '42601')],
    ['a unique violation (23505)', withCode('duplicate key value', '23505')],
    ['a NUL in text (22021)', withCode('invalid byte sequence for encoding "UTF8": 0x00', '22021')],
    ['a bug', new TypeError('cannot read properties of undefined')],
    ['the client going away', new DOMException('This operation was aborted', 'AbortError')],
  ])('leaves %s alone', (_label, error) => {
    expect(storeError(error)).toBe(error);
  });

  it('marks a refused connection of a real pool', async () => {
    const pool = createPool({ url: 'postgres://app@127.0.0.1:1/app', maxConnections: 1, statementTimeoutMs: 1_000, migrateOnStart: false });
    try {
      const error = await pool.query('SELECT 1').catch((caught: unknown) => caught);
      expect(storeError(error)).toBeInstanceOf(UnavailableError);
    } finally {
      await pool.end();
    }
  });
});

describe('PostgresReadiness', () => {
  it('fails while the server cannot be reached, and tries again at the next ping', async () => {
    const readiness = new PostgresReadiness({ url: 'postgres://app@127.0.0.1:1/app' });
    try {
      await expect(readiness.ping(AbortSignal.timeout(2_000))).rejects.toThrow();
      await expect(readiness.ping(AbortSignal.timeout(2_000))).rejects.toThrow();
    } finally {
      await readiness.close();
    }
  });
});

describe('createPool', () => {
  it('survives an idle connection the server closed', () => {
    const pool = createPool({ url: 'postgres://app@127.0.0.1:1/app', maxConnections: 1, statementTimeoutMs: 1_000, migrateOnStart: false });
    expect(() => pool.emit('error', new Error('terminating connection due to administrator command'))).not.toThrow();
    return pool.end();
  });
});

describe('PostgresIdempotencyStore', () => {
  it('answers an unreachable database with UnavailableError (503), without running the request', async () => {
    const pool = createPool({ url: 'postgres://app@127.0.0.1:1/app', maxConnections: 1, statementTimeoutMs: 1_000, migrateOnStart: false });
    try {
      let ran = false;
      const run = () => {
        ran = true;
        return Promise.resolve({ status: 201, headers: {}, body: Buffer.alloc(0) });
      };
      await expect(new PostgresIdempotencyStore(pool, 60_000).do('key-1', 'fingerprint', AbortSignal.timeout(2_000), run)).rejects.toBeInstanceOf(UnavailableError);
      expect(ran).toBe(false);
    } finally {
      await pool.end();
    }
  });
});
