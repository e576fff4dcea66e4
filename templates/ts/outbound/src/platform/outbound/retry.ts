/** Methods whose repetition has the effect of one call (RFC 9110 §9.2.2): retried without an idempotency key. */
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

export function isIdempotent(method: string, idempotencyKey: string | undefined): boolean {
  return idempotencyKey !== undefined || IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** Exponential backoff with full jitter: a random wait in [0, min(maxMs, baseMs·2^retry)). */
export function backoffMs(retry: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** retry));
}

/** The wait a Retry-After header asks for (delta-seconds or an HTTP date), in ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | string[] | undefined, now: number = Date.now()): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * A retry budget: every first attempt earns `ratio` of a retry, every retry spends one, and the
 * balance never exceeds `max`. During an outage retries stop at ratio·calls, so they cannot
 * multiply the load on a dependency that is already failing.
 */
export class RetryBudget {
  #balance: number;

  constructor(
    private readonly ratio: number,
    private readonly max: number,
  ) {
    this.#balance = max;
  }

  deposit(): void {
    this.#balance = Math.min(this.max, this.#balance + this.ratio);
  }

  withdraw(): boolean {
    if (this.#balance < 1) return false;
    this.#balance -= 1;
    return true;
  }
}
