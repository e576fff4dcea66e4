import { describe, expect, it } from 'vitest';
import { UNSUPPORTED_CHOICES } from '../../../src/choices/catalog.js';
import { addTsAdapterOperation } from '../../../src/targets/ts/add/add-adapter.js';
import { keepsLinesInOrder, read, runAdd, snapshot, write } from '../svc/fixture.js';
import { makeTsService } from './fixture.js';

const adapter = (kind: string, options: { for?: string } = {}) => addTsAdapterOperation(kind, { ...options, install: false });

/** The files of a service, without svc.json (its history differs between paths by design). */
function files(root: string): Record<string, string> {
  const { 'svc.json': _manifest, ...rest } = snapshot(root);
  return rest;
}

describe('svc add adapter (TypeScript)', () => {
  it.each([
    ['the sample, every deploy file', { deploy: ['docker', 'compose', 'k8s', 'github-actions'] as const }],
    ['no sample, no metrics, no tracing, no deploy files', { example: false, metrics: 'none' as const, tracing: 'none' as const, deploy: ['none'] as const }],
  ])('create --datastore postgres,redis ≡ create + add postgres + add redis (%s)', async (_label, options) => {
    const direct = await makeTsService({ ...options, deploy: [...options.deploy], datastore: ['postgres', 'redis'] });
    const grown = await makeTsService({ ...options, deploy: [...options.deploy] });
    for (const kind of ['postgres', 'redis']) {
      const result = await runAdd(grown, adapter(kind));
      expect(result.code, result.all).toBe(0);
    }
    expect(files(grown)).toEqual(files(direct));
    const manifest = JSON.parse(read(grown, 'svc.json')) as { choices: { datastore: string[] }; history: string[] };
    expect(manifest.choices.datastore).toEqual(['postgres', 'redis']);
    expect(manifest.history).toEqual(['create', 'add adapter postgres', 'add adapter redis']);
  });

  it.each([
    ['the sample, every deploy file', { deploy: ['docker', 'compose', 'k8s', 'github-actions'] as const }],
    ['no sample, no metrics, no tracing, no deploy files', { example: false, metrics: 'none' as const, tracing: 'none' as const, deploy: ['none'] as const }],
  ])('create --datastore mysql,redis ≡ create + add mysql + add redis (%s)', async (_label, options) => {
    const direct = await makeTsService({ ...options, deploy: [...options.deploy], datastore: ['mysql', 'redis'] });
    const grown = await makeTsService({ ...options, deploy: [...options.deploy] });
    for (const kind of ['mysql', 'redis']) {
      const result = await runAdd(grown, adapter(kind));
      expect(result.code, result.all).toBe(0);
    }
    expect(files(grown)).toEqual(files(direct));
    const manifest = JSON.parse(read(grown, 'svc.json')) as { choices: { datastore: string[] }; history: string[] };
    expect(manifest.choices.datastore).toEqual(['mysql', 'redis']);
    expect(manifest.history).toEqual(['create', 'add adapter mysql', 'add adapter redis']);
  });

  it.each([
    ['the sample, every deploy file', { deploy: ['docker', 'compose', 'k8s', 'github-actions'] as const }],
    ['no sample, no metrics, no tracing, no deploy files', { example: false, metrics: 'none' as const, tracing: 'none' as const, deploy: ['none'] as const }],
  ])('create --datastore sqlite,redis ≡ create + add sqlite + add redis (%s)', async (_label, options) => {
    const direct = await makeTsService({ ...options, deploy: [...options.deploy], datastore: ['sqlite', 'redis'] });
    const grown = await makeTsService({ ...options, deploy: [...options.deploy] });
    for (const kind of ['sqlite', 'redis']) {
      const result = await runAdd(grown, adapter(kind));
      expect(result.code, result.all).toBe(0);
    }
    expect(files(grown)).toEqual(files(direct));
    const manifest = JSON.parse(read(grown, 'svc.json')) as { choices: { datastore: string[] }; history: string[] };
    expect(manifest.choices.datastore).toEqual(['sqlite', 'redis']);
    expect(manifest.history).toEqual(['create', 'add adapter sqlite', 'add adapter redis']);
  });

  it('puts SQLite behind the sample port, builds its driver in the image, runs one replica on a volume; a second add changes no byte', async () => {
    const root = await makeTsService({ deploy: ['docker', 'compose', 'k8s'] });
    expect((await runAdd(root, adapter('redis'))).code).toBe(0);
    expect((await runAdd(root, adapter('sqlite'))).code).toBe(0);
    const ports = read(root, 'src/bootstrap/ports.ts');
    expect(ports).toContain('orders: new CachedOrderRepository(new SqliteOrderRepository(sqlite), redis, deps.logger),');
    expect(ports).toContain('deps.idempotency = new SqliteIdempotencyStore(sqlite, config.idempotency.keyTtlMs);');
    expect(ports).not.toContain('MemoryOrderRepository');
    const pkg = JSON.parse(read(root, 'package.json')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(pkg.dependencies['better-sqlite3']).toBe('12.11.1');
    expect(pkg.scripts.migrate).toBe('node --enable-source-maps dist/migrate.js');
    expect(read(root, 'test/environment.ts')).toContain('SQLITE_PATH: testDatabasePath(),');
    const dockerfile = read(root, 'Dockerfile');
    expect(dockerfile).toContain('FROM node:20-bookworm AS deps');
    expect(dockerfile).toContain('    npm rebuild better-sqlite3\n');
    expect(read(root, 'deploy/k8s/deployment.yaml')).toContain('claimName: orders-data');
    expect(read(root, 'deploy/k8s/kustomization.yaml')).not.toContain('- hpa.yaml');
    expect(read(root, 'compose.yaml')).toContain('SQLITE_PATH: /home/nonroot/orders.db');
    const before = snapshot(root);
    const again = await runAdd(root, adapter('sqlite'));
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses sqlite beside another SQL store and either of them beside sqlite (exit 2, saying why), writing nothing', async () => {
    for (const [has, adds] of [['postgres', 'sqlite'], ['mysql', 'sqlite'], ['sqlite', 'postgres']] as const) {
      const root = await makeTsService({ datastore: [has] });
      const before = snapshot(root);
      const result = await runAdd(root, adapter(adds));
      expect(result.code, result.all).toBe(2);
      expect(result.all).toContain(`${has} and ${adds} cannot both be the datastore of one service`);
      expect(snapshot(root)).toEqual(before);
    }
  });

  it('sqlite keeps every line the user wrote in the files it edits', async () => {
    const root = await makeTsService();
    const ports = read(root, 'src/bootstrap/ports.ts').replace(
      '  return {\n',
      "  // Ours: the clock is frozen in staging.\n  deps.logger.info('building ports');\n  return {\n",
    );
    write(root, 'src/bootstrap/ports.ts', `${ports}\n/** A helper of ours. */\nexport const portsBuilt = true;\n`);
    const readme = `${read(root, 'README.md')}\n## Ours\n\nRunbook notes — ünïcode too.\n`;
    write(root, 'README.md', readme);
    const result = await runAdd(root, adapter('sqlite'));
    expect(result.code, result.all).toBe(0);
    const expected = ports
      .replace("import { MemoryOrderRepository } from '../adapter/memory/order-repository.js';\n", '')
      .replace('createPorts(_config: Config, _deps: Dependencies)', 'createPorts(config: Config, deps: Dependencies)')
      .replace('    orders: new MemoryOrderRepository(),\n', '    orders: new SqliteOrderRepository(sqlite),\n');
    expect(keepsLinesInOrder(expected, read(root, 'src/bootstrap/ports.ts'))).toBeNull();
    expect(keepsLinesInOrder(readme, read(root, 'README.md'))).toBeNull();
  });

  it('sqlite on an edited Dockerfile: exit 1 with the lines to add by hand, nothing written', async () => {
    const root = await makeTsService({ deploy: ['docker'] });
    write(root, 'Dockerfile', `${read(root, 'Dockerfile')}# Ours.\n`);
    const before = snapshot(root);
    const result = await runAdd(root, adapter('sqlite'));
    expect(result.code, result.all).toBe(1);
    expect(result.all).toContain('Dockerfile: it is not the Dockerfile create-service wrote');
    expect(result.all).toContain('npm rebuild better-sqlite3');
    expect(snapshot(root)).toEqual(before);
  });

  it('sqlite --dry-run prints diffs and writes nothing', async () => {
    const root = await makeTsService();
    const before = snapshot(root);
    const result = await runAdd(root, adapter('sqlite'), { dryRun: true });
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('CREATE src/adapter/sqlite/database.ts');
    expect(result.stdout).toContain('+    orders: new SqliteOrderRepository(sqlite),');
    expect(snapshot(root)).toEqual(before);
  });

  it('puts MySQL behind the sample port and the Redis cache in front of it; a second add changes no byte', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, adapter('redis'))).code).toBe(0);
    expect((await runAdd(root, adapter('mysql'))).code).toBe(0);
    const ports = read(root, 'src/bootstrap/ports.ts');
    expect(ports).toContain('orders: new CachedOrderRepository(new MysqlOrderRepository(mysqlPool, config.mysql.queryTimeoutMs), redis, deps.logger),');
    expect(ports).toContain('deps.idempotency = new MysqlIdempotencyStore(mysqlPool, config.idempotency.keyTtlMs);');
    expect(ports).not.toContain('MemoryOrderRepository');
    const pkg = JSON.parse(read(root, 'package.json')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.mysql2).toBe('3.24.5');
    expect(read(root, 'test/environment.ts')).toContain("const mysqlUrl = integrationTarget('MYSQL_TEST_URL');");
    const before = snapshot(root);
    const again = await runAdd(root, adapter('mysql'));
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses mysql on a PostgreSQL service and postgres on a MySQL one (exit 2, saying why), writing nothing', async () => {
    for (const [has, adds] of [['postgres', 'mysql'], ['mysql', 'postgres']] as const) {
      const root = await makeTsService({ datastore: [has] });
      const before = snapshot(root);
      const result = await runAdd(root, adapter(adds));
      expect(result.code, result.all).toBe(2);
      expect(result.all).toContain(`${has} and ${adds} cannot both be the datastore of one service`);
      expect(snapshot(root)).toEqual(before);
    }
  });

  it('mysql keeps every line the user wrote in the files it edits', async () => {
    const root = await makeTsService();
    const ports = read(root, 'src/bootstrap/ports.ts').replace(
      '  return {\n',
      "  // Ours: the clock is frozen in staging.\n  deps.logger.info('building ports');\n  return {\n",
    );
    write(root, 'src/bootstrap/ports.ts', `${ports}\n/** A helper of ours. */\nexport const portsBuilt = true;\n`);
    const config = `${read(root, 'src/platform/config.ts')}\n// Ours: keep in sync with the runbook — ünïcode too.\n`;
    write(root, 'src/platform/config.ts', config);
    const result = await runAdd(root, adapter('mysql'));
    expect(result.code, result.all).toBe(0);
    const expected = ports
      .replace("import { MemoryOrderRepository } from '../adapter/memory/order-repository.js';\n", '')
      .replace('createPorts(_config: Config, _deps: Dependencies)', 'createPorts(config: Config, deps: Dependencies)')
      .replace('    orders: new MemoryOrderRepository(),\n', '    orders: new MysqlOrderRepository(mysqlPool, config.mysql.queryTimeoutMs),\n');
    expect(keepsLinesInOrder(expected, read(root, 'src/bootstrap/ports.ts'))).toBeNull();
    expect(keepsLinesInOrder(config, read(root, 'src/platform/config.ts'))).toBeNull();
  });

  it('mysql --dry-run prints diffs and writes nothing', async () => {
    const root = await makeTsService();
    const before = snapshot(root);
    const result = await runAdd(root, adapter('mysql'), { dryRun: true });
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('CREATE src/adapter/mysql/pool.ts');
    expect(result.stdout).toContain('+    orders: new MysqlOrderRepository(mysqlPool, config.mysql.queryTimeoutMs),');
    expect(snapshot(root)).toEqual(before);
  });

  it('puts PostgreSQL behind the sample port and the Redis cache in front of it, in either order', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, adapter('redis'))).code).toBe(0);
    expect(read(root, 'src/bootstrap/ports.ts')).toContain('orders: new CachedOrderRepository(new MemoryOrderRepository(), redis, deps.logger),');
    expect((await runAdd(root, adapter('postgres'))).code).toBe(0);
    const ports = read(root, 'src/bootstrap/ports.ts');
    expect(ports).toContain('orders: new CachedOrderRepository(new PostgresOrderRepository(pool), redis, deps.logger),');
    expect(ports).not.toContain('MemoryOrderRepository');
    expect(ports).toContain('export function createPorts(config: Config, deps: Dependencies): Ports {');
    const pkg = JSON.parse(read(root, 'package.json')) as { dependencies: Record<string, string>; scripts: Record<string, string> };
    expect(Object.keys(pkg.dependencies)).toEqual([...Object.keys(pkg.dependencies)].sort());
    expect(pkg.dependencies).toHaveProperty('pg');
    expect(pkg.dependencies).toHaveProperty('ioredis');
    expect(Object.keys(pkg.scripts).slice(2, 4)).toEqual(['dev', 'migrate']);
  });

  it('without the sample adds the connection, config, readiness and CI container only', async () => {
    const root = await makeTsService({ example: false, deploy: ['github-actions'] });
    const result = await runAdd(root, adapter('postgres'));
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).not.toContain('order-repository');
    const ports = read(root, 'src/bootstrap/ports.ts');
    expect(ports).toContain('const pool = createPool(config.postgres);');
    expect(ports).toContain('  return {};\n}');
    expect(read(root, 'src/platform/config.ts')).toContain("POSTGRES_URL: z.url({ protocol: /^postgres(ql)?$/ }),");
    expect(read(root, 'test/environment.ts')).toContain("const postgresUrl = integrationTarget('POSTGRES_TEST_URL');");
    const workflow = read(root, '.github/workflows/ci.yml');
    expect(workflow).toContain('    services:\n      postgres:\n        image: postgres:17\n');
    expect(workflow).toContain('    env:\n      POSTGRES_TEST_URL: postgres://postgres:postgres@localhost:5432/test?sslmode=disable\n    steps:\n');
  });

  it('is idempotent: a second add has nothing to do and changes no byte', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, adapter('postgres'))).code).toBe(0);
    const before = snapshot(root);
    const again = await runAdd(root, adapter('postgres'));
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('keeps every line the user wrote in the files it edits', async () => {
    const root = await makeTsService();
    const ports = read(root, 'src/bootstrap/ports.ts').replace(
      '  return {\n',
      "  // Ours: the clock is frozen in staging.\n  deps.logger.info('building ports');\n  return {\n",
    );
    write(root, 'src/bootstrap/ports.ts', `${ports}\n/** A helper of ours. */\nexport const portsBuilt = true;\n`);
    const config = `${read(root, 'src/platform/config.ts')}\n// Ours: keep in sync with the runbook — ünïcode too.\n`;
    write(root, 'src/platform/config.ts', config);
    const result = await runAdd(root, adapter('postgres'));
    expect(result.code, result.all).toBe(0);
    // The sample's memory import goes (PostgreSQL serves orders now) and the parameters are used; every other line stays, in order.
    const expected = ports
      .replace("import { MemoryOrderRepository } from '../adapter/memory/order-repository.js';\n", '')
      .replace('createPorts(_config: Config, _deps: Dependencies)', 'createPorts(config: Config, deps: Dependencies)')
      .replace('    orders: new MemoryOrderRepository(),\n', '    orders: new PostgresOrderRepository(pool),\n');
    expect(keepsLinesInOrder(expected, read(root, 'src/bootstrap/ports.ts'))).toBeNull();
    expect(read(root, 'src/bootstrap/ports.ts')).toContain("  // Ours: the clock is frozen in staging.\n  deps.logger.info('building ports');\n");
    expect(keepsLinesInOrder(config, read(root, 'src/platform/config.ts'))).toBeNull();
  });

  it('--dry-run prints diffs and writes nothing', async () => {
    const root = await makeTsService();
    const before = snapshot(root);
    const result = await runAdd(root, adapter('redis'), { dryRun: true });
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('UPDATE src/bootstrap/ports.ts');
    expect(result.stdout).toContain('+    orders: new CachedOrderRepository(new MemoryOrderRepository(), redis, deps.logger),');
    expect(snapshot(root)).toEqual(before);
  });

  it('a generated file the user changed is not overwritten without --force', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, adapter('postgres'))).code).toBe(0);
    write(root, 'test/integration.ts', `${read(root, 'test/integration.ts')}// ours\n`);
    const before = snapshot(root);
    const result = await runAdd(root, adapter('redis'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('test/integration.ts');
    expect(snapshot(root)).toEqual(before);
  });

  it('a composition root without createPorts: exit 1 with the lines to add, nothing written', async () => {
    const root = await makeTsService();
    write(root, 'src/bootstrap/ports.ts', read(root, 'src/bootstrap/ports.ts').replace('export function createPorts(', 'export function buildPorts('));
    const before = snapshot(root);
    const result = await runAdd(root, adapter('postgres'));
    expect(result.code).toBe(1);
    expect(result.all).toContain('createPorts');
    expect(result.all).toContain('const pool = createPool(config.postgres);');
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    ['mongodb', {}, /unknown adapter kind "mongodb"/],
    ['postgres', { for: 'PaymentGateway' }, /there is no port "PaymentGateway"/],
    ['memory', { for: 'Clock' }, /Clock has no memory adapter/],
    ['redis', { for: 'Clock' }, /only for the sample OrderRepository/],
  ])('bad input %s %j: exit 2, nothing written', async (kind, options, message) => {
    const root = await makeTsService();
    const before = snapshot(root);
    const result = await runAdd(root, adapter(kind, options));
    expect(result.code).toBe(2);
    expect(result.all).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a datastore the catalog does not offer TypeScript (exit 2, with the catalog\'s reason), writing nothing', async () => {
    const root = await makeTsService();
    const before = snapshot(root);
    const original = UNSUPPORTED_CHOICES.ts;
    UNSUPPORTED_CHOICES.ts = [...original, { flag: 'datastore', values: ['sqlite'], why: 'not built for this test' }];
    try {
      const result = await runAdd(root, adapter('sqlite'));
      expect(result.code).toBe(2);
      expect(result.all).toContain('svc add adapter sqlite is not available in a TypeScript service: not built for this test');
    } finally {
      UNSUPPORTED_CHOICES.ts = original;
    }
    expect(snapshot(root)).toEqual(before);
  });

  it('uses the names the code gives createPorts\' parameters, zod\'s z and the parsed variables', async () => {
    const root = await makeTsService();
    write(root, 'src/bootstrap/ports.ts', read(root, 'src/bootstrap/ports.ts').replace('createPorts(_config: Config, _deps: Dependencies)', 'createPorts(_conf: Config, d: Dependencies)'));
    write(
      root,
      'src/platform/config.ts',
      read(root, 'src/platform/config.ts').replace("import { z } from 'zod';", "import { z as zod } from 'zod';").replaceAll('z.', 'zod.').replace('const vars = parsed.data;', 'const v = parsed.data;').replaceAll('vars.', 'v.'),
    );
    for (const kind of ['postgres', 'redis']) expect((await runAdd(root, adapter(kind))).code).toBe(0);
    const ports = read(root, 'src/bootstrap/ports.ts');
    expect(ports).toContain('export function createPorts(conf: Config, d: Dependencies): Ports {\n  const pool = createPool(conf.postgres);\n  const postgresReadiness = new PostgresReadiness(conf.postgres);\n  d.health.add(');
    expect(ports).toContain('if (conf.postgres.migrateOnStart) await migrate(pool, d.logger);');
    expect(ports).toContain('orders: new CachedOrderRepository(new PostgresOrderRepository(pool), redis, d.logger),');
    expect(ports).not.toMatch(/\bdeps\b|[^/]config\./);
    const config = read(root, 'src/platform/config.ts');
    expect(config).toContain("  POSTGRES_URL: zod.url({ protocol: /^postgres(ql)?$/ }),");
    expect(config).toContain('      url: v.POSTGRES_URL,');
    expect(config).toContain('      keyPrefix: v.REDIS_KEY_PREFIX,');
    expect(config).not.toMatch(/\bvars\b|\bz\./);
  });

  it.each([
    ['a createPorts without a Dependencies parameter', 'src/bootstrap/ports.ts', (text: string) => text.replace(', _deps: Dependencies', ''), 1, 'createPorts has no plain parameter of type Dependencies'],
    ['a loadConfig without `const … = parsed.data`', 'src/platform/config.ts', (text: string) => text.replace('const vars = parsed.data;', 'const { data: vars } = parsed;'), 1, 'loadConfig no longer holds the parsed variables'],
    ['a config.ts without the duration helper', 'src/platform/config.ts', (text: string) => text.replace('const duration =', 'const durationMs =').replaceAll('duration.prefault', 'durationMs.prefault'), 1, 'it no longer declares duration'],
    ['a pool of the user\'s in createPorts', 'src/bootstrap/ports.ts', (text: string) => text.replace('  return {\n    orders:', '  const pool = [];\n  void pool;\n  return {\n    orders:'), 2, 'createPorts (src/bootstrap/ports.ts) already binds pool'],
  ] as const)('%s: exit %i, nothing written', async (_label, file, edit, code, message) => {
    const root = await makeTsService();
    write(root, file, edit(read(root, file)));
    const before = snapshot(root);
    const result = await runAdd(root, adapter('postgres'));
    expect(result.code, result.all).toBe(code);
    expect(result.all).toContain(message);
    expect(snapshot(root)).toEqual(before);
  });

  it('a datastore wired already is a fact of createPorts (it calls createPool), not of its text: reworded, nothing to do', async () => {
    const root = await makeTsService({ datastore: ['postgres'] });
    const ports = 'src/bootstrap/ports.ts';
    write(root, ports, read(root, ports).replace('createPorts(config: Config', 'createPorts(settings: Config').replaceAll('config.postgres', 'settings.postgres').replace("deps.health.add('postgres',", "deps.health.add('database',"));
    const before = snapshot(root);
    const result = await runAdd(root, adapter('postgres'));
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('ports built in a variable: the wiring goes above it, the cache and the new ports into it', async () => {
    const root = await makeTsService();
    const ports = 'src/bootstrap/ports.ts';
    write(root, ports, read(root, ports).replace('  return {\n    orders: new MemoryOrderRepository(),', '  const ports: Ports = {\n    orders: new MemoryOrderRepository(),').replace('    clock: systemClock,\n  };\n}', '    clock: systemClock,\n  };\n  return ports;\n}'));
    for (const kind of ['postgres', 'redis']) expect((await runAdd(root, adapter(kind))).code).toBe(0);
    const text = read(root, ports);
    expect(text).toContain("  deps.closers.push({\n    name: 'redis',\n    async close() {\n      await redis.close();\n    },\n  });\n  const ports: Ports = {\n    orders: new CachedOrderRepository(new PostgresOrderRepository(pool), redis, deps.logger),");
    expect(text).toContain('  };\n  return ports;\n}');
  });

  it('memory for the sample port is already in place: nothing to do', async () => {
    const root = await makeTsService();
    const result = await runAdd(root, adapter('memory', { for: 'OrderRepository' }));
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('nothing to do');
  });
});
