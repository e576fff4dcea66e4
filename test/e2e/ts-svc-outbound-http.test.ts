import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tool } from '../helpers/node-tools.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * A TypeScript service whose port gets an outbound HTTP adapter (`svc add adapter http --for`),
 * installed for real, passes its own tsc, ESLint and vitest (the outbound module's fault-injecting
 * tests and the adapter's wire-contract test among them); switched back with `svc add adapter
 * memory --for`, it passes them again.
 */
const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
const PORT = ['add', 'port', 'PaymentGateway', '--method', 'charge(orderId: string, amountCents: number, signal: AbortSignal): Promise<string>', '--method', 'refund(chargeId: string, signal: AbortSignal): Promise<void>'];
const HTTP = ['add', 'adapter', 'http', '--for', 'PaymentGateway', '--base-url-env', 'PAYMENTS_URL'];
const MEMORY = ['add', 'adapter', 'memory', '--for', 'PaymentGateway'];

let root = '';

interface Report {
  numFailedTests: number;
  numPendingTests: number;
  testResults: { name: string; assertionResults: { status: string; title: string }[] }[];
}

/** tsc, ESLint and vitest of the service; the vitest report. */
async function toolchain(): Promise<Report> {
  await tool(root, 'node_modules/.bin/tsc', ['--noEmit']);
  await tool(root, 'node_modules/.bin/eslint', ['--max-warnings=0', '.']);
  const reportFile = path.join(root, 'vitest-report.json');
  await tool(root, 'node_modules/.bin/vitest', ['run', '--reporter=json', `--outputFile=${reportFile}`]);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
  fs.rmSync(reportFile);
  expect(report.numFailedTests).toBe(0);
  return report;
}

function passed(report: Report, file: string): string[] {
  const result = report.testResults.find((candidate) => candidate.name === path.join(root, file));
  expect(result?.assertionResults.length, `${file} ran`).toBeGreaterThan(0);
  expect(result?.assertionResults.filter((test) => test.status !== 'passed'), `${file}: every test passed`).toEqual([]);
  return result?.assertionResults.map((test) => test.title) ?? [];
}

const ports = () => fs.readFileSync(path.join(root, 'src/bootstrap/ports.ts'), 'utf8');

describe.each([
  ['metrics and tracing on', []],
  ['no metrics, no tracing, no sample', ['--metrics', 'none', '--tracing', 'none', '--no-example']],
] as const)('a TypeScript service with an outbound HTTP adapter (%s)', (_label, options) => {
  beforeAll(async () => {
    const cwd = makeTempDir('create-service-ts-outbound-');
    const created = await runCli('create-service', ['payments', '--lang', 'ts', '--yes', '--no-git', ...options], { cwd, env: NPM_ENV });
    expect(created.exitCode, `${created.stdout}\n${created.stderr}`).toBe(0);
    root = path.join(cwd, 'payments');
  });

  it('svc add adapter http --for a port installs, wires and passes tsc, ESLint and vitest', async () => {
    for (const args of [PORT, HTTP]) {
      const added = await runCli('svc', args, { cwd: root, env: NPM_ENV });
      expect(added.exitCode, `svc ${args.join(' ')}\n${added.stdout}\n${added.stderr}`).toBe(0);
    }
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    expect(lock.packages, 'npm install ran after svc add adapter http').toHaveProperty(['node_modules/undici']);
    expect(lock.packages).toHaveProperty(['node_modules/cockatiel']);
    expect(ports()).toContain("paymentGateway: new HttpPaymentGateway(outboundClient('payment-gateway', config.paymentGateway, deps)),");
    const again = await runCli('svc', [...HTTP, '--no-install'], { cwd: root });
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing to do');

    const report = await toolchain();
    const client = passed(report, 'src/platform/outbound/client.test.ts');
    expect(client).toEqual(expect.arrayContaining([
      ...(options.length === 0 ? ["sends the W3C trace context of the caller, in a client span of its own"] : []),
      'opens the breaker after a burst of 5xx, then fails fast until a half-open probe closes it',
      'gives up on a slow upstream after the per-attempt timeout',
      'waits as long as a 429 Retry-After asks before retrying',
      'rejects at once when the bulkhead is full',
      'leaves no handle or timer behind once closed',
    ]));
    passed(report, 'src/adapter/httpclient/payment-gateway.test.ts');
    passed(report, 'src/adapter/http/outbound-errors.test.ts');
    passed(report, 'src/platform/config.test.ts');
    passed(report, 'test/service.test.ts');
  });

  it('svc add adapter memory --for the port switches back and still passes', async () => {
    const switched = await runCli('svc', MEMORY, { cwd: root });
    expect(switched.exitCode, `${switched.stdout}\n${switched.stderr}`).toBe(0);
    expect(ports()).toContain('paymentGateway: new MemoryPaymentGateway(),');
    expect(ports()).toContain('createPorts(_config: Config, _deps: Dependencies)');
    const report = await toolchain();
    passed(report, 'src/adapter/memory/payment-gateway.test.ts');
    passed(report, 'test/service.test.ts');
  });

  it('bad input exits 2 and writes nothing', async () => {
    const before = ports();
    for (const args of [['add', 'adapter', 'http'], ['add', 'adapter', 'http', '--for', 'Nope'], ['add', 'adapter', 'redis', '--base-url-env', 'X_URL']]) {
      const result = await runCli('svc', args, { cwd: root });
      expect(result.exitCode, `svc ${args.join(' ')}`).toBe(2);
    }
    expect(ports()).toBe(before);
  });
});
