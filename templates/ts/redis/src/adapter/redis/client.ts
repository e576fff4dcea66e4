import { Redis } from 'ioredis';
import type { Config } from '../../platform/config.js';
import { withSignal } from '../../platform/resilience.js';

/**
 * A Redis client whose commands fail after REDIS_COMMAND_TIMEOUT and are retried at most once
 * while it reconnects, so a Redis outage turns into fast errors instead of queued requests.
 */
export function createRedis(config: Config['redis']): Redis {
  return new Redis({
    host: config.host,
    port: config.port,
    keyPrefix: config.keyPrefix,
    commandTimeout: config.commandTimeoutMs,
    connectTimeout: 5_000,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
}

/** The readiness check: a PING round trip. */
export async function pingRedis(redis: Redis, signal: AbortSignal): Promise<void> {
  await withSignal(redis.ping(), signal);
}
