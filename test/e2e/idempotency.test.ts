import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { startService, type RunningService } from '../helpers/service-process.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { ADMIN_URL, psql, sharedPostgresReachable } from '../helpers/shared-postgres.js';

const schema = `idem_${randomUUID().replaceAll('-', '')}`;

const reachable = await sharedPostgresReachable();

const order = JSON.stringify({ customer_id: 'c-1', items: [{ sku: 'SKU-1', quantity: 2, unit_price: 1250 }] });

/** Sends a whole POST with an Idempotency-Key and closes the connection without reading the answer. */
async function postAndHangUp(baseUrl: string, key: string): Promise<void> {
  const url = new URL(baseUrl);
  const socket = net.connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  await new Promise<void>((resolve) =>
    socket.write(
      `POST /v1/orders HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\nIdempotency-Key: ${key}\r\n` +
        `Content-Length: ${Buffer.byteLength(order)}\r\n\r\n${order}`,
      () => resolve(),
    ),
  );
  socket.destroy();
}

function post(baseUrl: string, key: string, body = order): Promise<Response> {
  return fetch(`${baseUrl}/v1/orders`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key }, body });
}

/** A generated Go service on PostgreSQL: a POST cut off by its client, then retried with the same key, makes one order. */
describe.skipIf(!reachable)('Idempotency-Key on a generated Go service with PostgreSQL', () => {
  let service: RunningService;
  const orderCount = () => psql(`SELECT count(*) FROM ${schema}.orders`).then(Number);

  beforeAll(async () => {
    await psql(`CREATE SCHEMA ${schema}`);
    const cwd = makeTempDir();
    const args = ['orders', '--yes', '--no-git', '--datastore', 'postgres', '--metrics', 'none', '--tracing', 'none', '--deploy', 'none'];
    const created = await runCli('create-service', args, { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    const root = path.join(cwd, 'orders');
    const binary = path.join(root, 'bin', 'orders');
    await goTool(root, 'go', ['build', '-o', binary, './cmd/orders']);
    const url = new URL(ADMIN_URL);
    url.searchParams.set('search_path', schema);
    service = await startService(binary, { POSTGRES_URL: url.toString() });
  });

  afterAll(async () => {
    service?.child.kill('SIGKILL');
    if (reachable) await psql(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  });

  it('makes exactly one order when a cut-off POST is retried with its key, and replays the answer', async () => {
    const key = randomUUID();
    await postAndHangUp(service.baseUrl, key);
    const retry = await post(service.baseUrl, key);
    expect(retry.status).toBe(201);
    const created = (await retry.json()) as { id: string };
    const again = await post(service.baseUrl, key);
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
    expect((await post(service.baseUrl, key)).status).toBe(201);
    const reused = await post(service.baseUrl, key, order.replace('"c-1"', '"c-2"'));
    expect(reused.status).toBe(422);
    expect(reused.headers.get('Content-Type')).toBe('application/problem+json');
    expect((await post(service.baseUrl, 'x'.repeat(256))).status).toBe(400);
    expect(await orderCount()).toBe(before + 1);
  });

  it('makes one order from concurrent requests with one key; the others get 409 or the replay', async () => {
    const before = await orderCount();
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(service.baseUrl, key)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.every((status) => status === 201 || status === 409), statuses.join(',')).toBe(true);
    const fresh = responses.filter((response) => response.status === 201 && response.headers.get('Idempotent-Replayed') === null);
    expect(fresh).toHaveLength(1);
    expect(await orderCount()).toBe(before + 1);
  });
});
