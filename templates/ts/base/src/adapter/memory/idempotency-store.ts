import { IdempotencyKeyInFlightError, IdempotencyKeyReusedError, type IdempotencyStore, type StoredResponse } from '../../port/idempotency-store.js';

interface IdempotencyRecord {
  fingerprint: string;
  response: StoredResponse;
  expires: number;
}

/**
 * Idempotency keys in process memory for a fixed TTL. Like the other memory adapters it forgets
 * everything at restart, and replicas do not share it.
 */
export class MemoryIdempotencyStore implements IdempotencyStore {
  /** In recording order, which is expiry order: every key lives for the same TTL. */
  readonly #records = new Map<string, IdempotencyRecord>();
  readonly #inFlight = new Set<string>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `run` at most once per key and fingerprint; see IdempotencyStore. A request whose key is in
   * flight is refused rather than queued, so a retry storm cannot pile up behind a slow request.
   */
  async do(key: string, fingerprint: string, signal: AbortSignal, run: () => Promise<StoredResponse>): Promise<{ response: StoredResponse; replayed: boolean }> {
    signal.throwIfAborted();
    this.#forgetExpired();
    const record = this.#records.get(key);
    if (record !== undefined) {
      if (record.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError(key);
      return { response: clone(record.response), replayed: true };
    }
    if (this.#inFlight.has(key)) throw new IdempotencyKeyInFlightError(key);
    this.#inFlight.add(key);
    try {
      const response = await run();
      if (response.status >= 200 && response.status <= 299) {
        this.#records.set(key, { fingerprint, response: clone(response), expires: this.now() + this.ttlMs });
      }
      return { response, replayed: false };
    } finally {
      this.#inFlight.delete(key);
    }
  }

  #forgetExpired(): void {
    const now = this.now();
    for (const [key, record] of this.#records) {
      if (record.expires > now) return;
      this.#records.delete(key);
    }
  }
}

/** A copy, so that callers cannot change a stored response. */
function clone(response: StoredResponse): StoredResponse {
  return { status: response.status, headers: { ...response.headers }, body: Buffer.from(response.body) };
}
