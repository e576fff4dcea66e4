import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** A client whose keys carry a prefix unique to this run; drop() deletes them and disconnects. */
export function testRedis(addr: string): { redis: Redis; prefix: string; drop: () => Promise<void> } {
  const [host = '127.0.0.1', port = '6379'] = addr.split(':');
  const prefix = `test-${randomBytes(6).toString('hex')}:`;
  const redis = new Redis({ host, port: Number(port), keyPrefix: prefix, maxRetriesPerRequest: 1 });
  return {
    redis,
    prefix,
    async drop() {
      // KEYS does not apply keyPrefix to its pattern, and returns full key names.
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys.map((fullKey) => fullKey.slice(prefix.length)));
      await redis.quit();
    },
  };
}
