import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tool } from '../helpers/node-tools.js';
import { startService, type RunningService } from '../helpers/service-process.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

/**
 * `svc add adapter sqlite` (then redis) on a generated TypeScript service, installed for real:
 * better-sqlite3 built (from the run's local prebuild), tsc, ESLint and vitest pass with no test
 * skipped, and the built service keeps its orders in the file across a restart, answers 400 for
 * text it cannot store, 503 with Retry-After while another process holds the write lock, and
 * checkpoints the write-ahead log when it stops. One SQL store per service holds on this path too.
 */
const INTEGRATION_ENV = { REDIS_TEST_ADDR: '127.0.0.1:6379', REQUIRE_INTEGRATION: '1' };
const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };

let root = '';
let running: RunningService | undefined;

beforeAll(async () => {
  const cwd = makeTempDir('create-service-ts-sqlite-');
  const created = await runCli('create-service', ['orders', '--lang', 'ts', '--yes', '--no-git'], { cwd, env: NPM_ENV });
  expect(created.exitCode, `${created.stdout}\n${created.stderr}`).toBe(0);
  root = path.join(cwd, 'orders');
});

afterAll(async () => {
  if (running !== undefined && running.child.exitCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
});

async function stop(service: RunningService): Promise<void> {
  service.child.kill('SIGTERM');
  const { code } = await service.exited;
  expect(code, service.logs.join('\n')).toBe(0);
}

describe('svc add adapter sqlite, then redis, on a TypeScript service', () => {
  it('wires SQLite behind the cache, installs better-sqlite3 built for this Node, and a second add changes nothing', async () => {
    for (const kind of ['sqlite', 'redis']) {
      const added = await runCli('svc', ['add', 'adapter', kind], { cwd: root, env: NPM_ENV });
      expect(added.exitCode, `${added.stdout}\n${added.stderr}`).toBe(0);
    }
    const ports = fs.readFileSync(path.join(root, 'src/bootstrap/ports.ts'), 'utf8');
    expect(ports).toContain('orders: new CachedOrderRepository(new SqliteOrderRepository(sqlite), redis, deps.logger),');
    const driver = path.join(root, 'node_modules/better-sqlite3/build');
    expect(fs.existsSync(path.join(driver, 'Release/better_sqlite3.node')), 'the native driver is there').toBe(true);
    // The harness's own promise (sqlite-prebuild.ts): unpacked from the run's prebuild, not compiled again.
    expect(fs.existsSync(path.join(driver, 'Makefile')), 'better-sqlite3 was compiled again instead of taken from the local prebuild').toBe(false);
    expect(fs.readFileSync(path.join(root, 'Dockerfile'), 'utf8')).toContain('npm rebuild better-sqlite3');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'svc.json'), 'utf8')) as { choices: { datastore: string[] } };
    expect(manifest.choices.datastore).toEqual(['sqlite', 'redis']);

    const before = snapshot(root);
    const again = await runCli('svc', ['add', 'adapter', 'sqlite', '--no-install'], { cwd: root });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses postgres and mysql beside it (exit 2, saying why), changing no byte', async () => {
    const before = snapshot(root);
    for (const other of ['postgres', 'mysql']) {
      const refused = await runCli('svc', ['add', 'adapter', other, '--no-install'], { cwd: root });
      expect(refused.exitCode).toBe(2);
      expect(refused.stderr).toContain(`sqlite and ${other} cannot both be the datastore of one service`);
    }
    expect(snapshot(root)).toEqual(before);
  });

  it('passes tsc, ESLint and vitest, the SQLite tests included and none skipped', async () => {
    await tool(root, 'node_modules/.bin/tsc', ['--noEmit']);
    await tool(root, 'node_modules/.bin/eslint', ['--max-warnings=0', '.']);
    const reportFile = path.join(root, 'vitest-report.json');
    // The default reporter beside the JSON one: a failure shows which test failed and why.
    await tool(root, 'node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`], INTEGRATION_ENV);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as {
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      testResults: { name: string; assertionResults: { status: string }[] }[];
    };
    expect(report.numFailedTests).toBe(0);
    expect(report.numPendingTests + report.numTodoTests, 'no test was skipped').toBe(0);
    for (const file of ['test/service.test.ts', 'src/adapter/sqlite/sqlite.test.ts', 'src/adapter/sqlite/idempotency-store.test.ts', 'src/adapter/sqlite/unavailable.test.ts', 'src/adapter/redis/redis.test.ts']) {
      const result = report.testResults.find((candidate) => candidate.name === path.join(root, file));
      expect(result?.assertionResults.length, `${file} ran`).toBeGreaterThan(0);
      expect(result?.assertionResults.filter((test) => test.status !== 'passed'), `${file}: every test passed`).toEqual([]);
    }
  });

  it('built, keeps orders across a restart, answers 400 and 503 as promised, and checkpoints at stop', async () => {
    await tool(root, 'npm', ['run', 'build']);
    const dataDir = makeTempDir('sqlite-data-');
    const file = path.join(dataDir, 'nested', 'orders.db');
    const env = { SQLITE_PATH: file, SQLITE_BUSY_TIMEOUT: '200ms', SHUTDOWN_DRAIN_DELAY: '0s', REDIS_ADDR: '127.0.0.1:6379', REDIS_KEY_PREFIX: `first-${String(process.pid)}:` };
    const main = path.join(root, 'dist/main.js');

    running = await startService(process.execPath, env, 20_000, [main]);
    const post = (customer: string, key: string) =>
      fetch(`${running?.baseUrl ?? ''}/v1/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ customer_id: customer, items: [{ sku: 'BOOK-1', quantity: 2, unit_price: 1250 }] }),
      });
    const created = await post('c-42', 'key-1');
    expect(created.status).toBe(201);
    const order = (await created.json()) as { id: string };
    expect((await post('c-42', 'key-1')).headers.get('location')).toBe(created.headers.get('location'));
    // Text it cannot store: a NUL, and a lone surrogate, which UTF-8 would turn into U+FFFD.
    expect((await post('c-\u0000', 'key-2')).status).toBe(400);
    expect((await post('c-\ud800', 'key-2')).status).toBe(400);
    expect((await post('c-😀', 'key-4')).status).toBe(201);

    // Another process holds the write lock beyond the busy timeout: 503 with Retry-After, never 500.
    const Database = createRequire(path.join(root, 'package.json'))('better-sqlite3') as new (file: string) => { exec(sql: string): void; close(): void };
    const other = new Database(file);
    try {
      other.exec('BEGIN IMMEDIATE');
      const busy = await post('c-43', 'key-3');
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).not.toBeNull();
      expect((await fetch(`${running.baseUrl}/readyz`)).status, 'reads never wait for the writer').toBe(200);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect((await post('c-43', 'key-3')).status).toBe(201);
    await stop(running);
    expect(fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0, 'the write-ahead log was checkpointed').toBe(0);

    // A Redis key prefix of its own: the order must come from the file, not from the cache.
    running = await startService(process.execPath, { ...env, REDIS_KEY_PREFIX: `restarted-${String(process.pid)}:` }, 20_000, [main]);
    const read = await fetch(`${running.baseUrl}/v1/orders/${order.id}`);
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: order.id, customer_id: 'c-42', total: 2500 });
    await stop(running);

    const migrated = await tool(root, 'npm', ['run', 'migrate'], env);
    expect(migrated).toContain('schema is up to date');
  });
});
