import { UnavailableError } from '../../domain/errors.js';

/** Why a call was refused before it left the process. */
export type Rejection = 'breaker' | 'limiter' | 'bulkhead';

/**
 * A dependency refused at once by this client's own protection (open breaker, rate limit, full
 * bulkhead): an UnavailableError, so the inbound adapters answer 503 with Retry-After, never 500.
 */
export class DependencyRejectedError extends UnavailableError {
  constructor(
    readonly dependency: string,
    readonly reason: Rejection,
  ) {
    super(`${dependency} (${REASONS[reason]})`);
    this.name = 'DependencyRejectedError';
  }
}

const REASONS: Record<Rejection, string> = {
  breaker: 'circuit breaker open',
  limiter: 'client rate limit reached',
  bulkhead: 'too many calls in flight',
};

/** The dependency answered a status the adapter does not map to a result: our request is wrong, a bug (500). */
export class UpstreamStatusError extends Error {
  constructor(
    readonly dependency: string,
    readonly status: number,
    readonly body: string,
  ) {
    super(`${dependency} answered ${status}: ${body.slice(0, 200)}`);
    this.name = 'UpstreamStatusError';
  }
}
