import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { createService, svc } from '../helpers/orders-service.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

/**
 * `svc add consumer OrderPlaced --handler ReserveStock` in a service created with --messaging nats:
 * held to the bar of every generated project, with the consumer's integration tests run against the
 * NATS (JetStream) of this machine under CI and proven to have run.
 */
const INTEGRATION_ENV = { NATS_TEST_URL: 'nats://127.0.0.1:4222', CI: 'true' };

/** The consumer's tests that need a server; each must appear as `--- PASS` in `go test -v`. */
const CONSUMER_TESTS = [
  'TestConsumerHandlesEachEventOnce',
  'TestConsumerRetriesThenDeadLettersAndContinues',
  'TestConsumerDeadLettersAPoisonMessageAtOnce',
  'TestConsumerFetchesNoMoreThanItsWorkers',
  'TestConsumerFinishesInFlightMessagesWhenStopped',
  'TestConsumerIsNotReadyWithoutItsBroker',
  'TestConsumerStopsCleanlyWhileTheBrokerIsAway',
  'TestConsumerContinuesThePublishersTrace',
  'TestHandleOrderPlacedRejectsWhatItCannotRead',
];

beforeAll(async () => {
  const { ensureServices } = (await import(path.join(REPO_ROOT, 'scripts/ensure-services.mjs'))) as { ensureServices: () => Promise<void> };
  await ensureServices();
});

describe('svc add consumer in a service with --messaging nats', () => {
  let root: string;

  beforeAll(async () => {
    root = await createService(['--messaging', 'nats']);
    const added = await svc(root, 'add', 'consumer', 'OrderPlaced', '--handler', 'ReserveStock');
    expect(added.exitCode, added.stdout + added.stderr).toBe(0);
  });

  it('changes nothing when run again', async () => {
    const before = snapshot(root);
    const again = await svc(root, 'add', 'consumer', 'OrderPlaced', '--handler', 'ReserveStock');
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('is gofmt-clean, then passes go vet, golangci-lint and go test -race with the consumer tests run against NATS', async () => {
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['mod', 'tidy']);
    await goTool(root, 'go', ['vet', './...']);
    await goTool(root, 'golangci-lint', ['run', './...']);
    const tested = await execa('go', ['test', '-race', '-count=1', '-v', './...'], {
      cwd: root,
      reject: false,
      all: true,
      timeout: 900_000,
      env: { GOFLAGS: '-mod=mod', CGO_ENABLED: '1', REQUIRE_INTEGRATION: '', ...INTEGRATION_ENV },
    });
    const output = String(tested.all);
    expect(tested.exitCode, output.slice(-4000)).toBe(0);
    for (const name of CONSUMER_TESTS) expect(output, `${name} did not pass`).toMatch(new RegExp(`^\\s*--- PASS: ${name} \\(`, 'm'));
  });
});

/** The inbox's tests; each must appear as `--- PASS` in `go test -v` (the postgres one against PostgreSQL). */
const INBOX_TESTS = [
  'TestInboxMarksEachMessageOncePerConsumer',
  'TestInboxRollsBackWithTheHandler',
  'TestInboxPrunerDeletesOnlyExpiredRows',
  'TestInboxPrunerRunPrunesEachIntervalAndStops',
  'TestInboxValidate',
  'TestConsumerWithThePostgresInboxRetriesAFailureAndSkipsARepeat',
  'TestInboxForgetsTheOldestWhenFull',
  'TestInboxForgetsWhatAFailedUnitOfWorkMarked',
  'TestConsumerHandlesEachEventOnce',
  'TestConsumerRetriesThenDeadLettersAndContinues',
];

/** The packages the inbox touches: one lint and one race run of them keeps this case cheap. */
const INBOX_PACKAGES = ['./internal/adapter/memory/', './internal/adapter/postgres/', './internal/adapter/nats/', './internal/bootstrap/', './internal/platform/config/', './cmd/...'];

describe('svc add consumer in a service with postgres and nats: the processed_messages inbox', () => {
  let root: string;

  beforeAll(async () => {
    root = await createService(['--messaging', 'nats']);
    const postgres = await svc(root, 'add', 'adapter', 'postgres', '--no-install');
    expect(postgres.exitCode, postgres.stdout + postgres.stderr).toBe(0);
    const added = await svc(root, 'add', 'consumer', 'OrderPlaced', '--handler', 'ReserveStock');
    expect(added.exitCode, added.stdout + added.stderr).toBe(0);
  });

  it('records processed events in PostgreSQL, in the migration after the outbox', () => {
    const ports = fs.readFileSync(path.join(root, 'internal/bootstrap/ports.go'), 'utf8');
    expect(ports).toContain('\tdeps.inbox = postgres.NewInbox(db)\n');
    expect(ports).toContain('\tdeps.workers = append(deps.workers, worker{"inbox pruner", pruner.Run})\n');
    expect(fs.readFileSync(path.join(root, 'migrations/00005_index_processed_messages_processed_at.sql'), 'utf8')).toContain('ON processed_messages (processed_at)');
    expect(fs.readFileSync(path.join(root, 'migrations/00004_create_processed_messages.sql'), 'utf8')).toContain('PRIMARY KEY (consumer, message_id)');
  });

  it('is gofmt-clean, then passes go vet, golangci-lint and go test -race with the inbox tests run against PostgreSQL and NATS', async () => {
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['mod', 'tidy']);
    await goTool(root, 'go', ['vet', './...']);
    await goTool(root, 'golangci-lint', ['run', ...INBOX_PACKAGES]);
    const tested = await execa('go', ['test', '-race', '-count=1', '-v', ...INBOX_PACKAGES], {
      cwd: root,
      reject: false,
      all: true,
      timeout: 900_000,
      env: { GOFLAGS: '-mod=mod', CGO_ENABLED: '1', CI: 'true', REQUIRE_INTEGRATION: '1', POSTGRES_TEST_URL: 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable', NATS_TEST_URL: 'nats://127.0.0.1:4222' },
    });
    const output = String(tested.all);
    expect(tested.exitCode, output.slice(-4000)).toBe(0);
    for (const name of INBOX_TESTS) expect(output, `${name} did not pass`).toMatch(new RegExp(`^\\s*--- PASS: ${name} \\(`, 'm'));
    expect(output).not.toMatch(/--- SKIP/);
  });
});

describe('svc add consumer refusals', () => {
  it('exits 2 without a broker, naming the add that gives one, and writes nothing', async () => {
    const root = await createService();
    const before = snapshot(root);
    const added = await svc(root, 'add', 'consumer', 'OrderPlaced', '--handler', 'ReserveStock');
    expect(added.exitCode).toBe(2);
    expect(added.stderr).toContain('svc add adapter nats');
    expect(snapshot(root)).toEqual(before);
  });

  it('exits 2 in a TypeScript service: not yet for TypeScript', async () => {
    const cwd = makeTempDir();
    const created = await runCli('create-service', ['orders', '--lang', 'ts', '--yes', '--no-git', '--no-install'], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    const root = path.join(cwd, 'orders');
    const before = snapshot(root);
    const added = await svc(root, 'add', 'consumer', 'OrderPlaced', '--handler', 'ReserveStock');
    expect(added.exitCode).toBe(2);
    expect(added.stderr).toContain('not yet for TypeScript');
    expect(snapshot(root)).toEqual(before);
  });
});
