import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tool } from '../helpers/node-tools.js';
import { startPrivatePostgres, startPrivateRedis, type PrivateServer } from '../helpers/private-servers.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * Fault injection against a generated TypeScript (Fastify) service with PostgreSQL and Redis, run
 * with `node dist/main.js` against private instances of both: Redis stopped (at start and while
 * serving) and frozen, PostgreSQL stopped, duplicate JSON keys, and SIGTERM. Traffic stays on
 * loopback and each phase lasts a few seconds. FIGURE lines are quoted in docs/reliability.md.
 */

const REQUEST_TIMEOUT_MS = 2_000;
const COMMAND_TIMEOUT_MS = 200;
const DRAIN_MS = 1_000;
const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };

interface Answer {
  status: number;
  ms: number;
  retryAfter: string | null;
  connection: string | null;
  body: string;
}

interface RunningService {
  child: ChildProcess;
  baseUrl: string;
  logs: string[];
  exited: Promise<number | null>;
}

describe('generated TypeScript service under dependency faults', () => {
  let root = '';
  let postgres: PrivateServer & { url: string; sql(query: string): string };
  /** customer_id of every order the service acknowledged with 201. */
  const acknowledged = new Set<string>();
  /** customer_id of every order answered 503: not acknowledged, yet it may be stored (see the frozen case). */
  const refused = new Set<string>();
  let redis: PrivateServer;
  let service: RunningService | null = null;
  let sequence = 0;

  const env = () => ({
    POSTGRES_URL: postgres.url,
    REDIS_ADDR: `127.0.0.1:${redis.port}`,
    REDIS_COMMAND_TIMEOUT: `${COMMAND_TIMEOUT_MS}ms`,
    HTTP_REQUEST_TIMEOUT: `${REQUEST_TIMEOUT_MS}ms`,
    SHUTDOWN_DRAIN_DELAY: `${DRAIN_MS}ms`,
    SHUTDOWN_TIMEOUT: '5s',
    LOG_LEVEL: 'info',
  });

  async function start(): Promise<RunningService> {
    const child = spawn(process.execPath, ['dist/main.js'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HTTP_ADDR: '127.0.0.1:0', ...env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logs: string[] = [];
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const baseUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not started within 20 s:\n${logs.join('\n')}`)), 20_000);
      for (const stream of [child.stdout, child.stderr]) {
        readline.createInterface({ input: stream }).on('line', (line) => {
          logs.push(line);
          // Logged once the listener is bound and every startup (connect, migrate) is done.
          const logged = entry(line);
          const address = logged?.msg === 'started' ? logged.address : undefined;
          if (address !== undefined) {
            clearTimeout(timer);
            resolve(address);
          }
        });
      }
      void exited.then((code) => reject(new Error(`exited with ${code} before it started:\n${logs.join('\n')}`)));
    });
    service = { child, baseUrl, logs, exited };
    return service;
  }

  async function call(method: string, target: string, body?: string | Buffer): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${service!.baseUrl}${target}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, retryAfter: response.headers.get('retry-after'), connection: response.headers.get('connection'), body: text };
  }

  const customer = () => `c-${process.pid}-${++sequence}`;
  const order = (customerId: string) => JSON.stringify({ customer_id: customerId, items: [{ sku: 'sku-1', quantity: 1, unit_price: 100 }] });

  async function createOrder(): Promise<Answer> {
    const customerId = customer();
    const answer = await call('POST', '/v1/orders', order(customerId));
    if (answer.status === 201) acknowledged.add(customerId);
    if (answer.status === 503) refused.add(customerId);
    return answer;
  }

  /** POST /v1/orders on a keep-alive connection of agent; rejects when the request is lost. */
  function postKeepAlive(agent: http.Agent, target: string): Promise<{ status: number; connection: string | undefined }> {
    const customerId = customer();
    const body = order(customerId);
    return new Promise((resolve, reject) => {
      const request = http.request(`${service!.baseUrl}${target}`, { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode === 201) acknowledged.add(customerId);
          if (response.statusCode === 503) refused.add(customerId);
          resolve({ status: response.statusCode ?? 0, connection: response.headers.connection });
        });
      });
      request.on('error', reject);
      request.end(body);
    });
  }

  function getKeepAlive(agent: http.Agent, target: string): Promise<number> {
    return new Promise((resolve, reject) => {
      http
        .get(`${service!.baseUrl}${target}`, { agent }, (response) => {
          response.resume();
          response.on('end', () => {
            resolve(response.statusCode ?? 0);
          });
        })
        .on('error', reject);
    });
  }

  async function readiness(): Promise<{ status: number; body: { status?: string; checks?: Record<string, { status: string }> } }> {
    const answer = await call('GET', '/readyz');
    return { status: answer.status, body: JSON.parse(answer.body) as { status?: string; checks?: Record<string, { status: string }> } };
  }

  async function cacheAvailable(): Promise<number | undefined> {
    const metrics = (await call('GET', '/metrics')).body;
    const line = metrics.split('\n').find((row) => row.startsWith('optional_dependency_available{') && row.includes('dependency="redis"'));
    return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
  }

  async function eventually(what: string, condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}\n${service?.logs.slice(-20).join('\n') ?? ''}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  const logged = (message: string) => service!.logs.filter((line) => entry(line)?.msg?.includes(message) === true).length;
  const errorLines = () => service!.logs.filter((line) => ['error', 'fatal'].includes(entry(line)?.level ?? ''));

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    redis = await startPrivateRedis();
    const cwd = makeTempDir('create-service-ts-faults-');
    const created = await runCli('create-service', ['orders', '--lang', 'ts', '--yes', '--no-git', '--datastore', 'postgres,redis', '--deploy', 'none'], { cwd, env: NPM_ENV });
    expect(created.exitCode, `${created.stdout}\n${created.stderr}`).toBe(0);
    root = path.join(cwd, 'orders');
    await tool(root, 'npm', ['run', 'build']);
  });

  afterAll(async () => {
    service?.child.kill('SIGKILL');
    await postgres?.dispose();
    await redis?.dispose();
  });

  it('starts without Redis, stays ready with Redis degraded, serves from PostgreSQL, and uses Redis once it is back', async () => {
    await redis.stop();
    try {
      await start();
      const ready = await readiness();
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ status: 'degraded', checks: { postgres: { status: 'ok' }, redis: { status: 'degraded' } } });
      const created = await createOrder();
      expect(created.status, created.body).toBe(201);
      const { id } = JSON.parse(created.body) as { id: string };
      for (let i = 0; i < 10; i += 1) expect((await call('GET', `/v1/orders/${id}`)).status).toBe(200);
      expect(await cacheAvailable()).toBe(0);
      // The outage is logged once, not once per request or probe (log lines arrive through a pipe).
      await eventually('the breaker says it opened', async () => logged('redis circuit breaker opened') >= 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(logged('redis circuit breaker opened')).toBe(1);
    } finally {
      await redis.start();
    }
    await eventually('Redis is used again', async () => (await readiness()).body.checks?.redis?.status === 'ok' && (await cacheAvailable()) === 1);
    expect((await readiness()).body.status).toBe('ok');
    await eventually('the breaker says it closed', async () => logged('redis circuit breaker closed') >= 1);
  });

  it('costs a request at most about one command timeout per Redis call while Redis is frozen, then nothing', async () => {
    const created = await createOrder();
    expect(created.status).toBe(201);
    const { id } = JSON.parse(created.body) as { id: string };
    const opened = logged('redis circuit breaker opened');
    redis.freeze();
    try {
      const times: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        const answer = await call('GET', `/v1/orders/${id}`);
        expect(answer.status).toBe(200);
        times.push(answer.ms);
      }
      const slowest = Math.max(...times);
      const lastTen = Math.max(...times.slice(-10));
      console.log(`FIGURE ts redis frozen (command timeout ${COMMAND_TIMEOUT_MS}ms): slowest read ${slowest.toFixed(0)} ms, last 10 reads at most ${lastTen.toFixed(0)} ms`);
      // A read makes at most two Redis calls (lookup, store), each bounded by the command timeout.
      expect(slowest).toBeLessThan(2 * COMMAND_TIMEOUT_MS + 500);
      expect(lastTen).toBeLessThan(COMMAND_TIMEOUT_MS);
      const ready = await readiness();
      expect(ready.status).toBe(200);
      expect(ready.body.checks?.redis?.status).toBe('degraded');
      await eventually('the breaker says it opened', async () => logged('redis circuit breaker opened') >= opened + 1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(logged('redis circuit breaker opened')).toBe(opened + 1);
    } finally {
      redis.thaw();
    }
    await eventually('Redis is used again after the freeze', async () => (await readiness()).body.checks?.redis?.status === 'ok');
  });

  it('answers 503 with Retry-After while PostgreSQL is stopped, logs no error, and recovers', async () => {
    const known = JSON.parse((await createOrder()).body) as { id: string };
    // A save drops the cached copy (a rolled-back write must never linger in Redis); the first read fills it.
    expect((await call('GET', `/v1/orders/${known.id}`)).status).toBe(200);
    await postgres.stop();
    try {
      const errorsBefore = errorLines().length;
      const write = await createOrder();
      console.log(`FIGURE ts postgres stopped: POST answered ${write.status} in ${write.ms.toFixed(0)} ms`);
      expect(write.status, write.body).toBe(503);
      expect(write.retryAfter).toBe('1');
      expect(JSON.parse(write.body)).toMatchObject({ status: 503 });
      expect(write.body).not.toContain('ECONNREFUSED');
      // A read the cache cannot answer reaches the store: 503 too.
      const uncached = await call('GET', '/v1/orders/no-such-order-0001');
      expect(uncached.status, uncached.body).toBe(503);
      expect(uncached.retryAfter).toBe('1');
      // A read the cache answers is still served.
      const cached = await call('GET', `/v1/orders/${known.id}`);
      expect(cached.status, `${cached.body}\n${service!.logs.slice(-15).join('\n')}`).toBe(200);
      expect((await readiness()).status).toBe(503);
      expect(errorLines().slice(errorsBefore)).toEqual([]);
    } finally {
      await postgres.start();
    }
    await eventually('ready again', async () => (await readiness()).status === 200);
    expect((await createOrder()).status).toBe(201);
  });

  it('answers 503 within the request timeout while PostgreSQL is frozen, and recovers', async () => {
    postgres.freeze();
    try {
      const write = await createOrder();
      console.log(`FIGURE ts postgres frozen (request timeout ${REQUEST_TIMEOUT_MS}ms): POST answered ${write.status} in ${write.ms.toFixed(0)} ms`);
      expect(write.status, write.body).toBe(503);
      expect(write.retryAfter).toBe('1');
      expect(write.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 1_000);
      expect((await readiness()).status).toBe(503);
    } finally {
      postgres.thaw();
    }
    await eventually('ready again after the freeze', async () => (await readiness()).status === 200);
    expect((await createOrder()).status).toBe(201);
  });

  it('answers duplicate JSON keys, invalid UTF-8 and keys in another case with 400', async () => {
    const duplicate = await call('POST', '/v1/orders', '{"customer_id":"a","customer_id":"b","items":[{"sku":"s","quantity":1,"unit_price":1}]}');
    expect(duplicate.status, duplicate.body).toBe(400);
    expect(JSON.parse(duplicate.body)).toMatchObject({ status: 400 });
    const invalid = await call('POST', '/v1/orders', Buffer.concat([Buffer.from('{"customer_id":"caf'), Buffer.from([0xe9]), Buffer.from('","items":[]}')]));
    expect(invalid.status).toBe(400);
    const otherCase = await call('POST', '/v1/orders', '{"CUSTOMER_ID":"a","items":[{"sku":"s","quantity":1,"unit_price":1}]}');
    expect(otherCase.status).toBe(400);
  });

  it('drains on SIGTERM: keep-alive writers that stop at /readyz 503 lose no request, and every acknowledged write is stored', async () => {
    const lostPerRound: number[] = [];
    const failures: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      if (service === null) {
        await start();
        await eventually('ready', async () => (await readiness()).status === 200);
      }
      const current = service!;
      const agents = Array.from({ length: 8 }, () => new http.Agent({ keepAlive: true, maxSockets: 1 }));
      let lost = 0;
      let answered = 0;
      let signalledAt = 0;
      // A writer posts orders until readiness turns 503, as a load balancer stops routing.
      const writer = async (agent: http.Agent) => {
        for (;;) {
          try {
            const answer = await postKeepAlive(agent, '/v1/orders');
            expect([201, 503]).toContain(answer.status);
            answered += 1;
          } catch (error) {
            lost += 1;
            failures.push(`${(error as Error).message} at ${signalledAt === 0 ? 'before SIGTERM' : `${(performance.now() - signalledAt).toFixed(0)} ms after SIGTERM`}`);
          }
          if ((await getKeepAlive(agent, '/readyz').catch(() => 503)) === 503) return;
        }
      };
      try {
        const writers = Promise.all(agents.map(writer));
        await new Promise((resolve) => setTimeout(resolve, 300));
        const signalled = performance.now();
        signalledAt = signalled;
        current.child.kill('SIGTERM');
        await writers;
        service = null;
        expect(await current.exited, current.logs.join('\n')).toBe(0);
        expect(performance.now() - signalled).toBeGreaterThanOrEqual(DRAIN_MS - 50);
        expect(answered).toBeGreaterThan(8);
      } finally {
        for (const agent of agents) agent.destroy();
      }
      lostPerRound.push(lost);
    }
    console.log(`FIGURE ts requests lost per SIGTERM (8 keep-alive writers, drain ${DRAIN_MS}ms): ${lostPerRound.join(', ')}`);
    expect(lostPerRound, failures.join('\n')).toEqual([0, 0, 0]);
    const stored = new Set(postgres.sql(`SELECT customer_id FROM orders WHERE customer_id LIKE 'c-${process.pid}-%'`).split('\n').filter(Boolean));
    const missing = [...acknowledged].filter((id) => !stored.has(id));
    // A POST answered 503 at its deadline while PostgreSQL was frozen may still commit once it thaws:
    // 503 means "outcome unknown, retry" (with an Idempotency-Key to make the retry safe).
    const unexpected = [...stored].filter((id) => !acknowledged.has(id) && !refused.has(id));
    const refusedStored = [...stored].filter((id) => refused.has(id)).length;
    console.log(`FIGURE ts acknowledged writes: ${acknowledged.size} acknowledged, ${missing.length} lost; ${refused.size} answered 503, ${refusedStored} of them stored after all`);
    expect(missing).toEqual([]);
    expect(unexpected).toEqual([]);
  });
});

function entry(line: string): { msg?: string; level?: string; address?: string } | undefined {
  try {
    return JSON.parse(line) as { msg?: string; level?: string; address?: string };
  } catch {
    return undefined;
  }
}
