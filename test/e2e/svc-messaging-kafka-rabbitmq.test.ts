import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { createService, svc } from '../helpers/orders-service.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

/**
 * `--messaging kafka|rabbitmq` and `svc add adapter kafka|rabbitmq`: the same bytes either way, held
 * to the bar of every generated project, with the publisher's tests run and proven to have run
 * (Kafka against kfake in process, RabbitMQ against the server of this machine); one broker per
 * service; TypeScript refuses both.
 */
const BROKERS = [
  {
    broker: 'kafka',
    env: { REQUIRE_INTEGRATION: '1' },
    tests: [
      'TestPublishKeepsTheOrderOfAKeyOnOnePartition',
      'TestOpenCreatesTheTopicOnceAndKeepsAnExistingOne',
      'TestPublishCarriesTheTraceContext',
      'TestPublishIsCounted',
      'TestOpenFailsWhenKafkaDoesNotAnswer',
      'TestReadinessFailsWhileTheBrokerIsAway',
      'TestEndToEnd',
    ],
  },
  {
    broker: 'rabbitmq',
    env: { RABBITMQ_TEST_URL: 'amqp://guest:guest@127.0.0.1:5672/', REQUIRE_INTEGRATION: '1' },
    tests: [
      'TestPublishIsConfirmedAndRoutedByType',
      'TestAnEventNoQueueIsBoundForWaitsInTheUnroutedQueue',
      'TestPublishOfAnEventNothingTakesFails',
      'TestPublishCarriesTheTraceContext',
      'TestPublishIsCounted',
      'TestOpenFailsWhenRabbitMQDoesNotAnswer',
      'TestReconnectsAfterTheConnectionIsLost',
      'TestEndToEnd',
    ],
  },
] as const;

async function goEnv(cwd: string, args: readonly string[], env: Record<string, string>) {
  return execa('go', args, {
    cwd,
    reject: false,
    all: true,
    timeout: 900_000,
    env: { GOFLAGS: '-mod=mod', CGO_ENABLED: '1', CI: '', REQUIRE_INTEGRATION: '', KAFKA_TEST_BROKERS: '', RABBITMQ_TEST_URL: '', ...env },
  });
}

beforeAll(async () => {
  const { ensureServices } = (await import(path.join(REPO_ROOT, 'scripts/ensure-services.mjs'))) as { ensureServices: () => Promise<void> };
  await ensureServices();
});

describe.each(BROKERS)('create-service --messaging $broker', ({ broker, env, tests }) => {
  let root: string;

  beforeAll(async () => {
    root = await createService(['--messaging', broker, '--metrics', 'prometheus', '--tracing', 'otel']);
  });

  it('records the broker and publishes the sample events through it', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'svc.json'), 'utf8')) as { choices: { messaging: string } };
    expect(manifest.choices.messaging).toBe(broker);
    const ports = fs.readFileSync(path.join(root, 'internal/bootstrap/ports.go'), 'utf8');
    expect(ports).toContain('\t\tEvents: events,\n');
    expect(ports).toContain(`deps.checks.RegisterOptional("${broker}", events.Ping)`);
    expect(ports).not.toContain('memory.NewEventPublisher');
  });

  it(`gives the bytes of create then svc add adapter ${broker}, and a second add changes nothing`, async () => {
    const grown = await createService(['--metrics', 'prometheus', '--tracing', 'otel']);
    const added = await svc(grown, 'add', 'adapter', broker, '--no-install');
    expect(added.exitCode, added.stdout + added.stderr).toBe(0);
    const { 'svc.json': directManifest, ...direct } = snapshot(root);
    const { 'svc.json': grownManifest, ...grownFiles } = snapshot(grown);
    expect(Object.keys(grownFiles).sort()).toEqual(Object.keys(direct).sort());
    for (const file of Object.keys(direct)) expect(grownFiles[file], file).toBe(direct[file]);
    const withoutHistory = (text: string | undefined) => ({ ...(JSON.parse(text ?? '{}') as object), history: undefined });
    expect(withoutHistory(grownManifest)).toEqual(withoutHistory(directManifest));

    const before = snapshot(grown);
    const again = await svc(grown, 'add', 'adapter', broker, '--no-install');
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain(`nothing to do: add adapter ${broker} is already in place`);
    expect(snapshot(grown)).toEqual(before);
  });

  it('refuses a second broker with exit 2 and changes nothing', async () => {
    const other = broker === 'kafka' ? 'rabbitmq' : 'kafka';
    const grown = await createService(['--messaging', broker]);
    const before = snapshot(grown);
    for (const second of [other, 'nats']) {
      const added = await svc(grown, 'add', 'adapter', second, '--no-install');
      expect(added.exitCode, added.stdout + added.stderr).toBe(2);
      expect(added.stderr).toContain(`publishes its events to ${broker} already, and a service has one broker`);
      expect(snapshot(grown)).toEqual(before);
    }
  });

  it('is gofmt-clean as written, then passes go vet, golangci-lint and go test -race with the integration tests run for real', async () => {
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['mod', 'tidy']);
    await goTool(root, 'go', ['vet', './...']);
    await goTool(root, 'golangci-lint', ['run', './...']);

    const tested = await goEnv(root, ['test', '-race', '-count=1', '-v', './...'], env);
    const output = String(tested.all);
    expect(tested.exitCode, output.slice(-4000)).toBe(0);
    for (const name of tests) expect(output, `${name} did not pass`).toMatch(new RegExp(`^\\s*--- PASS: ${name} \\(`, 'm'));
    expect(output).not.toMatch(/--- SKIP/);
  });
});

describe('the publisher tests under CI', () => {
  it('fail, never skip, for RabbitMQ without RABBITMQ_TEST_URL', async () => {
    const root = await createService(['--messaging', 'rabbitmq']);
    const ci = await goEnv(root, ['test', '-count=1', '-run', '^TestPublishIsConfirmedAndRoutedByType$', '-v', './internal/adapter/rabbitmq/'], { CI: 'true' });
    expect(ci.exitCode).not.toBe(0);
    expect(String(ci.all)).toContain('RABBITMQ_TEST_URL is not set, but CI is');
  });
});

describe.each(['kafka', 'rabbitmq'])('%s for TypeScript', (broker) => {
  it(`create-service --lang ts --messaging ${broker} exits 2, says not yet for TypeScript, writes nothing`, async () => {
    const cwd = makeTempDir();
    const result = await runCli('create-service', ['orders', '--lang', 'ts', '--messaging', broker, '--yes', '--no-git', '--no-install'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`--messaging ${broker} does not apply to --lang ts: .*not yet for TypeScript`));
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it(`svc add adapter ${broker} in a TypeScript service exits 2 and changes nothing`, async () => {
    const cwd = makeTempDir();
    const created = await runCli('create-service', ['orders', '--lang', 'ts', '--yes', '--no-git', '--no-install'], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    const root = path.join(cwd, 'orders');
    const before = snapshot(root);
    const added = await svc(root, 'add', 'adapter', broker, '--no-install');
    expect(added.exitCode).toBe(2);
    expect(added.stderr).toMatch(new RegExp(`svc add adapter ${broker} is not available in a TypeScript service: .*not yet for TypeScript`));
    expect(snapshot(root)).toEqual(before);
  });
});
