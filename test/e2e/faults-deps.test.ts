import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { startPrivateMysql, startPrivatePostgres, startPrivateRedis, type PrivateServer } from '../helpers/private-servers.js';
import { startService, type RunningService } from '../helpers/service-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * Fault injection against a generated Go service (PostgreSQL + Redis) and private instances of
 * both: stopped and frozen datastores and their recovery, overload past the admission limit, and
 * SIGTERM under keep-alive load; and against a MySQL service and a private MariaDB, stopped and
 * frozen. Traffic stays on loopback and each phase lasts a few seconds.
 * The figures it measures are printed (FIGURE lines) and quoted in docs/reliability.md.
 */

const LIMIT = 16;
const REQUEST_TIMEOUT_MS = 2_000;
const COMMAND_TIMEOUT_MS = 200;
/** Ids of the generated shape (26 characters of base32) that no order has: reads that reach the database. */
const UNKNOWN_IDS = ['ZZZZZZZZZZZZZZZZZZZZZZZZZ2', 'ZZZZZZZZZZZZZZZZZZZZZZZZZ3'];

interface Answer {
  status: number;
  ms: number;
  retryAfter: string | null;
  body: string;
}

describe('generated Go service under dependency faults', () => {
  let binary: string;
  let postgres: PrivateServer & { url: string; sql(query: string): string };
  let redis: PrivateServer;
  let service: RunningService | null = null;
  /** customer_id of every order the service acknowledged with 201, and its id. */
  const acknowledged = new Map<string, string>();
  let sequence = 0;

  const env = () => ({
    POSTGRES_URL: postgres.url,
    REDIS_ADDR: `127.0.0.1:${redis.port}`,
    REDIS_COMMAND_TIMEOUT: `${COMMAND_TIMEOUT_MS}ms`,
    POSTGRES_CONNECT_TIMEOUT: '1s',
    HTTP_REQUEST_TIMEOUT: `${REQUEST_TIMEOUT_MS}ms`,
    HTTP_MAX_IN_FLIGHT: String(LIMIT),
    SHUTDOWN_DRAIN_DELAY: '1s',
    SHUTDOWN_TIMEOUT: '5s',
    LOG_LEVEL: 'info',
  });

  async function call(method: string, target: string, body?: unknown): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${service!.baseUrl}${target}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, retryAfter: response.headers.get('retry-after'), body: text };
  }

  async function createOrder(): Promise<Answer> {
    const customer = `c-${process.pid}-${++sequence}`;
    const answer = await call('POST', '/v1/orders', { customer_id: customer, items: [{ sku: 'sku-1', quantity: 1, unit_price: 100 }] });
    if (answer.status === 201) acknowledged.set(customer, (JSON.parse(answer.body) as { id: string }).id);
    return answer;
  }

  async function readiness(): Promise<{ status: number; checks: Record<string, { status: string }> }> {
    const answer = await call('GET', '/readyz');
    return { status: answer.status, checks: (JSON.parse(answer.body) as { checks?: Record<string, { status: string }> }).checks ?? {} };
  }

  async function eventually(what: string, condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function startTheService(): Promise<void> {
    service = await startService(binary, env());
    await eventually('the service is ready', async () => (await readiness()).status === 200);
  }

  async function stopTheService(): Promise<void> {
    if (service === null) return;
    const current = service;
    service = null;
    current.child.kill('SIGTERM');
    const { code } = await current.exited;
    expect(code, current.logs.join('\n')).toBe(0);
  }

  beforeAll(async () => {
    postgres = await startPrivatePostgres();
    redis = await startPrivateRedis();
    const cwd = makeTempDir();
    const created = await runCli('create-service', ['orders', '--yes', '--no-git', '--datastore', 'postgres,redis', '--deploy', 'none'], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    const root = path.join(cwd, 'orders');
    binary = path.join(root, 'bin', 'orders');
    await goTool(root, 'go', ['build', '-o', binary, './cmd/orders']);
  });

  afterAll(async () => {
    service?.child.kill('SIGKILL');
    await postgres?.dispose();
    await redis?.dispose();
  });

  it('starts without Redis, reports it degraded but stays ready, and uses it once it is back', async () => {
    await redis.stop();
    await startTheService();
    const report = await readiness();
    expect(report.status).toBe(200);
    expect(report.checks.redis?.status).toBe('degraded');
    expect((await createOrder()).status).toBe(201);
    expect(service!.logs.some((line) => line.includes('redis unavailable at start'))).toBe(true);

    await redis.start();
    await eventually('redis is ok in /readyz', async () => (await readiness()).checks.redis?.status === 'ok');
    const metrics = (await call('GET', '/metrics')).body;
    expect(metrics).toMatch(/^cache_available 1$/m);
  });

  it('serves every request while Redis is frozen: one command timeout at most, then nothing once the breaker opens', async () => {
    const order = await createOrder();
    expect(order.status).toBe(201);
    const id = (JSON.parse(order.body) as { id: string }).id;
    const mark = service!.logs.length;
    redis.freeze();
    try {
      const answers: Answer[] = [];
      for (let i = 0; i < 20; i++) answers.push(await call('GET', `/v1/orders/${id}`));
      expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
      const slowest = Math.max(...answers.map((a) => a.ms));
      const last = answers.slice(-10).map((a) => a.ms);
      console.log(`FIGURE redis frozen: slowest GET ${slowest.toFixed(0)} ms, last 10 GETs at most ${Math.max(...last).toFixed(0)} ms`);
      // A read tries the cache (one timeout) and then stores the loaded order (another) at most.
      expect(slowest).toBeLessThan(2 * COMMAND_TIMEOUT_MS + 400);
      expect(Math.max(...last)).toBeLessThan(COMMAND_TIMEOUT_MS);
      const report = await readiness();
      expect(report.status).toBe(200);
      expect(report.checks.redis?.status).toBe('degraded');
      expect((await call('GET', '/metrics')).body).toMatch(/^cache_available 0$/m);
      const transitions = service!.logs.slice(mark).filter((line) => line.includes('redis circuit breaker changed state'));
      expect(transitions.filter((line) => line.includes('"from":"closed"'))).toHaveLength(1);
      expect(service!.logs.slice(mark).filter((line) => line.includes('order cache failed')).length).toBeLessThanOrEqual(5);
    } finally {
      redis.thaw();
    }
    await eventually('redis is ok again after the thaw', async () => (await readiness()).checks.redis?.status === 'ok');
  });

  it('answers 503 with Retry-After, never 500, while PostgreSQL is stopped, and recovers when it is back', async () => {
    await postgres.stop();
    try {
      const answers = [await createOrder(), await createOrder(), await call('GET', `/v1/orders/${UNKNOWN_IDS[0]}`)];
      for (const answer of answers) {
        expect(answer.status, answer.body).toBe(503);
        expect(answer.retryAfter).toMatch(/^\d+$/);
      }
      expect((await readiness()).status).toBe(503);
    } finally {
      await postgres.start();
    }
    await eventually('writes succeed again', async () => (await createOrder()).status === 201);
    expect(service!.logs.filter((line) => line.includes('"level":"ERROR"'))).toEqual([]);
  });

  it('answers 503 within the request timeout while PostgreSQL is frozen, and recovers after the thaw', async () => {
    postgres.freeze();
    let answers: Answer[];
    try {
      answers = await Promise.all([createOrder(), createOrder(), call('GET', `/v1/orders/${UNKNOWN_IDS[1]}`)]);
    } finally {
      postgres.thaw();
    }
    for (const answer of answers) {
      expect(answer.status, answer.body).toBe(503);
      expect(answer.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 1_000);
    }
    await eventually('writes succeed after the thaw', async () => (await createOrder()).status === 201);
  });

  it(`sheds load past ${LIMIT} requests in flight with 503 + Retry-After, keeps probes answered, and measures p99 at 4x the limit`, async () => {
    const clients = 4 * LIMIT;
    const until = Date.now() + 3_000;
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let probeFailures = 0;
    const probe = (async () => {
      while (Date.now() < until) {
        if ((await call('GET', '/readyz')).status !== 200) probeFailures++;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (Date.now() < until) {
          const answer = await createOrder();
          latencies.push(answer.ms);
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          if (answer.status === 503) expect(answer.retryAfter).toMatch(/^\d+$/);
        }
      }),
    );
    await probe;
    latencies.sort((a, b) => a - b);
    const p = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    const shed = statuses.get(503) ?? 0;
    console.log(
      `FIGURE overload ${clients} clients / limit ${LIMIT}: ${latencies.length} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, p50 ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms`,
    );
    expect([...statuses.keys()].sort()).toEqual(shed > 0 ? [201, 503] : [201]);
    expect(shed).toBeGreaterThan(0);
    expect(probeFailures).toBe(0);
    const counted = /^http_requests_shed_total (\d+)$/m.exec((await call('GET', '/metrics')).body);
    expect(Number(counted?.[1])).toBe(shed);
    expect(p(0.99)).toBeLessThan(REQUEST_TIMEOUT_MS);
  });

  it('loses no request of keep-alive clients that stop when /readyz turns 503 on SIGTERM', async () => {
    const lostPerSigterm: number[] = [];
    const reasons: string[] = [];
    for (let round = 0; round < 3; round++) {
      if (service === null) await startTheService();
      let lost = 0;
      let sent = 0;
      const clients = Array.from({ length: 8 }, async () => {
        for (;;) {
          try {
            if ((await call('GET', '/readyz')).status !== 200) return;
          } catch {
            return; // The listener is closed: a balancer would have stopped routing here.
          }
          sent++;
          try {
            const answer = await createOrder();
            if (answer.status !== 201) {
              lost++;
              reasons.push(`${answer.status} ${answer.body}`);
            }
          } catch (error) {
            lost++;
            reasons.push(String((error as Error & { cause?: unknown }).cause ?? error));
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const current = service!;
      current.child.kill('SIGTERM');
      await Promise.all(clients);
      const { code } = await current.exited;
      service = null;
      expect(code, current.logs.join('\n')).toBe(0);
      expect(sent).toBeGreaterThan(0);
      lostPerSigterm.push(lost);
    }
    console.log(`FIGURE requests lost per SIGTERM under keep-alive load: ${JSON.stringify(lostPerSigterm)}`);
    expect(reasons).toEqual([]);
    expect(lostPerSigterm).toEqual([0, 0, 0]);
  });

  it('lost and duplicated no acknowledged write across every fault', async () => {
    await stopTheService();
    const rows = postgres.sql('SELECT customer_id, id FROM orders').split('\n').filter(Boolean);
    const stored = new Map<string, string[]>();
    for (const row of rows) {
      const [customer, id] = row.split('|') as [string, string];
      stored.set(customer, [...(stored.get(customer) ?? []), id]);
    }
    const duplicated = [...stored].filter(([, ids]) => ids.length > 1);
    const lost = [...acknowledged].filter(([customer, id]) => !stored.get(customer)?.includes(id));
    console.log(`FIGURE writes: ${acknowledged.size} acknowledged, ${rows.length} stored, ${lost.length} lost, ${duplicated.length} duplicated`);
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(acknowledged.size).toBeGreaterThan(0);
    expect(fs.existsSync(binary)).toBe(true);
  });
});

describe('generated Go service under MySQL faults', () => {
  let binary: string;
  let mysql: PrivateServer & { url: string; sql(query: string): string };
  let service: RunningService | null = null;
  /** customer_id of every order the service acknowledged with 201, and its id. */
  const acknowledged = new Map<string, string>();
  let sequence = 0;

  async function call(method: string, target: string, body?: unknown): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${service!.baseUrl}${target}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, retryAfter: response.headers.get('retry-after'), body: text };
  }

  async function createOrder(): Promise<Answer> {
    const customer = `m-${process.pid}-${++sequence}`;
    const answer = await call('POST', '/v1/orders', { customer_id: customer, items: [{ sku: 'sku-1', quantity: 1, unit_price: 100 }] });
    if (answer.status === 201) acknowledged.set(customer, (JSON.parse(answer.body) as { id: string }).id);
    return answer;
  }

  async function eventually(what: string, condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    mysql = await startPrivateMysql();
    const cwd = makeTempDir();
    const created = await runCli('create-service', ['orders', '--yes', '--no-git', '--datastore', 'mysql', '--deploy', 'none'], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    const root = path.join(cwd, 'orders');
    binary = path.join(root, 'bin', 'orders');
    await goTool(root, 'go', ['build', '-o', binary, './cmd/orders']);
    service = await startService(binary, {
      MYSQL_URL: mysql.url,
      MYSQL_CONNECT_TIMEOUT: '1s',
      HTTP_REQUEST_TIMEOUT: `${REQUEST_TIMEOUT_MS}ms`,
      SHUTDOWN_DRAIN_DELAY: '0s',
      SHUTDOWN_TIMEOUT: '5s',
    });
    await eventually('the service is ready', async () => (await call('GET', '/readyz')).status === 200);
    expect((await createOrder()).status).toBe(201);
  });

  afterAll(async () => {
    service?.child.kill('SIGKILL');
    await mysql?.dispose();
  });

  it('answers 503 with Retry-After, never 500, while MariaDB is stopped, and recovers when it is back', async () => {
    await mysql.stop();
    try {
      const answers = [await createOrder(), await createOrder(), await call('GET', `/v1/orders/${UNKNOWN_IDS[0]}`)];
      for (const answer of answers) {
        expect(answer.status, answer.body).toBe(503);
        expect(answer.retryAfter).toMatch(/^\d+$/);
      }
      expect((await call('GET', '/readyz')).status).toBe(503);
    } finally {
      await mysql.start();
    }
    await eventually('writes succeed again', async () => (await createOrder()).status === 201);
    await eventually('ready again', async () => (await call('GET', '/readyz')).status === 200);
    expect(service!.logs.filter((line) => line.includes('"level":"ERROR"'))).toEqual([]);
  });

  it('answers 503 within the request timeout while MariaDB is frozen, and recovers after the thaw', async () => {
    mysql.freeze();
    let answers: Answer[];
    try {
      answers = await Promise.all([createOrder(), createOrder(), call('GET', `/v1/orders/${UNKNOWN_IDS[1]}`)]);
    } finally {
      mysql.thaw();
    }
    for (const answer of answers) {
      expect(answer.status, answer.body).toBe(503);
      expect(answer.retryAfter).toMatch(/^\d+$/);
      expect(answer.ms).toBeLessThan(REQUEST_TIMEOUT_MS + 1_000);
    }
    console.log(`FIGURE mariadb frozen: slowest answer ${Math.max(...answers.map((a) => a.ms)).toFixed(0)} ms`);
    await eventually('writes succeed after the thaw', async () => (await createOrder()).status === 201);
  });

  it('lost and duplicated no acknowledged write across the faults', async () => {
    const current = service!;
    service = null;
    current.child.kill('SIGTERM');
    const { code } = await current.exited;
    expect(code, current.logs.join('\n')).toBe(0);
    const rows = mysql.sql('SELECT customer_id, id FROM orders').split('\n').filter(Boolean);
    const stored = new Map<string, string[]>();
    for (const row of rows) {
      const [customer, id] = row.split('\t') as [string, string];
      stored.set(customer, [...(stored.get(customer) ?? []), id]);
    }
    const lost = [...acknowledged].filter(([customer, id]) => !stored.get(customer)?.includes(id));
    const duplicated = [...stored].filter(([, ids]) => ids.length > 1);
    console.log(`FIGURE mysql writes: ${acknowledged.size} acknowledged, ${rows.length} stored, ${lost.length} lost, ${duplicated.length} duplicated`);
    expect(lost).toEqual([]);
    expect(duplicated).toEqual([]);
    expect(acknowledged.size).toBeGreaterThan(2);
  });
});
