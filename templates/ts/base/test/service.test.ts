import http from 'node:http';
import net from 'node:net';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Startup } from '../src/bootstrap/ports.js';
import { createService, type Service } from '../src/bootstrap/service.js';
import { loadConfig } from '../src/platform/config.js';
import { createLogger } from '../src/platform/logger.js';
import { serviceTestEnv } from './environment.js';

const dependencies = serviceTestEnv();

/** The service started for real on a free port, stopped the way SIGTERM stops it; skipped without the servers it needs. */
describe.skipIf(dependencies === undefined)('service start and graceful stop', () => {
  let service: Service | undefined;
  const logs: Record<string, unknown>[] = [];

  afterEach(async () => {
    await service?.stop();
    logs.length = 0;
  });

  function build(env: Record<string, string> = {}, startups: Startup[] = []): Service {
    const config = loadConfig({
      HTTP_ADDR: '127.0.0.1:0',
      SHUTDOWN_DRAIN_DELAY: '0s',
      SHUTDOWN_TIMEOUT: '5s',
      ...dependencies,
      ...env,
    });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n')) if (line !== '') logs.push(JSON.parse(line) as Record<string, unknown>);
        done();
      },
    });
    service = createService(config, createLogger(config, sink), { startups });
    return service;
  }

  it('answers its probes and echoes the request ID', async () => {
    const base = await build().start();
    const live = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'req-1' } });
    expect(live.status).toBe(200);
    expect(live.headers.get('x-request-id')).toBe('req-1');
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok' });
  });

  it('fails at once on a busy HTTP_ADDR, before any startup runs', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as net.AddressInfo;
    const startup = vi.fn(() => Promise.resolve());
    try {
      await expect(build({ HTTP_ADDR: `127.0.0.1:${port}` }, [{ name: 'first', start: startup }]).start()).rejects.toThrow(`HTTP_ADDR 127.0.0.1:${port} cannot be listened on`);
      expect(startup).not.toHaveBeenCalled();
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('listens first: /readyz answers 503 "starting" and routes 503 with Retry-After until the startups are done', async () => {
    let listening!: (base: string) => void;
    const bound = new Promise<string>((resolve) => {
      listening = resolve;
    });
    let finish!: () => void;
    const pending = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const starting = build({}, [
      {
        name: 'pending',
        start: async () => {
          listening(`http://127.0.0.1:${String((starting.server.server.address() as net.AddressInfo).port)}`);
          await pending;
        },
      },
    ]);
    starting.server.get('/test/hello', () => ({ hello: true }));
    const started = starting.start();
    const base = await bound;
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'starting' });
    const early = await fetch(`${base}/test/hello`);
    expect(early.status).toBe(503);
    expect(early.headers.get('retry-after')).toBe('1');
    finish();
    expect(await started).toBe(base);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect((await fetch(`${base}/test/hello`)).status).toBe(200);
  });

  it('a stop while starting ends the start: later startups never run, the service never reports "started"', async () => {
    let entered!: () => void;
    const inFirst = new Promise<void>((resolve) => {
      entered = resolve;
    });
    let finish!: () => void;
    const pending = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const second = vi.fn(() => Promise.resolve());
    const starting = build({}, [
      {
        name: 'pending',
        start: async () => {
          entered();
          await pending;
        },
      },
      { name: 'second', start: second },
    ]);
    const started = starting.start();
    await inFirst;
    const stopped = starting.stop();
    finish();
    const base = await started;
    await stopped;
    expect(second).not.toHaveBeenCalled();
    expect(logs.map((line) => line.msg)).not.toContain('started');
    expect(logs.map((line) => line.msg)).toContain('stopped');
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
  });

  it('finishes an in-flight request during shutdown, then refuses connections', async () => {
    const slow = build();
    let markStarted!: () => void;
    const slowStarted = new Promise<void>((resolve) => {
      markStarted = resolve;
    });
    slow.server.get('/test/slow', async () => {
      markStarted();
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { done: true };
    });
    const base = await slow.start();
    const inFlight = fetch(`${base}/test/slow`);
    await slowStarted;
    const stopping = Date.now();
    const stopped = slow.stop();

    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ done: true });
    await stopped;
    // Drained as soon as the request finished, not at SHUTDOWN_TIMEOUT (5s here).
    expect(Date.now() - stopping).toBeLessThan(2_000);
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    expect(logs.some((entry) => entry.msg === 'stopped')).toBe(true);
  });

  it('drains: keep-alive clients that stop at /readyz 503 lose no request, and see Connection: close', async () => {
    const base = await build({ SHUTDOWN_DRAIN_DELAY: '500ms' }).start();
    const agents = Array.from({ length: 4 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
    const get = (agent: http.Agent, path: string) =>
      new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
        http
          .get(`${base}${path}`, { agent }, (response) => {
            response.resume();
            response.on('end', () => {
              resolve({ status: response.statusCode ?? 0, connection: response.headers.connection });
            });
          })
          .on('error', reject);
      });
    // Each client works until readiness says stop, as a load balancer does; a failed request rejects.
    const client = async (agent: http.Agent) => {
      const statuses: number[] = [];
      for (;;) {
        statuses.push((await get(agent, '/healthz')).status);
        const ready = await get(agent, '/readyz');
        if (ready.status === 503) return { statuses, closed: ready.connection === 'close' };
      }
    };
    try {
      const clients = Promise.all(agents.map(client));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const stopped = service?.stop();
      const results = await clients;
      await stopped;
      for (const { statuses, closed } of results) {
        expect(statuses.length).toBeGreaterThan(1);
        expect(statuses.every((status) => status === 200)).toBe(true);
        expect(closed).toBe(true);
      }
    } finally {
      for (const agent of agents) agent.destroy();
    }
  });

  it('keeps the deadline of a request with a body alive until it is answered', async () => {
    const echo = build();
    echo.server.post('/test/echo', async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      request.deadline.throwIfAborted();
      return request.body;
    });
    const base = await echo.start();
    const response = await fetch(`${base}/test/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ a: 1 });
  });

  it('logs every request with its request ID', async () => {
    const base = await build({ LOG_LEVEL: 'info' }).start();
    await fetch(`${base}/no/such/route`, { headers: { 'x-request-id': 'trace-me' } });
    expect(logs.filter((entry) => entry.requestId === 'trace-me').length).toBeGreaterThan(0);
  });
});
