import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { createService, svc } from '../helpers/orders-service.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

/**
 * `svc add adapter mysql` on a generated Go service, held to the bar of `add adapter postgres`,
 * with the integration tests run against the real MariaDB of this machine (127.0.0.1:3306, root,
 * no password; each test in a database of its own) and proven to have run (PASS lines, no SKIP);
 * and the rule of one SQL store per service, on both paths.
 */
const INTEGRATION_ENV = {
  MYSQL_TEST_URL: 'mysql://root@127.0.0.1:3306/',
  REDIS_TEST_ADDR: '127.0.0.1:6379',
  REQUIRE_INTEGRATION: '1',
};

/** Tests that need a server; each must appear as `--- PASS` in `go test -v`. */
const INTEGRATION_TESTS = [
  'TestOrderRepository',
  'TestOrderRepositoryReadsBackANewOrderExactly',
  'TestOrderRepositoryKeepsLineOrder',
  'TestOrderRepositoryHonoursCancellation',
  'TestOrderRepositoryConcurrentUse',
  'TestOrderRepositoryStoresEveryTextTheDomainAccepts',
  'TestOrderAndIdempotencyKeyCommitTogether',
  'TestIdempotencyStoreReplaysAndRefusesReuse',
  'TestIdempotencyStoreRefusesAKeyInFlight',
  'TestIdempotencyStoreRunsAgainAfterTheTTL',
  'TestMigrateIsIdempotent',
  'TestMigrateFromReplicasAtOnce',
  'TestPingAnswersWhileEveryPooledConnectionIsBusy',
  'TestTheDatabaseGoneIsUnavailable',
  'TestMigrateAppliesTheMigrations',
  'TestOrderCacheReadsThroughAndCaches',
  'TestEndToEnd',
];

async function goEnv(cwd: string, args: readonly string[], env: Record<string, string>) {
  return execa('go', args, {
    cwd,
    reject: false,
    all: true,
    timeout: 900_000,
    env: { GOFLAGS: '-mod=mod', CGO_ENABLED: '1', CI: '', REQUIRE_INTEGRATION: '', MYSQL_TEST_URL: '', REDIS_TEST_ADDR: '', ...env },
  });
}

describe('svc add adapter mysql, then redis, on the default service', () => {
  let root: string;
  let userPorts: string;

  beforeAll(async () => {
    root = await createService();
    // A line of the user's in the file the add edits.
    const portsFile = path.join(root, 'internal/bootstrap/ports.go');
    userPorts = fs.readFileSync(portsFile, 'utf8').replace('\treturn app.Ports{', '\t// Die Uhr läuft in UTC – immer.\n\tclock := system.Clock{}\n\t_ = clock\n\n\treturn app.Ports{');
    fs.writeFileSync(portsFile, userPorts);
    for (const kind of ['mysql', 'redis']) {
      const added = await svc(root, 'add', 'adapter', kind, '--no-install');
      expect(added.exitCode, added.stdout + added.stderr).toBe(0);
    }
  });

  it('wires the repository behind the cache, keeps the user lines, and records mysql', () => {
    const ports = fs.readFileSync(path.join(root, 'internal/bootstrap/ports.go'), 'utf8');
    expect(ports).toContain('Orders: redis.NewOrderCache(mysql.NewOrderRepository(db), rdb, log),');
    expect(ports).toContain('\t_ = clock\n\n\tdb, err := mysql.Open(ctx, cfg.MySQL)\n');
    expect(ports).toContain('\tdeps.checks.Register("mysql", db.Ping)\n\tdeps.closers = append(deps.closers, closer{"mysql", db.Close})\n');
    expect(ports).toContain('\tdeps.idempotency = mysql.NewIdempotencyStore(db, cfg.Idempotency.KeyTTL)\n');
    expect(ports).toContain('\t// Die Uhr läuft in UTC – immer.\n');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'svc.json'), 'utf8'));
    expect(manifest.choices.datastore).toEqual(['mysql', 'redis']);
    expect(fs.readFileSync(path.join(root, 'compose.yaml'), 'utf8')).toContain('  mysql:\n    image: mariadb:11.4\n');
    expect(fs.readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8')).toContain('MYSQL_TEST_URL: mysql://root@127.0.0.1:3306/');
    expect(fs.readFileSync(path.join(root, 'deploy/k8s/deployment.yaml'), 'utf8')).toContain('name: orders-mysql');
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
    const required = await goEnv(root, ['test', '-count=1', '-run', '^TestOrderRepository$', '-v', './internal/adapter/mysql/'], { CI: 'true' });
    expect(required.exitCode).not.toBe(0);
    expect(String(required.all)).toContain('MYSQL_TEST_URL is not set, but CI is');
  });

  it('a second add changes nothing and says so', async () => {
    const before = snapshot(root);
    const again = await svc(root, 'add', 'adapter', 'mysql', '--no-install');
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing to do: add adapter mysql is already in place');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses postgres beside it (exit 2, saying why), changing no byte', async () => {
    const before = snapshot(root);
    const refused = await svc(root, 'add', 'adapter', 'postgres', '--no-install');
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('mysql and postgres cannot both be the datastore of one service');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('svc add adapter mysql: properties', () => {
  it('--dry-run prints the changes with diffs and writes nothing', async () => {
    const root = await createService();
    const before = snapshot(root);
    const dry = await svc(root, 'add', 'adapter', 'mysql', '--dry-run');
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/CREATE internal\/adapter\/mysql\/mysql\.go/);
    expect(dry.stdout).toContain('-\t\tOrders: memory.NewOrderRepository(),\n+\t\tOrders: mysql.NewOrderRepository(db),\n');
    expect(snapshot(root)).toEqual(before);
  });

  it('on a PostgreSQL service exits 2, saying why, and changes no byte', async () => {
    const root = await createService(['--datastore', 'postgres,redis']);
    const before = snapshot(root);
    const refused = await svc(root, 'add', 'adapter', 'mysql', '--no-install');
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('postgres and mysql cannot both be the datastore of one service');
    expect(refused.stderr).toContain('redis combines with either as the cache in front');
    expect(snapshot(root)).toEqual(before);
  });

  it('create --datastore postgres,mysql exits 2, saying why, and writes nothing', async () => {
    const cwd = makeTempDir();
    const refused = await runCli('create-service', ['orders', '--yes', '--no-git', '--no-install', '--datastore', 'postgres,mysql'], { cwd });
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain('postgres and mysql cannot both be the datastore of one service');
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('without the sample: the connection, migrations and idempotency store only, and it builds, vets and lints', async () => {
    const root = await createService(['--no-example', '--logger', 'zap', '--metrics', 'none', '--tracing', 'none', '--deploy', 'none', '--datastore', 'mysql']);
    expect(fs.existsSync(path.join(root, 'internal/adapter/mysql/order_repository.go'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'internal/adapter/mysql/idempotency_store.go'))).toBe(true);
    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['mod', 'tidy']);
    await goTool(root, 'go', ['vet', './...']);
    // Nothing the sample's repository alone needs is left unused.
    await goTool(root, 'golangci-lint', ['run', './...']);
    const tested = await goEnv(root, ['test', '-count=1', '-v', './internal/adapter/mysql/...', './cmd/...'], INTEGRATION_ENV);
    expect(tested.exitCode, String(tested.all).slice(-4000)).toBe(0);
    expect(String(tested.all)).toMatch(/^\s*--- PASS: TestIdempotencyStoreReplaysAndRefusesReuse \(/m);
    expect(String(tested.all)).not.toMatch(/--- SKIP/);
  });
});
