import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goTool } from '../helpers/go.js';
import { reserveStockInPostgres } from '../helpers/go-hand-edits.js';
import { createService, svc } from '../helpers/orders-service.js';
import { startRabbitVhost, type RabbitVhost } from '../helpers/rabbitmq-vhost.js';
import { startService, type RunningService } from '../helpers/service-process.js';
import { ADMIN_URL, psql, sharedPostgresReachable } from '../helpers/shared-postgres.js';

/**
 * Issue 15's proof for RabbitMQ, the twin of events-outage-nats and -kafka: a postgres + rabbitmq
 * service with a consumer whose effect is a row per handled event takes 1,000 orders while its broker
 * is cut off for part of the run. The broker is the machine's shared RabbitMQ, in a vhost of the
 * test's own, reached through a TCP fault proxy: the outage resets every connection and refuses new
 * ones while the queues keep their messages. Every order is acknowledged (the outbox is in the
 * database), the handler's effect exists exactly once per order, poison messages land in the
 * dead-letter queue, and SIGTERM, in the middle of consumption and during the outage, exits 0 within
 * its budget; after it and a SIGKILL, nothing is lost or duplicated once the service is back.
 */

const ORDERS = 1000;
const CONCURRENCY = 8;
const OUTAGE_FROM = 300;
const OUTAGE_UNTIL = 600;
const OUTAGE_MS = 3_000;
const POISON_AFTER = 100;
const DRAIN_DELAY_MS = 200;
const SHUTDOWN_TIMEOUT_MS = 5_000;
/** The exchange, routing key, queue and dead-letter queue the generated service defaults to. */
const EXCHANGE = 'orders.events';
const ROUTING_KEY = 'order.placed';
const QUEUE = 'orders.order-placed';
const DEAD_LETTERS = 'orders.dead.order-placed';

const postgresUp = await sharedPostgresReachable();
if (!postgresUp && process.env.CI) throw new Error('PostgreSQL is not reachable on 127.0.0.1:5432, but CI is set: this test must run, not be skipped');

describe.skipIf(!postgresUp)('a postgres + rabbitmq service through a broker outage and a SIGTERM', () => {
  let rabbit: RabbitVhost;
  let binary: string;
  let service: RunningService | null = null;
  const runs: RunningService[] = [];
  const database = `rabbitoutage_${process.pid}_${Date.now()}`;
  const databaseUrl = new URL(ADMIN_URL);
  databaseUrl.pathname = `/${database}`;
  const placed = new Set<string>();
  const refused: string[] = [];
  const started = Date.now();

  const env = () => ({
    POSTGRES_URL: databaseUrl.toString(),
    RABBITMQ_URL: rabbit.url,
    RABBITMQ_CONNECT_TIMEOUT: '1s',
    RABBITMQ_PUBLISH_TIMEOUT: '1s',
    OUTBOX_POLL_INTERVAL: '50ms',
    OUTBOX_MAX_BACKOFF: '1s',
    RABBITMQ_CONSUMER_WORKERS: '4',
    RABBITMQ_CONSUMER_BACKOFF_INITIAL: '100ms',
    RABBITMQ_CONSUMER_BACKOFF_MAX: '1s',
    SHUTDOWN_DRAIN_DELAY: `${DRAIN_DELAY_MS}ms`,
    SHUTDOWN_TIMEOUT: `${SHUTDOWN_TIMEOUT_MS}ms`,
    LOG_LEVEL: 'info',
  });

  async function sql(query: string): Promise<string> {
    const result = await execa('psql', [databaseUrl.toString(), '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', query], { reject: false, all: true, timeout: 10_000 });
    if (result.exitCode !== 0) throw new Error(`psql failed: ${result.all}`);
    return String(result.stdout).trim();
  }

  async function eventually(what: string, condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`not within ${timeoutMs} ms: ${what}\n${service?.logs.slice(-30).join('\n') ?? ''}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Whether /readyz answers 200, and whether the broker's checks (the publisher's and the consumer's) are ok. */
  async function readiness(): Promise<{ ready: boolean; brokerOk: boolean }> {
    const answer = await fetch(`${service!.baseUrl}/readyz`, { signal: AbortSignal.timeout(5_000) });
    const report = (await answer.json()) as { checks?: Record<string, { status: string }> };
    const broker = Object.entries(report.checks ?? {}).filter(([name]) => name.startsWith('rabbitmq'));
    return { ready: answer.status === 200, brokerOk: broker.length === 2 && broker.every(([, check]) => check.status === 'ok') };
  }

  async function readyWithTheBroker(): Promise<boolean> {
    const { ready, brokerOk } = await readiness();
    return ready && brokerOk;
  }

  async function placeOrders(from: number, to: number): Promise<void> {
    let next = from;
    const worker = async () => {
      while (next < to) {
        const n = next++;
        const answer = await fetch(`${service!.baseUrl}/v1/orders`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ customer_id: `customer-${n}`, items: [{ sku: `sku-${n % 7}`, quantity: 1 + (n % 3), unit_price: 250 }] }),
          signal: AbortSignal.timeout(10_000),
        });
        const text = await answer.text();
        if (answer.status === 201) placed.add((JSON.parse(text) as { id: string }).id);
        else refused.push(`order ${n}: ${answer.status} ${text}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  }

  async function startTheService(): Promise<void> {
    service = await startService(binary, env());
    runs.push(service);
  }

  /** SIGTERM to the service: it must exit 0 within its drain delay and shutdown timeout. */
  async function terminate(): Promise<{ logs: string[]; tookMs: number }> {
    const current = service!;
    service = null;
    const signalled = Date.now();
    current.child.kill('SIGTERM');
    const { code, signal } = await current.exited;
    const tookMs = Date.now() - signalled;
    expect({ code, signal }, current.logs.slice(-30).join('\n')).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(DRAIN_DELAY_MS + SHUTDOWN_TIMEOUT_MS);
    return { logs: current.logs, tookMs };
  }

  const reservations = async () => Number(await sql('SELECT count(*) FROM stock_reservations'));

  beforeAll(async () => {
    rabbit = await startRabbitVhost();
    await psql(`CREATE DATABASE ${database}`);
    const root = await createService(['--datastore', 'postgres', '--messaging', 'rabbitmq']);
    const added = await svc(root, 'add', 'consumer', 'OrderPlaced', '--handler', 'ReserveStock');
    expect(added.exitCode, added.stdout + added.stderr).toBe(0);
    reserveStockInPostgres(root, 'example.com/orders', 'rabbitmq');
    await goTool(root, 'gofmt', ['-w', '.']);
    await goTool(root, 'go', ['mod', 'tidy']);
    binary = path.join(root, 'bin', 'orders');
    await goTool(root, 'go', ['build', '-o', binary, './cmd/orders']);
    await startTheService();
  });

  afterAll(async () => {
    for (const run of runs) run.child.kill('SIGKILL');
    await Promise.all(runs.map((run) => run.exited));
    await rabbit?.dispose();
    await psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    console.log(`FIGURE events-outage-rabbitmq: ${((Date.now() - started) / 1000).toFixed(1)} s in all`);
  });

  it('acknowledges all 1,000 orders with 201 while the broker is away, and /readyz reports the outage', async () => {
    await placeOrders(0, POISON_AFTER);
    // Poison beside the orders: a value that is no event, and an event of a schema version this consumer does not read.
    const envelope = { id: 'poison-v99', type: 'order.placed', schema_version: 99, occurred_at: new Date().toISOString(), key: 'poison', payload: { order_id: 'poison-v99' } };
    await rabbit.publish(EXCHANGE, ROUTING_KEY, 'this is not an event', { 'x-test-poison': 'undecodable' });
    await rabbit.publish(EXCHANGE, ROUTING_KEY, JSON.stringify(envelope), { 'x-test-poison': 'version' });
    await placeOrders(POISON_AFTER, OUTAGE_FROM);

    await rabbit.proxy.cut();
    const outage = Date.now();
    await eventually('/readyz reports the broker away', async () => !(await readiness()).brokerOk, 10_000);
    await placeOrders(OUTAGE_FROM, OUTAGE_UNTIL);
    const backlog = Number(await sql('SELECT count(*) FROM outbox'));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, OUTAGE_MS - (Date.now() - outage))));
    await rabbit.proxy.restore();
    await eventually('/readyz is ready again once the broker is back', readyWithTheBroker, 20_000);
    await placeOrders(OUTAGE_UNTIL, ORDERS);

    expect(refused).toEqual([]);
    expect(placed.size).toBe(ORDERS);
    expect(backlog).toBeGreaterThanOrEqual(OUTAGE_UNTIL - OUTAGE_FROM);
    console.log(`FIGURE events-outage-rabbitmq: outbox backlog during the outage ${backlog}`);
  });

  it('exits 0 within its shutdown budget on SIGTERM in the middle of consumption', async () => {
    const before = await reservations();
    const queue = await rabbit.depth(QUEUE);
    expect(before).toBeGreaterThan(0);
    expect(before).toBeLessThan(ORDERS);
    console.log(`FIGURE events-outage-rabbitmq: SIGTERM at ${before} reservations, ${queue.ready} ready and ${queue.unacked} unacknowledged in the queue`);

    const { logs, tookMs } = await terminate();
    expect(logs.some((line) => line.includes('"consumer stopped"'))).toBe(true);
    const after = await reservations();
    expect(after).toBeLessThan(ORDERS);
    console.log(`FIGURE events-outage-rabbitmq: shutdown took ${tookMs} ms, ${after} reservations at exit`);
    await startTheService();
  });

  it('survives a SIGKILL in the middle of consumption too: what was not acknowledged is delivered again', async () => {
    const from = await reservations();
    await eventually('the restarted service consumes again', async () => (await reservations()) >= from + 50, 30_000);
    const current = service!;
    service = null;
    current.child.kill('SIGKILL');
    await current.exited;
    const atKill = await reservations();
    expect(atKill).toBeLessThan(ORDERS);
    console.log(`FIGURE events-outage-rabbitmq: SIGKILL at ${atKill} reservations`);
    await startTheService();
  });

  it('then delivers every event at least once and reserves stock for every order exactly once', async () => {
    await eventually(
      'the outbox is empty and every order has its reservation',
      async () => Number(await sql('SELECT count(*) FROM outbox')) === 0 && Number(await sql('SELECT count(DISTINCT order_id) FROM stock_reservations')) >= ORDERS,
      60_000,
    );
    await eventually(
      'the queue is empty',
      async () => {
        const { ready, unacked } = await rabbit.depth(QUEUE);
        return ready === 0 && unacked === 0;
      },
      30_000,
    );

    const rows = (await sql('SELECT order_id, count(*) FROM stock_reservations GROUP BY order_id ORDER BY order_id'))
      .split('\n')
      .map((line) => line.split('|'));
    expect(rows.filter(([, count]) => count !== '1')).toEqual([]);
    expect(new Set(rows.map(([orderId]) => orderId))).toEqual(placed);
    expect(await reservations()).toBe(ORDERS);
    expect(Number(await sql(`SELECT count(*) FROM processed_messages WHERE consumer = '${QUEUE}'`))).toBe(ORDERS);
    const repeats = runs.map((run) => run.logs.filter((line) => line.includes('"event processed before; skipped"')).length);
    console.log(`FIGURE events-outage-rabbitmq: deliveries found in the inbox and skipped, per run of the service: ${repeats.join(', ')}`);
  });

  it('exits 0 within its budget on SIGTERM while its broker is away, and starts again once it is back', async () => {
    await rabbit.proxy.cut();
    try {
      await eventually('/readyz reports the broker away', async () => !(await readiness()).brokerOk, 10_000);
      const { tookMs } = await terminate();
      console.log(`FIGURE events-outage-rabbitmq: shutdown with the broker away took ${tookMs} ms`);
    } finally {
      await rabbit.proxy.restore();
    }
    await startTheService();
    await eventually('/readyz is ready with the broker back', readyWithTheBroker, 20_000);
    expect(await reservations()).toBe(ORDERS);
  });

  it('dead-letters the poison messages at once with their headers, and only them', async () => {
    const dead = await rabbit.drain(DEAD_LETTERS);
    // A dead letter is confirmed before the message is acked: a crash between the two dead-letters it
    // again, so it is at least once, and the two kinds of poison are what must be there.
    expect(dead.length).toBeGreaterThanOrEqual(2);
    expect([...new Set(dead.map((message) => message.headers['x-test-poison']))].sort()).toEqual(['undecodable', 'version']);
    for (const message of dead) {
      expect(message.headers['dead-letter-error']).toContain('poison message');
      expect(message.headers['dead-letter-attempts']).toBe('1');
      expect(message.headers['dead-letter-routing-key']).toBe(ROUTING_KEY);
      expect(message.headers['dead-letter-queue']).toBe(QUEUE);
    }
    expect(dead.find((message) => message.headers['x-test-poison'] === 'undecodable')?.body).toBe('this is not an event');
    expect(await sql(`SELECT count(*) FROM stock_reservations WHERE order_id = 'poison-v99'`)).toBe('0');
    console.log(`FIGURE events-outage-rabbitmq: ${dead.length} dead letters for 2 poison messages`);
  });
});
