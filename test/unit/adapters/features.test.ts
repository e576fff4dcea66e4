import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Choices } from '../../../src/choices/options.js';
import { namesOf } from '../../../src/choices/naming.js';
import type { ServiceSpec } from '../../../src/choices/service-spec.js';
import { goTemplateContext } from '../../../src/targets/go/context.js';
import { applyPostgres } from '../../../src/targets/go/features/postgres.js';
import { applyNats } from '../../../src/targets/go/features/nats.js';
import { applyRedis } from '../../../src/targets/go/features/redis.js';
import { applySqlite } from '../../../src/targets/go/features/sqlite.js';
import { generateGoService } from '../../../src/targets/go/generate.js';
import { Tree } from '../../../src/tree/tree.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const CHOICES: Choices = {
  lang: 'go',
  transport: ['http'],
  datastore: ['memory'],
  logger: 'slog',
  metrics: 'prometheus',
  tracing: 'otel',
  deploy: ['docker', 'compose', 'k8s', 'github-actions'],
  messaging: 'none',
  example: true,
};

function spec(choices: Partial<Choices> = {}): ServiceSpec {
  return { root: path.join(makeTempDir(), 'orders'), name: namesOf('orders'), module: 'example.com/orders', choices: { ...CHOICES, ...choices } };
}

async function generated(choices: Partial<Choices> = {}): Promise<{ tree: Tree; spec: ServiceSpec }> {
  const s = spec(choices);
  const tree = new Tree(s.root);
  await generateGoService(tree, s);
  return { tree, spec: s };
}

function files(tree: Tree): Record<string, string> {
  return Object.fromEntries(tree.written().map((file) => [file, tree.read(file) ?? '']));
}

describe('postgres and redis feature modules', () => {
  it('create with both datastores gives what applying the modules to the plain service gives', async () => {
    const direct = await generated({ datastore: ['postgres', 'redis'] });
    const plain = await generated();
    const context = goTemplateContext(plain.spec, []);
    await applyPostgres(plain.tree, context, { port: 'OrderRepository' });
    await applyRedis(plain.tree, context, { port: 'OrderRepository' });
    const expected = files(direct.tree);
    const actual = files(plain.tree);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const file of Object.keys(expected)) expect(actual[file], file).toBe(expected[file]);
  });

  it('is idempotent: applying a module again changes no byte', async () => {
    const { tree, spec: s } = await generated({ datastore: ['postgres', 'redis'] });
    const before = files(tree);
    const context = goTemplateContext(s, []);
    await applyPostgres(tree, context, { port: 'OrderRepository' });
    await applyRedis(tree, context, { port: 'OrderRepository' });
    expect(files(tree)).toEqual(before);
  });

  it('wires the sample port through the cache; memory stays, publishing the events', async () => {
    const { tree } = await generated({ datastore: ['postgres', 'redis'] });
    const ports = tree.read('internal/bootstrap/ports.go') ?? '';
    expect(ports).toContain('\t\tOrders: redis.NewOrderCache(postgres.NewOrderRepository(db), rdb, log),\n');
    expect(ports).not.toContain('memory.NewOrderRepository');
    expect(ports).toContain('\t\tEvents: memory.NewEventPublisher(),\n');
    expect(ports.indexOf('postgres.Open')).toBeLessThan(ports.indexOf('redis.Open'));
    expect(tree.read('internal/platform/config/config.go')).toMatch(/\tPostgres +Postgres\n\tRedis +Redis\n/);
    expect(tree.read('cmd/orders/run.go')).toContain('\tif len(args) > 1 && args[1] == "migrate" {\n');
    expect(tree.read('cmd/orders/e2e_test.go')).toMatch(/"POSTGRES_URL": +postgrestest\.URL\(t\),/);
    expect(tree.read('migrations/00001_create_orders.sql')).toContain('CREATE TABLE orders');
    expect(tree.read('deploy/k8s/deployment.yaml')).toContain('secretKeyRef:\n                  name: orders-postgres\n');
    expect(tree.read('compose.yaml')).toContain('      test: ["CMD", "pg_isready", "-U", "orders", "-d", "orders"]\n');
    expect(tree.read('.env.example')).toContain('\nPOSTGRES_URL=postgres://orders:orders@localhost:5432/orders?sslmode=disable\n');
  });

  it('without the sample, adds the connection, config and migrations only', async () => {
    const { tree } = await generated({ example: false, datastore: ['postgres', 'redis'], deploy: [] });
    expect(tree.exists('internal/adapter/postgres/order_repository.go')).toBe(false);
    expect(tree.exists('internal/adapter/redis/order_cache.go')).toBe(false);
    expect(tree.read('migrations/00001_init.sql')).toContain('-- +goose Up');
    const ports = tree.read('internal/bootstrap/ports.go') ?? '';
    expect(ports).toContain('deps.checks.Register("postgres", db.Ping)');
    expect(ports).toContain('\treturn app.Ports{}, nil\n');
    expect(tree.exists('compose.yaml')).toBe(false);
  });
});

describe('sqlite feature module', () => {
  it('create with sqlite and redis gives what applying the modules to the plain service gives, and applying again changes nothing', async () => {
    const direct = await generated({ datastore: ['sqlite', 'redis'] });
    const plain = await generated();
    const context = goTemplateContext(plain.spec, []);
    await applySqlite(plain.tree, context, { port: 'OrderRepository' });
    await applyRedis(plain.tree, context, { port: 'OrderRepository' });
    const expected = files(direct.tree);
    expect(files(plain.tree)).toEqual(expected);
    await applySqlite(plain.tree, context, { port: 'OrderRepository' });
    expect(files(plain.tree)).toEqual(expected);
  });

  it('wires the repository behind the cache, and the file on a volume for compose and one replica on a claim for Kubernetes', async () => {
    const { tree } = await generated({ datastore: ['sqlite', 'redis'] });
    const ports = tree.read('internal/bootstrap/ports.go') ?? '';
    expect(ports).toContain('\t\tOrders: redis.NewOrderCache(sqlite.NewOrderRepository(db), rdb, log),\n');
    expect(ports).toContain('\tdeps.idempotency = sqlite.NewIdempotencyStore(db, cfg.Idempotency.KeyTTL)\n');
    expect(tree.read('internal/platform/config/config.go')).toMatch(/\tSQLite +SQLite\n/);
    expect(tree.read('cmd/orders/e2e_test.go')).toMatch(/"SQLITE_PATH": +sqlitetest\.Path\(t\),/);
    expect(tree.read('migrations/00001_create_orders.sql')).toContain(') STRICT;');
    expect(tree.read('go.mod')).toContain('\tmodernc.org/sqlite v1.62.0\n');
    expect(tree.read('go.mod')).not.toContain('modernc.org/libc');
    const deployment = tree.read('deploy/k8s/deployment.yaml') ?? '';
    expect(deployment).toContain('  replicas: 1\n');
    expect(deployment).toContain('  strategy:\n    type: Recreate\n');
    expect(deployment).toContain('        fsGroup: 65532\n');
    expect(deployment).toContain('            - name: SQLITE_PATH\n              value: /var/lib/orders/orders.db\n');
    expect(deployment).toContain('            - name: data\n              mountPath: /var/lib/orders\n');
    expect(deployment).toContain('        - name: data\n          persistentVolumeClaim:\n            claimName: orders-data\n');
    const kustomization = tree.read('deploy/k8s/kustomization.yaml') ?? '';
    expect(kustomization).not.toContain('  - hpa.yaml');
    expect(kustomization).toContain('  - pvc.yaml\n');
    expect(tree.read('deploy/k8s/pvc.yaml')).toContain('  name: orders-data\n');
    const compose = tree.read('compose.yaml') ?? '';
    expect(compose).toContain('      SQLITE_PATH: /home/nonroot/orders.db\n');
    expect(compose).toContain('    volumes:\n      - "sqlite-data:/home/nonroot"\n');
    expect(compose).toContain('\nvolumes:\n  sqlite-data: {}\n');
  });

  it('without the sample, adds the database, config and migrations only', async () => {
    const { tree } = await generated({ example: false, datastore: ['sqlite'], deploy: [] });
    expect(tree.exists('internal/adapter/sqlite/order_repository.go')).toBe(false);
    expect(tree.read('migrations/00001_init.sql')).toContain('-- +goose Up');
    const ports = tree.read('internal/bootstrap/ports.go') ?? '';
    expect(ports).toContain('deps.checks.Register("sqlite", db.Ping)');
    expect(ports).toContain('\treturn app.Ports{}, nil\n');
  });
});

describe('nats feature module', () => {
  it('create --messaging nats gives what applying the module to the plain service gives, and applying it again changes nothing', async () => {
    for (const choices of [{}, { example: false, metrics: 'none', tracing: 'none', deploy: [] }] as Partial<Choices>[]) {
      const direct = await generated({ ...choices, messaging: 'nats' });
      const plain = await generated(choices);
      await applyNats(plain.tree, goTemplateContext(plain.spec, []));
      const expected = files(direct.tree);
      const actual = files(plain.tree);
      expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
      for (const file of Object.keys(expected)) expect(actual[file], file).toBe(expected[file]);
      await applyNats(direct.tree, goTemplateContext(direct.spec, []));
      expect(files(direct.tree)).toEqual(expected);
    }
  });

  it('publishes the sample events through the outbox and NATS, opened, checked and drained in the composition root', async () => {
    const { tree } = await generated({ messaging: 'nats', datastore: ['postgres'] });
    const ports = tree.read('internal/bootstrap/ports.go') ?? '';
    expect(ports).toContain('\tevents, err := nats.Open(ctx, cfg.NATS, log)\n\tif err != nil {\n\t\treturn app.Ports{}, fmt.Errorf("nats: %w", err)\n\t}\n');
    expect(ports).toContain('\tdeps.checks.RegisterOptional("nats", events.Ping)\n\tdeps.closers = append(deps.closers, closer{"nats", events.Close})\n\tdeps.metrics.MustRegister(events.Collector())\n');
    // With postgres the sample's events go to the outbox in the order's transaction; the relay hands them to NATS.
    expect(ports).toContain('\t\tEvents: postgres.NewOutbox(db),\n');
    expect(ports).toContain('\trelay := postgres.NewOutboxRelay(db, events, cfg.Outbox, log)\n');
    // postgres serves Orders, Tx and the outbox, NATS the relay: nothing is left for the memory adapter.
    expect(ports).not.toContain('adapter/memory"');
    expect(tree.read('internal/platform/config/config.go')).toMatch(/\tNATS +NATS\n/);
    expect(tree.read('internal/platform/config/config_test.go')).toMatch(/"NATS_URL": +"nats:\/\/localhost:4222"/);
    expect(tree.read('cmd/orders/e2e_test.go')).toMatch(/"NATS_STREAM": +natstest\.StreamName\(t\),/);
    expect(tree.read('compose.yaml')).toContain('    command: ["-js", "-sd", "/data", "-m", "8222"]\n');
    expect(tree.read('.github/workflows/ci.yml')).toContain('NATS_TEST_URL: nats://localhost:4222');
    expect(tree.read('deploy/k8s/deployment.yaml')).toContain('- name: NATS_URL\n              value: nats://orders-nats:4222\n');
    expect(tree.read('go.mod')).toContain('github.com/nats-io/nats.go v1.55.0');
    expect(tree.read('README.md')).toContain('stored with the order, relayed at least once');
  });

  it('without the sample, brings the event port and envelope and wires no use case', async () => {
    const { tree } = await generated({ messaging: 'nats', example: false, deploy: [] });
    expect(tree.exists('internal/port/event_publisher.go')).toBe(true);
    expect(tree.exists('internal/domain/event.go')).toBe(true);
    const ports = tree.read('internal/bootstrap/ports.go') ?? '';
    expect(ports).toContain('deps.checks.RegisterOptional("nats", events.Ping)');
    expect(ports).not.toContain('Events:');
  });

  it('without tracing or metrics, the adapter has neither', async () => {
    const { tree } = await generated({ messaging: 'nats', metrics: 'none', tracing: 'none' });
    expect(tree.read('internal/adapter/nats/nats.go')).not.toMatch(/opentelemetry|prometheus/);
    expect(tree.exists('internal/adapter/nats/carrier.go')).toBe(false);
    expect(tree.exists('internal/adapter/nats/trace_test.go')).toBe(false);
    expect(tree.exists('internal/adapter/nats/metrics_test.go')).toBe(false);
  });
});
