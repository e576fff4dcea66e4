import { UnavailableError } from '../../domain/errors.js';

/** Server errors that say it cannot serve now, not that the statement is wrong: the request may succeed when retried. */
const UNAVAILABLE_SERVER_CODES = [
  'ER_CON_COUNT_ERROR', // too many connections
  'ER_SERVER_SHUTDOWN',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_LOCK_DEADLOCK', // the transaction was rolled back
  'ER_OPTION_PREVENTS_STATEMENT', // read-only during a failover
  'ER_CONNECTION_KILLED', // MariaDB
  'ER_QUERY_TIMEOUT', // MySQL max_execution_time
  'ER_CLIENT_INTERACTION_TIMEOUT', // MySQL
];

/** Errors of the socket under a connection, and of mysql2 losing it or a reply: the server is down, unreachable or gone. */
const NETWORK_CODES = [
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
];

/**
 * Wraps error in an UnavailableError when it says the database could not be reached or did not
 * answer in time, so the request is answered 503 with Retry-After instead of 500. Every other
 * error (a bug, a constraint the caller maps itself) is returned as it is.
 */
export function storeError(error: unknown): unknown {
  return isUnavailable(error) ? new UnavailableError('the database', { cause: error }) : error;
}

function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // The request's deadline passed while the database did not answer (frozen, overloaded): as in
  // the Go target, a store that timed out is unavailable. A client that went away is not.
  if (error.name === 'TimeoutError') return true;
  if (error.name === 'AbortError') return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SERVER_CODES.includes(code) || NETWORK_CODES.includes(code))) return true;
  // AggregateError: every address of a host name refused.
  return error instanceof AggregateError && error.errors.some(isUnavailable);
}
