import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { createService, svc } from '../helpers/orders-service.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

/**
 * `svc add adapter postgres|redis` on a generated service, held to the bar of every generated
 * project, with the integration tests of the adapters run against the real PostgreSQL and Redis
 * of this machine and proven to have run (PASS lines, no SKIP).
 */
const INTEGRATION_ENV = {
  POSTGRES_TEST_URL: 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable',
  REDIS_TEST_ADDR: '127.0.0.1:6379',
  REQUIRE_INTEGRATION: '1',
};

/** Tests that need a server; each must appear as `--- PASS` in `go test -v`. */
const INTEGRATION_TESTS = [
  'TestOrderRepository',
  'TestOrderRepositoryKeepsLineOrder',
  'TestOrderRepositoryHonoursCancellation',
  'TestOrderRepositoryConcurrentUse',
  'TestMigrateIsIdempotent',
  'TestMigrateAppliesTheMigrations',
  'TestOrderCacheReadsThroughAndCaches',
  'TestOrderCacheDoesNotCacheMisses',
  'TestOrderCacheSaveDropsTheCachedCopy',
  'TestOrderCacheLoadsOnceForConcurrentMisses',
  'TestEndToEnd',
];

async function goEnv(cwd: string, args: readonly string[], env: Record<string, string>) {
  return execa('go', args, {
    cwd,
    reject: false,
    all: true,
    timeout: 900_000,
    env: { GOFLAGS: '-mod=mod', CGO_ENABLED: '1', CI: '', REQUIRE_INTEGRATION: '', POSTGRES_TEST_URL: '', REDIS_TEST_ADDR: '', ...env },
  });
}

beforeAll(async () => {
  // PostgreSQL and Redis are started when they are down, as npm test does.
  const { ensureServices } = (await import(path.join(REPO_ROOT, 'scripts/ensure-services.mjs'))) as { ensureServices: () => Promise<void> };
  await ensureServices();
});

describe('svc add adapter postgres, then redis, on the default service', () => {
  let root: string;

  beforeAll(async () => {
    root = await createService();
    for (const kind of ['postgres', 'redis']) {
      const added = await svc(root, 'add', 'adapter', kind, '--no-install');
      expect(added.exitCode, added.stdout + added.stderr).toBe(0);
    }
  });

  it('wires the repository behind the cache, with readiness checks and closers', () => {
    const ports = fs.readFileSync(path.join(root, 'internal/bootstrap/ports.go'), 'utf8');
    expect(ports).toContain('Orders: redis.NewOrderCache(postgres.NewOrderRepository(db), rdb, log),');
    expect(ports).toContain('\tdeps.checks.Register("postgres", db.Ping)\n\tdeps.closers = append(deps.closers, closer{"postgres", db.Close})\n');
    expect(ports).toContain('\tdeps.checks.RegisterOptional("redis", rdb.Ping)\n\tdeps.closers = append(deps.closers, closer{"redis", rdb.Close})\n');
    // Nothing serves Orders from memory any more; the in-memory event publisher stays.
    expect(ports).not.toContain('memory.NewOrderRepository');
    expect(ports).toContain('\t\tEvents: memory.NewEventPublisher(),\n');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'svc.json'), 'utf8')) as { choices: { datastore: string[] }; history: string[] };
    expect(manifest.choices.datastore).toEqual(['postgres', 'redis']);
    expect(manifest.history).toEqual(['create', 'add adapter postgres', 'add adapter redis']);
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
    expect(output).not.toMatch(/^(--- )?FAIL/m);
  });

  it('fails, never skips, an integration test whose server CI promises but does not name', async () => {
    const required = await goEnv(root, ['test', '-count=1', '-run', '^TestOrderRepository$', '-v', './internal/adapter/postgres/'], {
      REQUIRE_INTEGRATION: '1',
    });
    expect(required.exitCode).not.toBe(0);
    expect(String(required.all)).toContain('POSTGRES_TEST_URL is not set, but REQUIRE_INTEGRATION is');
    const ci = await goEnv(root, ['test', '-count=1', '-run', '^TestOrderCacheReadsThroughAndCaches$', '-v', './internal/adapter/redis/'], { CI: 'true' });
    expect(ci.exitCode).not.toBe(0);
    expect(String(ci.all)).toContain('REDIS_TEST_ADDR is not set, but CI is');

    const developer = await goEnv(root, ['test', '-count=1', '-run', '^TestOrderRepository$', '-v', './internal/adapter/postgres/'], {});
    expect(developer.exitCode).toBe(0);
    expect(String(developer.all)).toContain('integration test: set POSTGRES_TEST_URL to run it\n--- SKIP: TestOrderRepository (');
  });

  it('keeps compose.yaml and the k8s manifests valid (deployvalidate, yamllint --strict)', async () => {
    const validator = path.join(makeTempDir('deployvalidate-'), 'deployvalidate');
    const built = await execa('go', ['build', '-o', validator, '.'], {
      cwd: path.join(REPO_ROOT, 'test/tools/deployvalidate'),
      reject: false,
      all: true,
      env: { GOFLAGS: '-mod=readonly -buildvcs=false' },
    });
    expect(built.exitCode, String(built.all)).toBe(0);
    const validated = await execa(validator, ['-name', 'orders', '-metrics', '-tracing', '-deploy', 'docker,compose,k8s,github-actions', root], {
      reject: false,
      all: true,
    });
    const report = String(validated.all);
    expect(report).toMatch(/^compose +\d+ checks/m);
    expect(report).not.toMatch(/FAIL \[(compose|k8s)\]/);
    const files = ['compose.yaml', ...fs.readdirSync(path.join(root, 'deploy/k8s')).map((file) => `deploy/k8s/${file}`)];
    const linted = await execa('yamllint', ['--strict', '--config-file', path.join(REPO_ROOT, 'test/tools/deployvalidate/yamllint.yml'), ...files], {
      cwd: root,
      reject: false,
      all: true,
    });
    expect(linted.exitCode, String(linted.all)).toBe(0);
    const compose = fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8');
    expect(compose).toContain('  postgres:\n    image: postgres:17\n');
    expect(compose).toContain('      postgres:\n        condition: service_healthy\n');
  });

  it('a second add changes nothing and says so', async () => {
    const before = snapshot(root);
    for (const kind of ['postgres', 'redis', 'memory']) {
      const again = await svc(root, 'add', 'adapter', kind, '--no-install');
      expect(again.exitCode, again.stderr).toBe(0);
      expect(again.stdout).toContain(`nothing to do: add adapter ${kind} is already in place`);
    }
    expect(snapshot(root)).toEqual(before);
  });
});

describe('create --datastore postgres,redis without the sample, with zap, no metrics or tracing', () => {
  it('adds the connections only, and passes every check with the integration tests run', async () => {
    const root = await createService(['--no-example', '--logger', 'zap', '--metrics', 'none', '--tracing', 'none', '--deploy', 'none', '--datastore', 'postgres,redis']);
    expect(fs.existsSync(path.join(root, 'internal/adapter/postgres/order_repository.go'))).toBe(false);
    expect(fs.readFileSync(path.join(root, 'internal/bootstrap/ports.go'), 'utf8')).toContain('\treturn app.Ports{}, nil\n');
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['mod', 'tidy']);
    await goTool(root, 'go', ['vet', './...']);
    await goTool(root, 'golangci-lint', ['run', './...']);
    const tested = await goEnv(root, ['test', '-race', '-count=1', '-v', './...'], INTEGRATION_ENV);
    const output = String(tested.all);
    expect(tested.exitCode, output.slice(-4000)).toBe(0);
    for (const name of ['TestMigrateIsIdempotent', 'TestMigrateAppliesTheMigrations', 'TestEndToEnd']) {
      expect(output, `${name} did not pass`).toMatch(new RegExp(`^\\s*--- PASS: ${name} \\(`, 'm'));
    }
    expect(output).not.toMatch(/--- SKIP/);
  });
});

describe('svc add adapter: properties', () => {
  it('--dry-run prints the changes with diffs and writes nothing', async () => {
    const root = await createService();
    const before = snapshot(root);
    const dry = await svc(root, 'add', 'adapter', 'postgres', '--dry-run');
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/CREATE internal\/adapter\/postgres\/postgres\.go/);
    expect(dry.stdout).toMatch(/UPDATE internal\/bootstrap\/ports\.go/);
    expect(dry.stdout).toContain('-\t\tOrders: memory.NewOrderRepository(),\n+\t\tOrders: postgres.NewOrderRepository(db),\n');
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(snapshot(root)).toEqual(before);
  });

  it('keeps every line the user wrote in the files it edits', async () => {
    const root = await createService();
    const portsFile = path.join(root, 'internal/bootstrap/ports.go');
    const configFile = path.join(root, 'internal/platform/config/config.go');
    const userPorts = fs
      .readFileSync(portsFile, 'utf8')
      .replace('\treturn app.Ports{', '\t// Die Uhr läuft in UTC – immer.\n\tclock := system.Clock{}\n\t_ = clock\n\n\treturn app.Ports{')
      .replace('\t\tIDs:    system.IDGenerator{},', '\t\tIDs:    system.IDGenerator{}, // ids: ✓');
    fs.writeFileSync(portsFile, userPorts);
    const userConfig = fs.readFileSync(configFile, 'utf8').replace('\tShutdown Shutdown\n', '\tShutdown Shutdown\n\t// Feature flags of the team.\n\tFlags string `env:"FLAGS"`\n');
    fs.writeFileSync(configFile, userConfig);
    await goTool(root, 'gofmt', ['-w', configFile]); // as the user's editor would

    for (const kind of ['postgres', 'redis']) {
      const added = await svc(root, 'add', 'adapter', kind, '--no-install');
      expect(added.exitCode, added.stdout + added.stderr).toBe(0);
    }
    const portsAfter = fs.readFileSync(portsFile, 'utf8');
    for (const line of userPorts.split('\n')) {
      // Replaced on purpose: the store behind Orders and the unit of work behind Tx.
      if (line.includes('Orders:') || line.includes('Tx:') || line.includes('internal/adapter/memory"')) continue;
      expect(portsAfter.split('\n'), line).toContain(line);
    }
    expect(portsAfter).toMatch(/\tTx: +db,\n/);
    // The statements go above the blank row the user left before the return.
    expect(portsAfter).toContain('\t_ = clock\n\n\tdb, err := postgres.Open(ctx, cfg.Postgres)\n');
    expect(portsAfter).toContain('\tdeps.metrics.MustRegister(rdb.Collector())\n\n\treturn app.Ports{');
    const configAfter = fs.readFileSync(configFile, 'utf8');
    expect(configAfter).toContain('\t// Feature flags of the team.\n');
    expect(configAfter).toMatch(/\tFlags +string +`env:"FLAGS"`/);
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['vet', './...']);
  });

  it('redis before postgres also builds: postgres replaces the source inside the cache', async () => {
    const root = await createService();
    for (const kind of ['redis', 'postgres']) {
      const added = await svc(root, 'add', 'adapter', kind, '--no-install');
      expect(added.exitCode, added.stdout + added.stderr).toBe(0);
    }
    const ports = fs.readFileSync(path.join(root, 'internal/bootstrap/ports.go'), 'utf8');
    expect(ports).toContain('Orders: redis.NewOrderCache(postgres.NewOrderRepository(db), rdb, log),');
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['vet', './...']);
  });

  it('leaves the project byte-identical when an edit cannot be made', async () => {
    const root = await createService();
    const portsFile = path.join(root, 'internal/bootstrap/ports.go');
    // The user wired Orders by hand: the engine will not overwrite it, and says what to write.
    fs.writeFileSync(portsFile, fs.readFileSync(portsFile, 'utf8').replace('Orders: memory.NewOrderRepository()', 'Orders: newMine()'));
    fs.appendFileSync(portsFile, '\nfunc newMine() *memory.OrderRepository { return memory.NewOrderRepository() }\n');
    const before = snapshot(root);
    const failed = await svc(root, 'add', 'adapter', 'postgres', '--no-install');
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toContain('Orders: postgres.NewOrderRepository(db),');
    expect(snapshot(root)).toEqual(before);

    // A file that does not parse stops the add before anything is written.
    fs.writeFileSync(path.join(root, 'internal/platform/config/config.go'), 'package config\n\nfunc broken( {\n');
    const broken = snapshot(root);
    const refused = await svc(root, 'add', 'adapter', 'redis', '--no-install');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/config\.go:\d+:\d+/);
    expect(snapshot(root)).toEqual(broken);
  });

  it('refuses to overwrite a file of the user\'s that the add would write, with a diff and a --force hint', async () => {
    const root = await createService();
    // The team's own file where the add writes the PostgreSQL configuration section.
    fs.writeFileSync(path.join(root, 'internal/platform/config/postgres.go'), 'package config\n\n// Postgres is configured by the platform team.\ntype Postgres struct{ URL string }\n');
    const before = snapshot(root);
    const conflicted = await svc(root, 'add', 'adapter', 'postgres', '--no-install');
    expect(conflicted.exitCode).toBe(1);
    expect(conflicted.stdout + conflicted.stderr).toContain('internal/platform/config/postgres.go');
    expect(conflicted.stdout + conflicted.stderr).toContain('--force');
    expect(snapshot(root)).toEqual(before);
  });

  it('an adapter that is there (its package, its Open called) is nothing to do, whatever the user changed in its package', async () => {
    const root = await createService(['--datastore', 'postgres']);
    const file = path.join(root, 'internal/adapter/postgres/postgres.go');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('poolCfg.MaxConns = cfg.MaxConns', 'poolCfg.MaxConns = cfg.MaxConns * 2'));
    fs.rmSync(path.join(root, 'internal/adapter/postgres/postgrestest'), { recursive: true });
    const before = snapshot(root);
    const again = await svc(root, 'add', 'adapter', 'postgres', '--no-install');
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing to do: add adapter postgres is already in place');
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    ['an unknown adapter kind', ['add', 'adapter', 'mongodb'], /unknown adapter kind "mongodb"/],
    ['--for a port that does not exist', ['add', 'adapter', 'postgres', '--for', 'PaymentGateway'], /there is no port "PaymentGateway"/],
    ['--for a port it cannot implement honestly', ['add', 'adapter', 'redis', '--for', 'Clock'], /only for the sample OrderRepository/],
  ])('exits 2 and writes nothing for %s', async (_label, args, message) => {
    const root = await createService();
    const before = snapshot(root);
    const result = await svc(root, ...args);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });

  it('exits 2 outside a service', async () => {
    const cwd = makeTempDir();
    const result = await runCli('svc', ['add', 'adapter', 'postgres'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('no svc.json found');
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});
