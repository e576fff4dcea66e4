import { ConflictError } from '../domain/errors.js';

/** Another request with the same key has not finished yet: the client retries later and then gets its outcome. */
export class IdempotencyKeyInFlightError extends ConflictError {
  constructor(key: string) {
    super(`idempotency key ${JSON.stringify(key)} is in flight`);
    this.name = 'IdempotencyKeyInFlightError';
  }
}

/** The key was first used with another request. Keys name one request, not one client. */
export class IdempotencyKeyReusedError extends Error {
  constructor(key: string) {
    super(`idempotency key ${JSON.stringify(key)} was used with another request`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

/** The outcome of a request, kept so that a retry with the same key gets the same answer without running the request again. */
export interface StoredResponse {
  status: number;
  /** The headers a replay repeats, by lower-case name. */
  headers: Record<string, string>;
  body: Buffer;
}

/**
 * Runs requests that carry an idempotency key at most once per key, for as long as it keeps the
 * key. The implementations live in src/adapter/.
 */
export interface IdempotencyStore {
  /**
   * The stored response when `key` was recorded for the same fingerprint (`replayed` is then true);
   * an IdempotencyKeyReusedError for another fingerprint, an IdempotencyKeyInFlightError while a
   * request with `key` runs. Otherwise it calls `run`, whose writes through the same store's
   * repositories are kept with the key atomically, and records a successful (2xx) response: both
   * are kept, or neither. Other outcomes are returned and not recorded.
   */
  do(key: string, fingerprint: string, signal: AbortSignal, run: () => Promise<StoredResponse>): Promise<{ response: StoredResponse; replayed: boolean }>;
}
