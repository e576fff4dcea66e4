import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { createService, svc } from '../helpers/orders-service.js';
import { snapshot } from '../helpers/temp-dir.js';

/**
 * `svc add consumer OrderPlaced --handler ReserveStock` in a service created with --messaging rabbitmq:
 * held to the bar of every generated project, with the consumer's integration tests run against the
 * shared RabbitMQ (REQUIRE_INTEGRATION makes a missing server fail them) and proven to have run.
 */
const CONSUMER_TESTS = [
  'TestConsumerHandlesEachEventOnceAndAcks',
  'TestConsumerRetriesThenDeadLettersAndContinues',
  'TestConsumerDeadLettersAPoisonMessageAtOnceWithItsHeaders',
  'TestConsumerRunsAtMostItsWorkers',
  'TestConsumerFinishesInFlightMessagesWhenStopped',
  'TestConsumerIsNotReadyWhileItsConnectionIsDownAndReconnects',
  'TestConsumerStopsOnCancel',
  'TestOpenConsumerReturnsWhenCancelledDuringTheHandshake',
  'TestConsumerStopsDuringAReconnectionStuckInTheHandshake',
  'TestConsumerContinuesThePublishersTrace',
  'TestConsumerCountsWhatItHandles',
  'TestOpenReturnsWhenCancelledDuringTheHandshake',
  'TestCloseEndsAReconnectionStuckInTheHandshake',
  'TestThePublisherOutlivesTheContextOfOpen',
  'TestHandleOrderPlacedRejectsWhatItCannotRead',
  'TestRabbitMQConsumerValidate',
];

const RABBITMQ_TEST_URL = 'amqp://guest:guest@127.0.0.1:5672/';

const goTest = (root: string, packages: readonly string[], env: Record<string, string>) =>
  execa('go', ['test', '-race', '-count=1', '-v', ...packages], {
    cwd: root,
    reject: false,
    all: true,
    timeout: 900_000,
    env: { GOFLAGS: '-mod=mod', CGO_ENABLED: '1', RABBITMQ_TEST_URL, REQUIRE_INTEGRATION: '1', CI: 'true', ...env },
  });

const ensureServices = async () => {
  const services = (await import(path.join(REPO_ROOT, 'scripts/ensure-services.mjs'))) as { ensureServices: () => Promise<void> };
  await services.ensureServices();
};

describe('svc add consumer in a service with --messaging rabbitmq', () => {
  let root: string;

  beforeAll(async () => {
    await ensureServices();
    root = await createService(['--messaging', 'rabbitmq']);
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

  it('is gofmt-clean, then passes go vet, golangci-lint and go test -race with the consumer tests run against RabbitMQ', async () => {
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['mod', 'tidy']);
    await goTool(root, 'go', ['vet', './...']);
    await goTool(root, 'golangci-lint', ['run', './...']);
    const tested = await goTest(root, ['./...'], {});
    const output = String(tested.all);
    expect(tested.exitCode, output.slice(-4000)).toBe(0);
    for (const name of CONSUMER_TESTS) expect(output, `${name} did not pass`).toMatch(new RegExp(`^\\s*--- PASS: ${name} \\(`, 'm'));
  });
});

/** The packages the inbox touches: one lint and one race run of them keeps this case cheap. */
const INBOX_PACKAGES = ['./internal/adapter/memory/', './internal/adapter/postgres/', './internal/adapter/rabbitmq/', './internal/bootstrap/', './cmd/...'];

describe('svc add consumer in a service with postgres and rabbitmq: the processed_messages inbox', () => {
  let root: string;

  beforeAll(async () => {
    await ensureServices();
    root = await createService(['--messaging', 'rabbitmq']);
    const postgres = await svc(root, 'add', 'adapter', 'postgres', '--no-install');
    expect(postgres.exitCode, postgres.stdout + postgres.stderr).toBe(0);
    const added = await svc(root, 'add', 'consumer', 'OrderPlaced', '--handler', 'ReserveStock');
    expect(added.exitCode, added.stdout + added.stderr).toBe(0);
  });

  it('is gofmt-clean, then passes go vet, golangci-lint and go test -race with the inbox test run against PostgreSQL and RabbitMQ', async () => {
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['mod', 'tidy']);
    await goTool(root, 'go', ['vet', './...']);
    await goTool(root, 'golangci-lint', ['run', ...INBOX_PACKAGES]);
    const tested = await goTest(root, INBOX_PACKAGES, { POSTGRES_TEST_URL: 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable' });
    const output = String(tested.all);
    expect(tested.exitCode, output.slice(-4000)).toBe(0);
    for (const name of ['TestConsumerWithThePostgresInboxRetriesAFailureAndSkipsARepeat', 'TestInboxRollsBackWithTheHandler', 'TestConsumerHandlesEachEventOnceAndAcks']) {
      expect(output, `${name} did not pass`).toMatch(new RegExp(`^\\s*--- PASS: ${name} \\(`, 'm'));
    }
    expect(output).not.toMatch(/--- SKIP/);
  });
});
