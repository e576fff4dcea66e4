import net from 'node:net';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRedis, RedisCache } from './client.js';

const config = { host: '127.0.0.1', port: 1, keyPrefix: 'test:', commandTimeoutMs: 100 };
const logger = () => ({ info: vi.fn(), warn: vi.fn(), debug: vi.fn() });

/** A server that accepts connections and never answers: a frozen (SIGSTOPped) Redis. */
async function frozenServer(): Promise<{ port: number; bytes: () => number; close: () => Promise<void> }> {
  let received = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk) => {
      received += chunk.length;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    bytes: () => received,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => {
          resolve();
        });
      }),
  };
}

describe('createRedis without a server', () => {
  it('starts, fails each command fast, opens the breaker after 5 failures and says so once', async () => {
    const log = logger();
    const cache = createRedis(config, log);
    try {
      for (let i = 0; i < 20; i += 1) {
        const started = performance.now();
        await expect(cache.run((redis) => redis.get('k'))).rejects.toThrow();
        expect(performance.now() - started).toBeLessThan(config.commandTimeoutMs + 50);
      }
      expect(cache.available).toBe(false);
      await expect(cache.ping()).rejects.toMatchObject({ code: 'EOPENBREAKER' });
      expect(log.warn).toHaveBeenCalledTimes(1);
    } finally {
      await cache.close();
    }
  });
});

describe('RedisCache against a frozen server', () => {
  let frozen: Awaited<ReturnType<typeof frozenServer>>;
  let cache: RedisCache;
  const log = logger();

  beforeEach(async () => {
    frozen = await frozenServer();
    // No ready check: the connection counts as up at once, as it was before the server froze.
    const redis = new Redis({ host: '127.0.0.1', port: frozen.port, enableReadyCheck: false, enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 100 });
    await new Promise((resolve) => redis.once('ready', resolve));
    cache = new RedisCache(redis, log, 100);
  });
  afterEach(async () => {
    await cache.close();
    await frozen.close();
  });

  it('costs each call at most one command timeout, then nothing once the breaker is open', async () => {
    for (let i = 0; i < 5; i += 1) {
      const started = performance.now();
      await expect(cache.run((redis) => redis.get('k'))).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(100 + 80);
    }
    expect(cache.available).toBe(false);
    const sent = frozen.bytes();
    const started = performance.now();
    for (let i = 0; i < 50; i += 1) await expect(cache.run((redis) => redis.get('k'))).rejects.toMatchObject({ code: 'EOPENBREAKER' });
    expect(performance.now() - started).toBeLessThan(100);
    // Nothing more reached the server while the breaker was open.
    expect(frozen.bytes()).toBe(sent);
    expect(log.warn).toHaveBeenCalledTimes(1);
  });
});

describe('waitForConnection', () => {
  it('gives up after the timeout without failing, and says so', async () => {
    const log = logger();
    const cache = createRedis(config, log);
    try {
      const started = performance.now();
      await expect(cache.waitForConnection(200)).resolves.toBeUndefined();
      expect(performance.now() - started).toBeGreaterThanOrEqual(190);
      expect(log.warn).toHaveBeenCalledWith({ dependency: 'redis' }, expect.stringContaining('unavailable at start'));
    } finally {
      await cache.close();
    }
  });
});

describe('the breaker', () => {
  it('opens after 5 failures in a row, however many successes came before', async () => {
    const log = logger();
    const cache = new RedisCache(new Redis({ lazyConnect: true }), log, 100);
    try {
      for (let i = 0; i < 100; i += 1) await cache.run(() => Promise.resolve('OK'));
      for (let i = 0; i < 4; i += 1) await expect(cache.run(() => Promise.reject(new Error('down')))).rejects.toThrow('down');
      expect(cache.available).toBe(true);
      await expect(cache.run(() => Promise.reject(new Error('down')))).rejects.toThrow('down');
      expect(cache.available).toBe(false);
      expect(log.warn).toHaveBeenCalledTimes(1);
    } finally {
      await cache.close();
    }
  });
});
