import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployFiles, goModules, goTestedPackages, tsDependencies, tsTestFiles, type Presence } from '../matrix/expectations.js';
import { serviceMatrix, type MatrixChoices, type MatrixProject } from '../matrix/service-matrix.js';
import { runCli } from '../helpers/cli.js';
import { checkGoProject, goTool } from '../helpers/go.js';
import { tool } from '../helpers/node-tools.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * Every project of the pairwise matrix generated from the catalog (test/matrix), created with the
 * CLI and held to the whole bar of its target: Go gofmt-clean as written, go vet, golangci-lint
 * with the project's config, go test -race; TypeScript installed by the CLI's post-step, tsc,
 * ESLint, vitest, npm run build. Integration tests run against the PostgreSQL and Redis that
 * `npm test` starts, and fail rather than skip (CI=true).
 *
 * Two projects run at a time (vitest.config.ts maxConcurrency), a Go one beside a TypeScript one
 * while both remain: Go compiles on both cores, npm install mostly waits on the disk and network.
 * The Go build, module and golangci-lint caches and the npm cache are the user's, shared by all.
 */
const INTEGRATION_ENV = {
  CI: 'true',
  REQUIRE_INTEGRATION: '1',
  POSTGRES_TEST_URL: 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable',
  MYSQL_TEST_URL: 'mysql://root@127.0.0.1:3306/',
  REDIS_TEST_ADDR: '127.0.0.1:6379',
  NATS_TEST_URL: 'nats://127.0.0.1:4222',
  RABBITMQ_TEST_URL: 'amqp://guest:guest@127.0.0.1:5672/',
};
const PROJECT_TIMEOUT = 1_200_000;

/**
 * How the everything-on service of each target is grown before its checks: a port with methods, then
 * an outbound HTTP adapter for it (docs/adapters.md), whose fault-injecting tests then run with the
 * rest. The --no-install of Go leaves `go mod tidy` to the checks, as for a created project.
 */
const GROWTH: Record<string, { commands: string[][]; goPackages: string[]; tsTests: string[] }> = {
  go: {
    commands: [
      ['add', 'port', 'PaymentGateway', '--method', 'Charge(ctx context.Context, orderID string, amountCents int64) (string, error)', '--method', 'Refund(ctx context.Context, chargeID string) error'],
      ['add', 'adapter', 'http', '--for', 'PaymentGateway', '--no-install'],
    ],
    goPackages: ['internal/platform/outbound', 'internal/adapter/httpclient'],
    tsTests: [],
  },
  ts: {
    commands: [
      ['add', 'port', 'PaymentGateway', '--method', 'charge(orderId: string, amountCents: number, signal: AbortSignal): Promise<string>', '--method', 'refund(chargeId: string, signal: AbortSignal): Promise<void>'],
      ['add', 'adapter', 'http', '--for', 'PaymentGateway'],
    ],
    goPackages: [],
    tsTests: ['src/platform/outbound/client.test.ts'],
  },
};

async function grow(root: string, lang: string, env: Record<string, string> = {}): Promise<void> {
  for (const command of GROWTH[lang]?.commands ?? []) {
    const result = await runCli('svc', command, { cwd: root, env });
    expect(result.exitCode, `svc ${command.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  }
}

function interleaveTargets(projects: readonly MatrixProject[]): MatrixProject[] {
  const langs = [...new Set(projects.map((project) => project.choices.lang))];
  const byLang = langs.map((lang) => projects.filter((project) => project.choices.lang === lang));
  const longest = Math.max(...byLang.map((group) => group.length));
  return Array.from({ length: longest }, (_, index) => byLang.flatMap((group) => group.slice(index, index + 1))).flat();
}

function expectPresence(label: string, { present, absent }: Presence, has: (name: string) => boolean): void {
  for (const name of present) expect(has(name), `${label} has ${name}`).toBe(true);
  for (const name of absent) expect(has(name), `${label} lacks ${name}`).toBe(false);
}

async function create(choices: MatrixChoices, args: string[], extra: string[], env: Record<string, string> = {}): Promise<{ root: string; stdout: string }> {
  const cwd = makeTempDir(`create-service-matrix-${choices.lang}-`);
  const created = await runCli('create-service', ['orders', '--yes', '--no-git', ...extra, ...args], { cwd, env });
  expect(created.exitCode, `${created.stdout}\n${created.stderr}`).toBe(0);
  if (choices.lang === 'go') expect(created.stderr).not.toMatch(/error|warn/i);
  const root = path.join(cwd, 'orders');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'svc.json'), 'utf8')) as { choices: unknown };
  expect(manifest.choices, 'svc.json records exactly the choices asked for').toEqual(choices);
  expectPresence('the project', deployFiles(choices), (file) => fs.existsSync(path.join(root, file)));
  return { root, stdout: created.stdout };
}

async function checkGo(choices: MatrixChoices, args: string[], grown: boolean): Promise<void> {
  const { root } = await create(choices, args, ['--no-install']);
  // Growing verifies that the service builds, which with gRPC needs the Go that buf generates.
  if (choices.transport.includes('grpc')) await generateGrpc(root);
  if (grown) await grow(root, 'go');
  expect(await goTool(root, 'gofmt', ['-l', '.']), 'gofmt-clean as written').toBe('');
  await goTool(root, 'go', ['mod', 'tidy']);
  const goMod = fs.readFileSync(path.join(root, 'go.mod'), 'utf8');
  expectPresence('go.mod', goModules(choices), (module) => goMod.includes(module));

  const { testOutput } = await checkGoProject(root, INTEGRATION_ENV);
  for (const pkg of [...goTestedPackages(choices), ...(grown ? (GROWTH.go?.goPackages ?? []) : [])]) expect(testOutput).toMatch(new RegExp(`^ok\\s+example\\.com/orders/${pkg}\\s`, 'm'));
  expect(testOutput).not.toMatch(/^(FAIL|---\s*SKIP)/m);
}

/**
 * What create's post-steps do for gRPC (docs/grpc.md): the Go of the .proto from buf, pinned in
 * tools/buf; then buf lint, and a second generate that must change nothing.
 */
async function generateGrpc(root: string): Promise<void> {
  const buf = (args: string[]) => goTool(root, 'go', ['tool', '-modfile=tools/buf/go.mod', 'buf', ...args], 900_000);
  await goTool(root, 'go', ['mod', 'tidy', '-e']);
  await goTool(path.join(root, 'tools/buf'), 'go', ['mod', 'tidy']);
  await buf(['generate']);
  await buf(['lint']);
  const generated = (dir: string) => fs.readdirSync(dir, { recursive: true }).map(String).sort().map((file) => [file, fs.statSync(path.join(dir, file)).isFile() ? fs.readFileSync(path.join(dir, file), 'utf8') : '']);
  const first = generated(path.join(root, 'internal/gen'));
  await buf(['generate']);
  expect(generated(path.join(root, 'internal/gen')), 'regenerating changes nothing').toEqual(first);
}

interface VitestReport {
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: { name: string; assertionResults: { status: string }[] }[];
}

async function checkTs(choices: MatrixChoices, args: string[], grown: boolean): Promise<void> {
  const npm = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  const { root, stdout } = await create(choices, args, [], npm);
  if (grown) await grow(root, 'ts', npm);
  expect(stdout).toMatch(/npm run dev/);
  expect(fs.existsSync(path.join(root, 'package-lock.json')), 'npm install ran').toBe(true);
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  expectPresence('package.json', tsDependencies(choices), (name) => name in pkg.dependencies);

  await tool(root, 'node_modules/.bin/tsc', ['--noEmit']);
  await tool(root, 'node_modules/.bin/eslint', ['--max-warnings=0', '.']);

  const reportFile = path.join(root, 'vitest-report.json');
  // The default reporter beside the JSON one: a failure shows which test failed and why.
  await tool(root, 'node_modules/.bin/vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`], INTEGRATION_ENV);
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as VitestReport;
  expect(report.numFailedTests).toBe(0);
  expect(report.numPendingTests + report.numTodoTests, 'no test was skipped').toBe(0);
  const { present, absent } = tsTestFiles(choices);
  for (const file of [...present, ...(grown ? (GROWTH.ts?.tsTests ?? []) : [])]) {
    const result = report.testResults.find((candidate) => candidate.name === path.join(root, file));
    expect(result?.assertionResults.length, `${file} ran tests`).toBeGreaterThan(0);
    expect(result?.assertionResults.filter((test) => test.status !== 'passed'), `${file}: every test passed`).toEqual([]);
  }
  for (const file of absent) expect(fs.existsSync(path.join(root, file)), `${file} is not generated`).toBe(false);

  await tool(root, 'npm', ['run', 'build']);
  expect(fs.existsSync(path.join(root, 'dist/main.js'))).toBe(true);
  expect(fs.readdirSync(path.join(root, 'dist'), { recursive: true }).filter((file) => String(file).endsWith('.test.js'))).toEqual([]);
}

describe.concurrent('the pairwise matrix of generated services', () => {
  // A plain it() per project: it.each's '$label' is quoted and cut at 40 characters, which hid the
  // failing project in reports and made `-t` unable to pick one.
  for (const { label, choices, args, grown } of interleaveTargets(serviceMatrix().projects)) {
    it(label, async () => {
      await (choices.lang === 'go' ? checkGo(choices, args, grown) : checkTs(choices, args, grown));
    }, PROJECT_TIMEOUT);
  }
});
