import { UnavailableError } from '../../domain/errors.js';

/**
 * SQLite result codes that say the file cannot be used now, not that the statement is wrong: a
 * lock held beyond the busy timeout, a failing or full disk, a file that cannot be opened, no
 * memory. Extended codes (SQLITE_IOERR_WRITE, SQLITE_BUSY_SNAPSHOT) count as their primary code.
 */
const UNAVAILABLE_CODES = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_IOERR', 'SQLITE_FULL', 'SQLITE_CANTOPEN', 'SQLITE_NOMEM', 'SQLITE_PROTOCOL'];

/**
 * Wraps error in an UnavailableError when it says the database could not be used or the writer was
 * not free in time, so the request is answered 503 with Retry-After instead of 500. Every other
 * error (a bug, a constraint the caller maps itself) is returned as it is.
 */
export function storeError(error: unknown): unknown {
  return isUnavailable(error) ? new UnavailableError('the database', { cause: error }) : error;
}

function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error) || error instanceof UnavailableError) return false;
  // The request's deadline passed while it waited for the writer; a client that went away is not a 503.
  if (error.name === 'TimeoutError') return true;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && UNAVAILABLE_CODES.some((unavailable) => code === unavailable || code.startsWith(`${unavailable}_`));
}
