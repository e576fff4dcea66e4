import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tool } from '../helpers/node-tools.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { writeSkeletonProbe } from '../helpers/ts-skeleton-probe.js';

/**
 * A TypeScript service grown by a series of svc adds (a port, a use case over HTTP that uses it,
 * PostgreSQL, Redis), installed for real, still passes its own tsc, ESLint and vitest, with the
 * integration tests run against the PostgreSQL and Redis that `npm test` starts, none skipped.
 */
const INTEGRATION_ENV = {
  POSTGRES_TEST_URL: 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable',
  REDIS_TEST_ADDR: '127.0.0.1:6379',
  REQUIRE_INTEGRATION: '1',
};
const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };

const ADDS: string[][] = [
  ['add', 'port', 'PaymentGateway', '--method', 'charge(orderId: string, amountCents: number, signal: AbortSignal): Promise<string>'],
  ['add', 'usecase', 'ChargeOrder', '--uses', 'orders,paymentGateway', '--http', 'POST /v1/orders/{id}/charge'],
  ['add', 'usecase', 'ListPayments', '--http', 'GET /v1/payments'],
  ['add', 'adapter', 'postgres'],
  ['add', 'adapter', 'redis'],
];

let root = '';

beforeAll(async () => {
  const cwd = makeTempDir('create-service-ts-grow-');
  const created = await runCli('create-service', ['orders', '--lang', 'ts', '--yes', '--no-git'], { cwd, env: NPM_ENV });
  expect(created.exitCode, `${created.stdout}\n${created.stderr}`).toBe(0);
  root = path.join(cwd, 'orders');
});

describe('a TypeScript service grown with svc add', () => {
  it('takes a port, a use case over HTTP, PostgreSQL and Redis; each add is idempotent', async () => {
    for (const args of ADDS) {
      const added = await runCli('svc', args, { cwd: root, env: NPM_ENV });
      expect(added.exitCode, `svc ${args.join(' ')}\n${added.stdout}\n${added.stderr}`).toBe(0);
    }
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    expect(lock.packages, 'npm install ran after svc add adapter').toHaveProperty(['node_modules/pg']);
    expect(lock.packages).toHaveProperty(['node_modules/ioredis']);
    for (const args of ADDS) {
      const again = await runCli('svc', args[1] === 'adapter' ? [...args, '--no-install'] : args, { cwd: root });
      expect(again.exitCode, `svc ${args.join(' ')} again\n${again.stdout}\n${again.stderr}`).toBe(0);
      expect(again.stdout).toContain('nothing to do');
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'svc.json'), 'utf8')) as { choices: { datastore: string[] }; history: string[] };
    expect(manifest.choices.datastore).toEqual(['postgres', 'redis']);
    expect(manifest.history).toHaveLength(1 + ADDS.length);
  });

  it('passes tsc, ESLint and vitest, integration tests included and none skipped', async () => {
    await tool(root, 'node_modules/.bin/tsc', ['--noEmit']);
    await tool(root, 'node_modules/.bin/eslint', ['--max-warnings=0', '.']);
    const reportFile = path.join(root, 'vitest-report.json');
    await tool(root, 'node_modules/.bin/vitest', ['run', '--reporter=json', `--outputFile=${reportFile}`], INTEGRATION_ENV);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as {
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
      testResults: { name: string; assertionResults: { status: string }[] }[];
    };
    expect(report.numFailedTests).toBe(0);
    expect(report.numPendingTests + report.numTodoTests, 'no test was skipped').toBe(0);
    for (const file of [
      'test/service.test.ts',
      'src/adapter/postgres/postgres.test.ts',
      'src/adapter/redis/redis.test.ts',
      'src/adapter/memory/payment-gateway.test.ts',
      'src/app/charge-order.test.ts',
      'src/adapter/http/charge-order.test.ts',
      'src/adapter/http/list-payments.test.ts',
      'src/platform/config.test.ts',
    ]) {
      const result = report.testResults.find((candidate) => candidate.name === path.join(root, file));
      expect(result?.assertionResults.length, `${file} ran`).toBeGreaterThan(0);
      expect(result?.assertionResults.filter((test) => test.status !== 'passed'), `${file}: every test passed`).toEqual([]);
    }
  });

  it('the use cases added are skeletons: 501 until written, their path parameters and query read', async () => {
    const probe = writeSkeletonProbe(root, [
      { method: 'POST', url: '/v1/orders/o-1/charge', payload: { reference: 'r-1' }, status: 501 },
      { method: 'POST', url: '/v1/orders/%20/charge', payload: { reference: 'r-1' }, status: 422, field: 'id' },
      { method: 'GET', url: '/v1/payments?reference=r-1', status: 501 },
      { method: 'GET', url: '/v1/payments', status: 422, field: 'reference' },
    ]);
    await tool(root, 'node_modules/.bin/vitest', ['run', probe]);
    fs.rmSync(path.join(root, probe));
  });

  it('svc list sees what was added, and svc doctor finds nothing wrong', async () => {
    const listed = await runCli('svc', ['list', '--json'], { cwd: root });
    expect(listed.exitCode, listed.stderr).toBe(0);
    const inventory = JSON.parse(listed.stdout) as { useCases: { name: string }[]; ports: { name: string }[] };
    expect(inventory.useCases.map((useCase) => useCase.name)).toContain('ChargeOrder');
    expect(JSON.stringify(inventory.ports)).toContain('PaymentGateway');
    const doctor = await runCli('svc', ['doctor'], { cwd: root });
    expect(doctor.exitCode, `${doctor.stdout}\n${doctor.stderr}`).toBe(0);
  });

  it('bad input exits 2 and writes nothing', async () => {
    const before = fs.readFileSync(path.join(root, 'src/bootstrap/ports.ts'), 'utf8');
    const result = await runCli('svc', ['add', 'adapter', 'mongodb'], { cwd: root });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('unknown adapter kind "mongodb"');
    expect(fs.readFileSync(path.join(root, 'src/bootstrap/ports.ts'), 'utf8')).toBe(before);
  });
});
