import { Redis } from 'ioredis';
import type CircuitBreaker from 'opossum';
import type { Logger } from 'pino';
import type { Config } from '../../platform/config.js';
import { circuitBreaker } from '../../platform/resilience.js';

/** Failed commands in a row that open the breaker, and how long it stays open before one probe. */
const BREAKER_FAILURES = 5;
const BREAKER_OPEN_MS = 3_000;

/**
 * Redis as an optional dependency: every command is bounded by REDIS_COMMAND_TIMEOUT, never
 * queued while disconnected and never retried, and runs behind a circuit breaker (opossum). A
 * Redis that is down or frozen costs a request at most one command timeout, and nothing once the
 * breaker has opened; each transition of the breaker is logged once. The client connects in the
 * background and reconnects by itself: the service starts and serves without Redis.
 */
export class RedisCache {
  readonly #breaker: CircuitBreaker<[command: (redis: Redis) => Promise<unknown>]>;

  constructor(
    readonly redis: Redis,
    private readonly logger: Pick<Logger, 'info' | 'warn' | 'debug'>,
    commandTimeoutMs: number,
  ) {
    this.#breaker = circuitBreaker((_signal, command: (redis: Redis) => Promise<unknown>) => command(redis), {
      name: 'redis',
      timeoutMs: commandTimeoutMs,
      resetTimeoutMs: BREAKER_OPEN_MS,
      volumeThreshold: BREAKER_FAILURES,
    });
    // opossum opens on a failure rate over its rolling window, which successes from before an
    // outage dilute for seconds; an outage shows as failures in a row, so those open it too.
    let failures = 0;
    this.#breaker.on('success', () => {
      failures = 0;
    });
    this.#breaker.on('failure', () => {
      failures += 1;
      if (failures >= BREAKER_FAILURES) this.#breaker.open();
    });
    // One line when Redis is lost and one when it is back, however many requests and probes pass
    // meanwhile: the open -> half-open -> open cycles of an outage are not news.
    let down = false;
    this.#breaker.on('open', () => {
      if (down) return;
      down = true;
      logger.warn({ dependency: 'redis', breaker: 'open' }, 'redis circuit breaker opened; serving without the cache');
    });
    this.#breaker.on('halfOpen', () => {
      logger.debug({ dependency: 'redis', breaker: 'half-open' }, 'redis circuit breaker half-open; the next command probes redis');
    });
    this.#breaker.on('close', () => {
      down = false;
      logger.info({ dependency: 'redis', breaker: 'closed' }, 'redis circuit breaker closed; the cache is in use again');
    });
  }

  /**
   * Waits up to timeoutMs for the connection, so a service that starts next to a healthy Redis
   * serves from the cache at once. Never fails: without Redis the service starts anyway.
   */
  async waitForConnection(timeoutMs: number): Promise<void> {
    if (this.redis.status === 'ready') return;
    const connected = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.redis.off('ready', onReady);
        resolve(false);
      }, timeoutMs);
      const onReady = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.redis.once('ready', onReady);
    });
    if (!connected) this.logger.warn({ dependency: 'redis' }, 'redis unavailable at start; serving without the cache until it answers');
  }

  /** Runs one command through the breaker; rejects at once (EOPENBREAKER) while it is open. */
  run<T>(command: (redis: Redis) => Promise<T>): Promise<T> {
    return this.#breaker.fire(command) as Promise<T>;
  }

  /** The readiness check (optional): a PING through the breaker, so it answers at once while the breaker is open. */
  async ping(): Promise<void> {
    await this.run((redis) => redis.ping());
  }

  /** false while the breaker is open and Redis is bypassed. */
  get available(): boolean {
    return !this.#breaker.opened;
  }

  async close(): Promise<void> {
    this.#breaker.shutdown();
    // quit() needs a connection; without one there is nothing to say goodbye to.
    await this.redis.quit().catch(() => {
      this.redis.disconnect();
    });
  }
}

/** Whether error is the breaker refusing to call Redis (not a failure of Redis itself). */
export function bypassed(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'EOPENBREAKER';
}

/** The client of the service: connects in the background, reconnects forever, fails commands fast meanwhile. */
export function createRedis(config: Config['redis'], logger: Pick<Logger, 'info' | 'warn' | 'debug'>): RedisCache {
  const redis = new Redis({
    host: config.host,
    port: config.port,
    keyPrefix: config.keyPrefix,
    commandTimeout: config.commandTimeoutMs,
    connectTimeout: 2_000,
    // A cache fails fast: while Redis is away, going to the source costs less than waiting.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Without a listener ioredis prints every reconnect error as plain text; the breaker says it once.
  redis.on('error', (error: Error) => {
    logger.debug({ err: error, dependency: 'redis' }, 'redis connection error');
  });
  redis.on('ready', () => {
    logger.info({ dependency: 'redis' }, 'redis connected');
  });
  return new RedisCache(redis, logger, config.commandTimeoutMs);
}
