import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cleanEnv, tool } from '../helpers/node-tools.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { ADMIN_URL, psql, sharedPostgresReachable } from '../helpers/shared-postgres.js';

/**
 * A generated TypeScript service on PostgreSQL, built and run: Idempotency-Key replays, refuses a
 * reused key with 422 and makes one order of a cut-off POST and its retry; past HTTP_MAX_IN_FLIGHT
 * requests are shed with 503 and Retry-After while the probes still answer 200. All on loopback,
 * with at most a few dozen requests.
 */
const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
const MAX_IN_FLIGHT = 4;
const schema = `tsidem_${randomUUID().replaceAll('-', '')}`;

const reachable = await sharedPostgresReachable();

const order = JSON.stringify({ customer_id: 'c-1', items: [{ sku: 'SKU-1', quantity: 2, unit_price: 1250 }] });

function post(baseUrl: string, key: string, body = order): Promise<Response> {
  return fetch(`${baseUrl}/v1/orders`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body });
}

/** Opens a connection to the service at baseUrl. */
async function connect(baseUrl: string): Promise<net.Socket> {
  const url = new URL(baseUrl);
  const socket = net.connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return socket;
}

function write(socket: net.Socket, text: string): Promise<void> {
  return new Promise((resolve) => socket.write(text, () => resolve()));
}

/** Sends a whole POST with an Idempotency-Key and closes the connection without reading the answer. */
async function postAndHangUp(baseUrl: string, key: string): Promise<void> {
  const socket = await connect(baseUrl);
  await write(socket, `POST /v1/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: ${key}\r\nContent-Length: ${Buffer.byteLength(order)}\r\n\r\n${order}`);
  socket.destroy();
}

/** A POST whose body is held back: it occupies a slot of the admission limit until finish(). */
async function slowPost(baseUrl: string): Promise<{ finish: () => Promise<string>; received: () => string }> {
  const socket = await connect(baseUrl);
  let received = '';
  socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await write(socket, `POST /v1/orders HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(order)}\r\n\r\n${order.slice(0, 10)}`);
  return {
    received: () => received,
    async finish() {
      await write(socket, order.slice(10));
      await closed;
      return received.split('\r\n')[0] ?? '';
    },
  };
}

/** Starts the built service (node dist/main.js) on a free port and waits for its "started" line. */
async function startNodeService(root: string, env: Record<string, string>): Promise<{ child: ChildProcess; baseUrl: string; logs: string[] }> {
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: root, env: cleanEnv({ HTTP_ADDR: '127.0.0.1:0', ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not listen within 20s:\n${logs.join('\n')}`)), 20_000);
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream }).on('line', (line) => {
        logs.push(line);
        // Logged once the listener is bound and every startup (connect, migrate) is done.
        const address = /"address":"(http:\/\/127\.0\.0\.1:\d+)","msg":"started"/.exec(line)?.[1];
        if (address !== undefined) {
          clearTimeout(timer);
          resolve(address);
        }
      });
    }
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited with ${String(code)} before listening:\n${logs.join('\n')}`));
    });
  });
  return { child, baseUrl, logs };
}

describe.skipIf(!reachable)('a generated TypeScript service on PostgreSQL: Idempotency-Key and admission control', () => {
  let service: { child: ChildProcess; baseUrl: string; logs: string[] } | undefined;
  let baseUrl = '';
  const orderCount = () => psql(`SELECT count(*) FROM ${schema}.orders`).then(Number);

  beforeAll(async () => {
    await psql(`CREATE SCHEMA ${schema}`);
    const cwd = makeTempDir('create-service-ts-idem-');
    const created = await runCli('create-service', ['orders', '--lang', 'ts', '--yes', '--no-git', '--datastore', 'postgres'], { cwd, env: NPM_ENV });
    expect(created.exitCode, `${created.stdout}\n${created.stderr}`).toBe(0);
    const root = path.join(cwd, 'orders');
    await tool(root, 'node_modules/.bin/tsc', ['-p', 'tsconfig.build.json']);
    const url = new URL(ADMIN_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    service = await startNodeService(root, { POSTGRES_URL: url.toString(), HTTP_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT), SHUTDOWN_DRAIN_DELAY: '0s' });
    baseUrl = service.baseUrl;
  }, 240_000);

  afterAll(async () => {
    service?.child.kill('SIGKILL');
    if (reachable) await psql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('makes exactly one order when a cut-off POST is retried with its key, and replays the answer', async () => {
    const key = randomUUID();
    await postAndHangUp(baseUrl, key);
    const retry = await post(baseUrl, key);
    expect(retry.status).toBe(201);
    const created = (await retry.json()) as { id: string };
    const again = await post(baseUrl, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('Idempotent-Replayed')).toBe('true');
    expect(again.headers.get('Location')).toBe(`/v1/orders/${created.id}`);
    expect(((await again.json()) as { id: string }).id).toBe(created.id);
    expect(await orderCount()).toBe(1);
    expect(await psql(`SELECT count(*) FROM ${schema}.idempotency_keys WHERE key = '${key}'`)).toBe('1');
  });

  it('answers 422 to the same key with another body, 400 to a malformed key, and creates nothing', async () => {
    const before = await orderCount();
    const key = randomUUID();
    expect((await post(baseUrl, key)).status).toBe(201);
    const reused = await post(baseUrl, key, order.replace('"c-1"', '"c-2"'));
    expect(reused.status).toBe(422);
    expect(reused.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);
    expect((await post(baseUrl, 'x'.repeat(256))).status).toBe(400);
    expect(await orderCount()).toBe(before + 1);
  });

  it('makes one order from concurrent requests with one key; the others get 409 or the replay', async () => {
    const before = await orderCount();
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: MAX_IN_FLIGHT }, () => post(baseUrl, key)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409), statuses.join(',')).toBe(true);
    expect(responses.filter((response) => response.status === 201 && response.headers.get('Idempotent-Replayed') === null)).toHaveLength(1);
    expect(await orderCount()).toBe(before + 1);
  });

  it('sheds requests past HTTP_MAX_IN_FLIGHT with 503 and Retry-After at once, keeps the probes at 200, and serves again after', async () => {
    // Slow POSTs hold the slots once their headers are read. A probe request can take a slot before
    // the last of them arrives, which sheds that one instead: replace it until the slots are held.
    let held: Awaited<ReturnType<typeof slowPost>>[] = [];
    let refused: Response | undefined;
    for (const deadline = Date.now() + 5_000; Date.now() < deadline; ) {
      held = held.filter((request) => request.received() === '');
      while (held.length < MAX_IN_FLIGHT) held.push(await slowPost(baseUrl));
      await new Promise((resolve) => setTimeout(resolve, 20));
      refused = await fetch(`${baseUrl}/v1/orders/missing`);
      if (refused.status === 503 && held.every((request) => request.received() === '')) break;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.headers.get('Retry-After')).toBe('1');
    expect(refused?.headers.get('Content-Type')).toMatch(/^application\/problem\+json/);

    // Four times the limit at once: every one refused, none waits.
    const started = performance.now();
    const burst = await Promise.all(
      Array.from({ length: 4 * MAX_IN_FLIGHT }, async () => {
        const response = await fetch(`${baseUrl}/v1/orders/missing`);
        return { status: response.status, ms: performance.now() - started };
      }),
    );
    expect(burst.map((response) => response.status)).toEqual(Array.from({ length: 4 * MAX_IN_FLIGHT }, () => 503));
    const slowest = Math.max(...burst.map((response) => response.ms));
    console.log(`shed ${String(burst.length)} requests at ${String(MAX_IN_FLIGHT)} in flight; slowest answer ${slowest.toFixed(1)} ms`);
    expect(slowest).toBeLessThan(2_000);

    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/readyz`)).status).toBe(200);
    const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
    const shed = Number(/^http_requests_shed_total(?:\{[^}]*\})? (\d+)$/m.exec(metrics)?.[1]);
    expect(shed).toBeGreaterThanOrEqual(1 + 4 * MAX_IN_FLIGHT);

    const statusLines = await Promise.all(held.map((request) => request.finish()));
    expect(statusLines).toEqual(Array.from({ length: MAX_IN_FLIGHT }, () => 'HTTP/1.1 201 Created'));
    expect((await fetch(`${baseUrl}/v1/orders/missing`)).status).toBe(404);
  });
});
