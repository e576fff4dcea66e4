import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { createService, svc } from '../helpers/orders-service.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

/**
 * `--messaging nats` and `svc add adapter nats`: the same bytes either way, held to the bar of every
 * generated project, with the publisher's integration tests run against the NATS (JetStream) of this
 * machine and proven to have run; TypeScript refuses a broker.
 */
const INTEGRATION_ENV = { NATS_TEST_URL: 'nats://127.0.0.1:4222', REQUIRE_INTEGRATION: '1' };

/** Tests that need a server; each must appear as `--- PASS` in `go test -v`. */
const INTEGRATION_TESTS = [
  'TestPublishStoresEachEventOnce',
  'TestPublishCarriesTheTraceContext',
  'TestPublishIsCounted',
  'TestOpenFailsWhenNATSDoesNotAnswer',
  'TestReadinessFailsWhileTheBrokerIsAway',
  'TestEndToEnd',
];

async function goEnv(cwd: string, args: readonly string[], env: Record<string, string>) {
  return execa('go', args, {
    cwd,
    reject: false,
    all: true,
    timeout: 900_000,
    env: { GOFLAGS: '-mod=mod', CGO_ENABLED: '1', CI: '', REQUIRE_INTEGRATION: '', NATS_TEST_URL: '', ...env },
  });
}

beforeAll(async () => {
  const { ensureServices } = (await import(path.join(REPO_ROOT, 'scripts/ensure-services.mjs'))) as { ensureServices: () => Promise<void> };
  await ensureServices();
});

describe('create-service --messaging nats', () => {
  let root: string;

  beforeAll(async () => {
    root = await createService(['--messaging', 'nats']);
  });

  it('records the broker and publishes the sample events through NATS', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'svc.json'), 'utf8')) as { choices: { messaging: string } };
    expect(manifest.choices.messaging).toBe('nats');
    const ports = fs.readFileSync(path.join(root, 'internal/bootstrap/ports.go'), 'utf8');
    expect(ports).toContain('\t\tEvents: events,\n');
    expect(ports).toContain('deps.checks.RegisterOptional("nats", events.Ping)');
  });

  it('gives the bytes of create then svc add adapter nats, and a second add changes nothing', async () => {
    const grown = await createService();
    const added = await svc(grown, 'add', 'adapter', 'nats', '--no-install');
    expect(added.exitCode, added.stdout + added.stderr).toBe(0);
    const { 'svc.json': directManifest, ...direct } = snapshot(root);
    const { 'svc.json': grownManifest, ...grownFiles } = snapshot(grown);
    expect(Object.keys(grownFiles).sort()).toEqual(Object.keys(direct).sort());
    for (const file of Object.keys(direct)) expect(grownFiles[file], file).toBe(direct[file]);
    const withoutHistory = (text: string | undefined) => ({ ...(JSON.parse(text ?? '{}') as object), history: undefined });
    expect(withoutHistory(grownManifest)).toEqual(withoutHistory(directManifest));

    const before = snapshot(grown);
    const again = await svc(grown, 'add', 'adapter', 'nats', '--no-install');
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing to do: add adapter nats is already in place');
    expect(snapshot(grown)).toEqual(before);
  });

  it('is gofmt-clean as written, then passes go vet, golangci-lint and go test -race with the integration tests run for real', async () => {
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['mod', 'tidy']);
    await goTool(root, 'go', ['vet', './...']);
    await goTool(root, 'golangci-lint', ['run', './...']);

    const tested = await goEnv(root, ['test', '-race', '-count=1', '-v', './...'], INTEGRATION_ENV);
    const output = String(tested.all);
    expect(tested.exitCode, output.slice(-4000)).toBe(0);
    for (const name of INTEGRATION_TESTS) expect(output, `${name} did not pass`).toMatch(new RegExp(`^\\s*--- PASS: ${name} \\(`, 'm'));
    expect(output).not.toMatch(/--- SKIP/);
  });

  it('fails, never skips, the publisher tests under CI without NATS_TEST_URL', async () => {
    const ci = await goEnv(root, ['test', '-count=1', '-run', '^TestPublishStoresEachEventOnce$', '-v', './internal/adapter/nats/'], { CI: 'true' });
    expect(ci.exitCode).not.toBe(0);
    expect(String(ci.all)).toContain('NATS_TEST_URL is not set, but CI is');
  });
});

describe('a broker for TypeScript', () => {
  it('create-service --lang ts --messaging nats exits 2, says not yet for TypeScript, writes nothing', async () => {
    const cwd = makeTempDir();
    const result = await runCli('create-service', ['orders', '--lang', 'ts', '--messaging', 'nats', '--yes', '--no-git', '--no-install'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/--messaging nats does not apply to --lang ts: .*not yet for TypeScript/);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('svc add adapter nats in a TypeScript service exits 2 and changes nothing', async () => {
    const cwd = makeTempDir();
    const created = await runCli('create-service', ['orders', '--lang', 'ts', '--yes', '--no-git', '--no-install'], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    const root = path.join(cwd, 'orders');
    const before = snapshot(root);
    const added = await svc(root, 'add', 'adapter', 'nats', '--no-install');
    expect(added.exitCode).toBe(2);
    expect(added.stderr).toMatch(/svc add adapter nats is not available in a TypeScript service: .*not yet for TypeScript/);
    expect(snapshot(root)).toEqual(before);
  });
});
