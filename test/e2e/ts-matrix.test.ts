import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tool } from '../helpers/node-tools.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * TypeScript services generated for real, installed with npm through the CLI's own post-step,
 * and held to their own bar: tsc --noEmit, ESLint with the project's config, vitest. The
 * datastore variant runs its integration tests against the PostgreSQL and Redis that
 * `npm test` starts, and must not skip them.
 */
interface Variant {
  label: string;
  args: string[];
  dependencies: { present: string[]; absent: string[] };
  /** Test files that must have run, every test passing, none skipped. */
  mustRun: string[];
  env: Record<string, string>;
}

const INTEGRATION_ENV = {
  POSTGRES_TEST_URL: 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable',
  REDIS_TEST_ADDR: '127.0.0.1:6379',
  REQUIRE_INTEGRATION: '1',
};

const VARIANTS: Variant[] = [
  {
    label: 'minimal',
    args: ['--no-example', '--metrics', 'none', '--tracing', 'none', '--deploy', 'none'],
    dependencies: { present: ['fastify', 'pino', 'zod', 'opossum'], absent: ['prom-client', '@opentelemetry/api', 'pg', 'ioredis'] },
    mustRun: ['test/service.test.ts', 'src/adapter/http/server.test.ts', 'src/platform/config.test.ts'],
    env: {},
  },
  {
    label: 'default',
    args: [],
    dependencies: { present: ['prom-client', '@opentelemetry/sdk-trace-node'], absent: ['pg', 'ioredis'] },
    mustRun: ['test/service.test.ts', 'src/adapter/http/orders.test.ts', 'src/app/create-order.test.ts', 'src/platform/tracing.test.ts'],
    env: {},
  },
  {
    label: 'postgres and redis',
    args: ['--datastore', 'postgres,redis'],
    dependencies: { present: ['pg', 'ioredis', 'prom-client'], absent: [] },
    mustRun: ['test/service.test.ts', 'src/adapter/postgres/postgres.test.ts', 'src/adapter/redis/redis.test.ts'],
    env: INTEGRATION_ENV,
  },
];

interface VitestReport {
  numTotalTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
}

const roots = new Map<string, string>();

beforeAll(async () => {
  // Generate and install every variant first, concurrently: npm install dominates, and the npm
  // cache is shared, so the second and third installs are mostly cache hits.
  await Promise.all(
    VARIANTS.map(async ({ label, args }) => {
      const cwd = makeTempDir('create-service-ts-');
      const created = await runCli('create-service', ['orders', '--lang', 'ts', '--yes', '--no-git', ...args], {
        cwd,
        env: { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
      });
      expect(created.exitCode, `${label}: ${created.stdout}\n${created.stderr}`).toBe(0);
      expect(created.stdout).toMatch(/npm run dev/);
      roots.set(label, path.join(cwd, 'orders'));
    }),
  );
});

describe.each(VARIANTS)('generated TypeScript service: $label', ({ label, dependencies, mustRun, env }) => {
  it('records its choices, installs, and passes tsc, ESLint and vitest', async () => {
    const root = roots.get(label) ?? expect.fail(`${label} was not generated`);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'svc.json'), 'utf8')) as { choices: Record<string, unknown> };
    expect(manifest.choices.lang).toBe('ts');
    expect(manifest.choices).not.toHaveProperty('logger');
    expect(fs.existsSync(path.join(root, 'package-lock.json')), 'npm install ran').toBe(true);
    expect(fs.existsSync(path.join(root, 'node_modules/.bin/vitest'))).toBe(true);

    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const name of dependencies.present) expect(pkg.dependencies, name).toHaveProperty([name]);
    for (const name of dependencies.absent) expect(pkg.dependencies, name).not.toHaveProperty([name]);

    await tool(root, 'node_modules/.bin/tsc', ['--noEmit']);
    await tool(root, 'node_modules/.bin/eslint', ['--max-warnings=0', '.']);

    const reportFile = path.join(root, 'vitest-report.json');
    await tool(root, 'node_modules/.bin/vitest', ['run', '--reporter=json', `--outputFile=${reportFile}`], env);
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as VitestReport;
    expect(report.numFailedTests).toBe(0);
    expect(report.numPendingTests + report.numTodoTests, 'no test was skipped').toBe(0);
    for (const file of mustRun) {
      const result = report.testResults.find((candidate) => candidate.name === path.join(root, file));
      expect(result, `${file} ran`).toBeDefined();
      expect(result?.assertionResults.length, `${file} has tests`).toBeGreaterThan(0);
      expect(result?.assertionResults.filter((test) => test.status !== 'passed'), `${file}: every test passed`).toEqual([]);
    }

    await tool(root, 'npm', ['run', 'build']);
    expect(fs.existsSync(path.join(root, 'dist/main.js'))).toBe(true);
    expect(fs.readdirSync(path.join(root, 'dist'), { recursive: true }).filter((file) => String(file).endsWith('.test.js'))).toEqual([]);
  });
});
