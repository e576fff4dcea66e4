import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { createService, svc } from '../helpers/orders-service.js';
import { snapshot } from '../helpers/temp-dir.js';

/**
 * `svc add consumer OrderPlaced --handler ReserveStock` in a service created with --messaging kafka:
 * held to the bar of every generated project, with the consumer's integration tests run against
 * kfake (franz-go's in-process Kafka; KAFKA_TEST_BROKERS is left unset) and proven to have run.
 */
const CONSUMER_TESTS = [
  'TestConsumerHandlesEachEventOnceAndCommits',
  'TestConsumerRetriesInPlaceThenDeadLettersAndContinues',
  'TestConsumerDeadLettersAPoisonRecordAtOnce',
  'TestConsumerRunsAtMostItsWorkersAndAPartitionInOrder',
  'TestConsumerFinishesInFlightRecordsWhenStopped',
  'TestConsumerIsNotReadyWithoutItsBroker',
  'TestConsumerCommitsBeforeARebalanceHandsItsPartitionsOver',
  'TestConsumerCountsAndReportsItsLag',
  'TestConsumerContinuesThePublishersTrace',
  'TestHandleOrderPlacedRejectsWhatItCannotRead',
  'TestKafkaConsumerValidate',
];

const goTest = (root: string, packages: readonly string[], env: Record<string, string>) =>
  execa('go', ['test', '-race', '-count=1', '-v', ...packages], {
    cwd: root,
    reject: false,
    all: true,
    timeout: 900_000,
    env: { GOFLAGS: '-mod=mod', CGO_ENABLED: '1', KAFKA_TEST_BROKERS: '', CI: 'true', ...env },
  });

describe('svc add consumer in a service with --messaging kafka', () => {
  let root: string;

  beforeAll(async () => {
    root = await createService(['--messaging', 'kafka']);
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

  it('is gofmt-clean, then passes go vet, golangci-lint and go test -race with the consumer tests run against kfake', async () => {
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['mod', 'tidy']);
    await goTool(root, 'go', ['vet', './...']);
    await goTool(root, 'golangci-lint', ['run', './...']);
    const tested = await goTest(root, ['./...'], { REQUIRE_INTEGRATION: '' });
    const output = String(tested.all);
    expect(tested.exitCode, output.slice(-4000)).toBe(0);
    for (const name of CONSUMER_TESTS) expect(output, `${name} did not pass`).toMatch(new RegExp(`^\\s*--- PASS: ${name} \\(`, 'm'));
  });
});

/** The packages the inbox touches: one lint and one race run of them keeps this case cheap. */
const INBOX_PACKAGES = ['./internal/adapter/memory/', './internal/adapter/postgres/', './internal/adapter/kafka/', './internal/bootstrap/', './cmd/...'];

describe('svc add consumer in a service with postgres and kafka: the processed_messages inbox', () => {
  let root: string;

  beforeAll(async () => {
    const { ensureServices } = (await import(path.join(REPO_ROOT, 'scripts/ensure-services.mjs'))) as { ensureServices: () => Promise<void> };
    await ensureServices();
    root = await createService(['--messaging', 'kafka']);
    const postgres = await svc(root, 'add', 'adapter', 'postgres', '--no-install');
    expect(postgres.exitCode, postgres.stdout + postgres.stderr).toBe(0);
    const added = await svc(root, 'add', 'consumer', 'OrderPlaced', '--handler', 'ReserveStock');
    expect(added.exitCode, added.stdout + added.stderr).toBe(0);
  });

  it('is gofmt-clean, then passes go vet, golangci-lint and go test -race with the inbox test run against PostgreSQL and kfake', async () => {
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['mod', 'tidy']);
    await goTool(root, 'go', ['vet', './...']);
    await goTool(root, 'golangci-lint', ['run', ...INBOX_PACKAGES]);
    const tested = await goTest(root, INBOX_PACKAGES, { REQUIRE_INTEGRATION: '1', POSTGRES_TEST_URL: 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable' });
    const output = String(tested.all);
    expect(tested.exitCode, output.slice(-4000)).toBe(0);
    for (const name of ['TestConsumerWithThePostgresInboxRetriesAFailureAndSkipsARepeat', 'TestInboxRollsBackWithTheHandler', 'TestConsumerHandlesEachEventOnceAndCommits']) {
      expect(output, `${name} did not pass`).toMatch(new RegExp(`^\\s*--- PASS: ${name} \\(`, 'm'));
    }
    expect(output).not.toMatch(/--- SKIP/);
  });
});
