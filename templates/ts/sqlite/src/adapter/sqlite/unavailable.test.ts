import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../domain/errors.js';
import { storeError } from './unavailable.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('storeError', () => {
  it.each([
    ['a lock held beyond the busy timeout', withCode('database is locked', 'SQLITE_BUSY')],
    ['a stale snapshot', withCode('database is locked', 'SQLITE_BUSY_SNAPSHOT')],
    ['a locked table', withCode('database table is locked', 'SQLITE_LOCKED')],
    ['a failing disk', withCode('disk I/O error', 'SQLITE_IOERR_WRITE')],
    ['a full disk', withCode('database or disk is full', 'SQLITE_FULL')],
    ['a file that cannot be opened', withCode('unable to open database file', 'SQLITE_CANTOPEN')],
    ['the request deadline passing while waiting for the writer', new DOMException('The operation was aborted due to timeout', 'TimeoutError')],
  ])('marks %s as unavailable, keeping the cause', (_label, error) => {
    const marked = storeError(error);
    expect(marked).toBeInstanceOf(UnavailableError);
    expect((marked as Error).cause).toBe(error);
  });

  it.each([
    ['a syntax error', withCode('near "NOT": syntax error', 'SQLITE_ERROR')],
    ['a duplicate key', withCode('UNIQUE constraint failed: orders.id', 'SQLITE_CONSTRAINT_PRIMARYKEY')],
    ['a value of the wrong type', withCode('cannot store TEXT value in INTEGER column', 'SQLITE_CONSTRAINT_DATATYPE')],
    ['a bug', new TypeError('cannot read properties of undefined')],
    ['the client going away', new DOMException('This operation was aborted', 'AbortError')],
    ['an UnavailableError already', new UnavailableError('the database')],
  ])('leaves %s alone', (_label, error) => {
    expect(storeError(error)).toBe(error);
  });
});
