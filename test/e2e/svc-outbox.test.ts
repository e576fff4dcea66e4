import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { createService, svc } from '../helpers/orders-service.js';
import { snapshot } from '../helpers/temp-dir.js';

/**
 * The transactional outbox of a service with postgres and a broker: create and the adds in either
 * order generate it the same way, the user's lines survive, and its tests run against the
 * PostgreSQL of this machine and are proven to have run.
 */
const INTEGRATION_ENV = {
  POSTGRES_TEST_URL: 'postgres://postgres@127.0.0.1:5432/postgres?sslmode=disable',
  NATS_TEST_URL: 'nats://127.0.0.1:4222',
  REQUIRE_INTEGRATION: '1',
};

const OUTBOX_TESTS = [
  'TestWithinTxKeepsWritesOnlyOnCommit',
  'TestOrderAndItsEventCommitTogetherOrNotAtAll',
  'TestRelayPublishesEveryEventOnceInOrderPerKey',
  'TestTwoRelaysNeitherDuplicateNorReorder',
  'TestRelayBacksOffWhileTheBrokerIsDownThenDelivers',
  'TestRelayExportsBacklogAndOldestAge',
];

/** What the outbox adds on its own, whichever add came second. */
const OUTBOX_FILES = [
  'migrations/00003_create_outbox.sql',
  'internal/adapter/postgres/outbox.go',
  'internal/adapter/postgres/outbox_relay.go',
  'internal/adapter/postgres/outbox_metrics.go',
  'internal/platform/config/outbox.go',
];

const RELAY_LINES = [
  '\trelay := postgres.NewOutboxRelay(db, events, cfg.Outbox, log)\n',
  '\tdeps.workers = append(deps.workers, worker{"outbox relay", relay.Run})\n',
  '\tdeps.metrics.MustRegister(relay.Collector())\n',
  '\t\tEvents: postgres.NewOutbox(db),\n',
  '\t\tTx:     db,\n',
];

async function add(root: string, adapter: string): Promise<void> {
  const added = await svc(root, 'add', 'adapter', adapter, '--no-install');
  expect(added.exitCode, added.stdout + added.stderr).toBe(0);
}

beforeAll(async () => {
  const { ensureServices } = (await import(path.join(REPO_ROOT, 'scripts/ensure-services.mjs'))) as { ensureServices: () => Promise<void> };
  await ensureServices();
});

describe('the transactional outbox (postgres + nats)', () => {
  let root: string;

  beforeAll(async () => {
    root = await createService(['--datastore', 'postgres', '--messaging', 'nats']);
  });

  it('writes the event through the outbox and runs the relay as a worker', () => {
    const ports = fs.readFileSync(path.join(root, 'internal/bootstrap/ports.go'), 'utf8');
    for (const line of RELAY_LINES) expect(ports).toContain(line);
    expect(ports).not.toContain('internal/adapter/memory');
    for (const file of OUTBOX_FILES) expect(fs.existsSync(path.join(root, file)), file).toBe(true);
  });

  it('gives the bytes of create then add postgres then add nats, and a second add changes nothing', async () => {
    const grown = await createService();
    await add(grown, 'postgres');
    await add(grown, 'nats');
    const { 'svc.json': _direct, ...direct } = snapshot(root);
    const { 'svc.json': _grown, ...grownFiles } = snapshot(grown);
    expect(Object.keys(grownFiles).sort()).toEqual(Object.keys(direct).sort());
    for (const file of Object.keys(direct)) expect(grownFiles[file], file).toBe(direct[file]);

    const before = snapshot(grown);
    await add(grown, 'nats');
    await add(grown, 'postgres');
    expect(snapshot(grown)).toEqual(before);
  });

  it('adds the same outbox when nats comes first, keeping the lines the user wrote', async () => {
    const grown = await createService();
    await add(grown, 'nats');
    const portsFile = path.join(grown, 'internal/bootstrap/ports.go');
    const userLine = '\t// Our team wires the payment gateway below.\n';
    const text = fs.readFileSync(portsFile, 'utf8');
    // The final return, one tab in: after the nats add, the first `return app.Ports{` is its error branch.
    fs.writeFileSync(portsFile, text.replace('\n\treturn app.Ports{\n', `\n${userLine}\treturn app.Ports{\n`));
    expect(fs.readFileSync(portsFile, 'utf8')).toContain(userLine);
    await add(grown, 'postgres');

    const ports = fs.readFileSync(portsFile, 'utf8');
    expect(ports).toContain(userLine);
    for (const line of RELAY_LINES) expect(ports).toContain(line);
    for (const file of OUTBOX_FILES) expect(fs.readFileSync(path.join(grown, file), 'utf8'), file).toBe(fs.readFileSync(path.join(root, file), 'utf8'));
  });

  it('passes gofmt, go vet, golangci-lint and go test -race, with the outbox tests run against PostgreSQL', async () => {
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['mod', 'tidy']);
    await goTool(root, 'go', ['vet', './...']);
    await goTool(root, 'golangci-lint', ['run', './...']);
    const tested = await execa('go', ['test', '-race', '-count=1', '-v', './internal/adapter/postgres/', './internal/platform/config/', './internal/app/'], {
      cwd: root,
      reject: false,
      all: true,
      timeout: 900_000,
      env: { GOFLAGS: '-mod=mod', CGO_ENABLED: '1', CI: '', ...INTEGRATION_ENV },
    });
    const output = String(tested.all);
    expect(tested.exitCode, output.slice(-4000)).toBe(0);
    for (const name of OUTBOX_TESTS) expect(output, `${name} did not pass`).toMatch(new RegExp(`^\\s*--- PASS: ${name} \\(`, 'm'));
    expect(output).not.toMatch(/--- SKIP/);
  });
});
