import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tool } from '../helpers/node-tools.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { writeSkeletonProbe } from '../helpers/ts-skeleton-probe.js';

/**
 * `svc add usecase` in a generated TypeScript service, installed for real: after two adds (one
 * with --http) the service still passes its own tsc, ESLint and vitest, and a re-run is a no-op.
 * The new use cases are skeletons: through the whole server they answer 501 until written, and
 * the path parameter is part of the input (a blank one is a 422 naming it).
 */
let root = '';

beforeAll(async () => {
  const cwd = makeTempDir('create-service-ts-svc-');
  const created = await runCli('create-service', ['orders', '--lang', 'ts', '--yes', '--no-git'], {
    cwd,
    env: { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
  });
  expect(created.exitCode, `${created.stdout}\n${created.stderr}`).toBe(0);
  root = path.join(cwd, 'orders');
});

describe('svc add usecase in a TypeScript service', () => {
  it('adds two use cases (one over HTTP); tsc, ESLint and vitest pass; a re-run changes nothing', async () => {
    // --uses takes the property (orders) or its interface (OrderRepository), in any case.
    const first = await runCli('svc', ['add', 'usecase', 'CreateInvoice', '--uses', 'OrderRepository,Clock'], { cwd: root });
    expect(first.exitCode, `${first.stdout}\n${first.stderr}`).toBe(0);
    const second = await runCli('svc', ['add', 'usecase', 'CancelOrder', '--uses', 'orders', '--http', 'POST /v1/orders/{id}/cancel'], { cwd: path.join(root, 'src') });
    expect(second.exitCode, `${second.stdout}\n${second.stderr}`).toBe(0);
    expect(fs.existsSync(path.join(root, 'src/adapter/http/cancel-order.test.ts'))).toBe(true);

    const again = await runCli('svc', ['add', 'usecase', 'CancelOrder', '--uses', 'orderrepository', '--http', 'POST /v1/orders/{id}/cancel'], { cwd: root });
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(fs.readFileSync(path.join(root, 'src/app/app.ts'), 'utf8')).toContain('createInvoice: new CreateInvoice(ports.orders, ports.clock),');

    await tool(root, 'node_modules/.bin/tsc', ['--noEmit']);
    await tool(root, 'node_modules/.bin/eslint', ['--max-warnings=0', '.']);
    const reportFile = path.join(root, 'vitest-report.json');
    await tool(root, 'node_modules/.bin/vitest', ['run', '--reporter=json', `--outputFile=${reportFile}`]);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as { numFailedTests: number; testResults: { name: string; assertionResults: { status: string }[] }[] };
    expect(report.numFailedTests).toBe(0);
    for (const file of ['src/app/create-invoice.test.ts', 'src/app/cancel-order.test.ts', 'src/adapter/http/cancel-order.test.ts']) {
      const result = report.testResults.find((candidate) => candidate.name === path.join(root, file));
      expect(result?.assertionResults.length, `${file} ran`).toBeGreaterThan(0);
      expect(result?.assertionResults.every((test) => test.status === 'passed'), `${file} passed`).toBe(true);
    }
    expect(fs.readFileSync(path.join(root, 'src/adapter/http/cancel-order.test.ts'), 'utf8')).toContain('expect(response.statusCode).toBe(501);');

    const probe = writeSkeletonProbe(root, [
      { method: 'POST', url: '/v1/orders/abc/cancel', payload: { reference: 'r-1' }, status: 501 },
      { method: 'POST', url: '/v1/orders/%20/cancel', payload: { reference: 'r-1' }, status: 422, field: 'id' },
      { method: 'POST', url: '/v1/orders/abc/cancel', payload: { reference: ' ' }, status: 422, field: 'reference' },
    ]);
    await tool(root, 'node_modules/.bin/vitest', ['run', probe]);
    fs.rmSync(path.join(root, probe));
  });

  it('bad input exits 2 through the CLI', async () => {
    const result = await runCli('svc', ['add', 'usecase', 'createInvoice'], { cwd: root });
    expect(result.exitCode).toBe(2);
  });
});
