import CircuitBreaker from 'opossum';

export interface BreakerOptions {
  /** Name in logs and errors, e.g. "redis". */
  name: string;
  /** Each call is abandoned after this long and counts as a failure. */
  timeoutMs: number;
  /** Percentage of failed calls in the rolling window that opens the breaker. */
  errorThresholdPercentage?: number;
  /** How long the breaker stays open before it lets one trial call through. */
  resetTimeoutMs?: number;
  /** Calls in the rolling window before the breaker may open at all. */
  volumeThreshold?: number;
}

/**
 * Wraps an outbound call in a circuit breaker: a call that takes longer than timeoutMs fails,
 * and once too many calls fail the breaker rejects at once (EOPENBREAKER) instead of piling up
 * requests on a dependency that is down. The call receives an AbortSignal that fires at the timeout.
 */
export function circuitBreaker<Args extends unknown[], Result>(
  call: (signal: AbortSignal, ...args: Args) => Promise<Result>,
  options: BreakerOptions,
): CircuitBreaker<Args, Result> {
  return new CircuitBreaker<Args, Result>((...args: Args) => call(AbortSignal.timeout(options.timeoutMs), ...args), {
    name: options.name,
    timeout: options.timeoutMs,
    errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
    resetTimeout: options.resetTimeoutMs ?? 10_000,
    volumeThreshold: options.volumeThreshold ?? 5,
  });
}

/**
 * Settles like the promise, or rejects with the signal's reason once it aborts: for clients
 * that take no AbortSignal themselves. The underlying call is not cancelled, only abandoned,
 * so pair it with the client's own timeout.
 */
export function withSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason as Error);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      reject(signal.reason as Error);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => {
      signal.removeEventListener('abort', onAbort);
    });
  });
}
