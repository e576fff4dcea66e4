import { UnavailableError } from '../../domain/errors.js';

/** SQLSTATE classes and codes that say the server cannot serve now, not that the statement is wrong. */
const UNAVAILABLE_CLASSES = ['08', '53']; // connection exception, insufficient resources
const UNAVAILABLE_CODES = ['57P01', '57P02', '57P03']; // admin shutdown, crash shutdown, cannot connect now

/** Errors of the socket under a connection: the server is down, unreachable or gone. */
const NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN'];

/** What `pg` says, in messages only, when it cannot get or keep a connection, or a reply in time. */
const CLIENT_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated unexpectedly',
  'Connection terminated due to connection timeout',
  'Connection terminated',
  'Query read timeout',
  'Client has encountered a connection error and is not queryable',
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
  if (typeof code === 'string') {
    if (code.length === 5 && /^[0-9A-Z]{5}$/.test(code)) return UNAVAILABLE_CLASSES.includes(code.slice(0, 2)) || UNAVAILABLE_CODES.includes(code);
    if (NETWORK_CODES.includes(code)) return true;
  }
  if (CLIENT_MESSAGES.includes(error.message)) return true;
  // AggregateError: every address of a host name refused.
  return error instanceof AggregateError && error.errors.some(isUnavailable);
}
