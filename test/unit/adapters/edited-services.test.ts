import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailureError } from '../../../src/errors.js';
import { addAdapterOperation } from '../../../src/targets/go/add/add-adapter.js';
import { AnchorNotFoundError } from '../../../src/targets/go/edit/errors.js';
import { loadGoParser, type GoParser } from '../../../src/targets/go/edit/parser.js';
import { firstSyntaxError } from '../../../src/targets/go/edit/document.js';
import { snapshot } from '../../helpers/temp-dir.js';
import { gofmtList } from '../go-edit/helpers.js';
import { runAdd, type Captured } from '../svc/fixture.js';
import { CONFIG, handEdits, PORTS, readFile, replaceIn, RUN, tidyWiring, writeFile, type HandEditName } from './edited-fixtures.js';
import { freshService, removeServices } from './service.js';

type Store = 'postgres' | 'sqlite' | 'redis';

const SECTIONS: Record<Store, string> = { postgres: 'Postgres', sqlite: 'SQLite', redis: 'Redis' };

let parser: GoParser;
beforeAll(async () => {
  parser = await loadGoParser();
});
// Removing some sixty copied services outlasts the default 10 s hook timeout on a loaded machine.
afterAll(removeServices, 60_000);

/** The names the wiring is written with; each test overrides what its hand edit renamed. */
interface Names {
  ctx: string;
  cfg: string;
  log: string;
  deps: string;
  app: string;
  pkg: string;
  v: string;
}

const defaults = (store: Store): Names => ({ ctx: 'ctx', cfg: 'cfg', log: 'log', deps: 'deps', app: 'app', pkg: store, v: store === 'redis' ? 'rdb' : 'db' });

/** The block of statements the add writes into the composition root, as gofmt lays it out. */
function wiringBlock(store: Store, n: Names): string {
  const lines =
    store !== 'redis'
      ? [
          `${n.v}, err := ${n.pkg}.Open(${n.ctx}, ${n.cfg}.${SECTIONS[store]})`,
          'if err != nil {',
          `\treturn ${n.app}.Ports{}, fmt.Errorf("${store}: %w", err)`,
          '}',
          `${n.deps}.checks.Register("${store}", ${n.v}.Ping)`,
          `${n.deps}.closers = append(${n.deps}.closers, closer{"${store}", ${n.v}.Close})`,
          `if ${n.cfg}.${SECTIONS[store]}.MigrateOnStart {`,
          `\tif err := ${n.v}.Migrate(${n.ctx}, ${n.log}); err != nil {`,
          `\t\treturn ${n.app}.Ports{}, err`,
          '\t}',
          '}',
          `${n.deps}.idempotency = ${n.pkg}.NewIdempotencyStore(${n.v}, ${n.cfg}.Idempotency.KeyTTL)`,
        ]
      : [
          `${n.v} := ${n.pkg}.Open(${n.ctx}, ${n.cfg}.Redis, ${n.log})`,
          `${n.deps}.checks.RegisterOptional("redis", ${n.v}.Ping)`,
          `${n.deps}.closers = append(${n.deps}.closers, closer{"redis", ${n.v}.Close})`,
          `${n.deps}.metrics.MustRegister(${n.v}.Collector())`,
        ];
  return lines.map((line) => `\t${line}\n`).join('');
}

function ordersLine(store: Store, n: Names, source = 'memory.NewOrderRepository()'): string {
  return store !== 'redis' ? `\t\tOrders: ${n.pkg}.NewOrderRepository(${n.v}),\n` : `\t\tOrders: ${n.pkg}.NewOrderCache(${source}, ${n.v}, ${n.log}),\n`;
}

async function add(root: string, store: Store): Promise<Captured> {
  return runAdd(root, addAdapterOperation(store, { install: false }));
}

/** Every Go file the add created or changed parses without an error node and is gofmt-clean. */
function expectCleanGo(before: Record<string, string>, after: Record<string, string>): void {
  const changed = Object.keys(after).filter((file) => file.endsWith('.go') && after[file] !== before[file]);
  expect(changed.length).toBeGreaterThan(0);
  for (const file of changed) {
    const tree = parser.parse(Buffer.from(after[file] ?? '', 'latin1').toString('utf8'));
    try {
      expect(firstSyntaxError(tree.rootNode), file).toBeNull();
    } finally {
      tree.delete();
    }
  }
  expect(gofmtList(changed.map((file) => Buffer.from(after[file] ?? '', 'latin1').toString('utf8')))).toEqual([]);
}

/** Generates the service, applies the hand edits, adds `stores` in order (each must exit 0), checks the Go it wrote. */
async function edited(edits: readonly HandEditName[], ...stores: Store[]): Promise<string> {
  const root = await freshService();
  for (const edit of edits) handEdits[edit](root);
  for (const store of stores) {
    const before = snapshot(root);
    const result = await add(root, store);
    expect(result.code, result.all).toBe(0);
    expectCleanGo(before, snapshot(root));
  }
  return root;
}

/** `block` is in `text`, before `anchor`. */
function expectBefore(text: string, block: string, anchor: string): void {
  expect(text).toContain(block);
  expect(text.indexOf(block)).toBeLessThan(text.indexOf(anchor));
}

/** The add exits 1, changes no byte, and prints lines to add by hand that contain every `expected` text. */
async function expectRefused(root: string, store: Store, ...expected: string[]): Promise<Captured> {
  const before = snapshot(root);
  const result = await add(root, store);
  expect(result.code, result.all).toBe(1);
  for (const text of expected) expect(result.all).toContain(text);
  expect(snapshot(root)).toEqual(before);
  return result;
}

describe.each(['postgres', 'sqlite', 'redis'] as const)('svc add adapter %s on a hand-edited service', (store) => {
  const n = defaults(store);
  const section = SECTIONS[store];

  it('uses the renamed parameters of newPorts', async () => {
    const root = await edited(['renamedParams'], store);
    const names = { ...n, cfg: 'conf', log: 'logger', deps: 'd' };
    const ports = readFile(root, PORTS);
    expectBefore(ports, `${wiringBlock(store, names)}\n\treturn app.Ports{`, '\treturn app.Ports{');
    expect(ports).toContain(ordersLine(store, names));
    expect(ports).not.toMatch(/\bcfg\.|\bdeps\./);
  });

  it('wires the function that builds app.Ports whatever it is called', async () => {
    const root = await edited(['renamedFunction'], store);
    const ports = readFile(root, PORTS);
    expect(ports).toContain('func buildPorts(');
    expectBefore(ports, wiringBlock(store, n), '\treturn app.Ports{');
  });

  it('with `ports := app.Ports{…}; return ports, nil` the wiring goes above the literal that needs it', async () => {
    const root = await edited(['portsInAVariable'], store);
    const ports = readFile(root, PORTS);
    expect(ports).toContain(`${wiringBlock(store, n)}\n\tports := app.Ports{\n${ordersLine(store, n)}`);
    expect(ports).toContain('\t}\n\treturn ports, nil\n}');
  });

  it('finds the literal in another file of internal/bootstrap', async () => {
    const root = await edited(['literalInAnotherFile'], store);
    expect(snapshot(root)).not.toHaveProperty(PORTS);
    const adapters = readFile(root, 'internal/bootstrap/adapters.go');
    expectBefore(adapters, wiringBlock(store, n), '\treturn app.Ports{');
    expect(adapters).toContain(ordersLine(store, n));
  });

  it('writes the packages under the names the file imports them by', async () => {
    const root = await edited(['aliasedImports'], store);
    const ports = readFile(root, PORTS);
    expectBefore(ports, wiringBlock(store, { ...n, app: 'application' }), '\treturn application.Ports{');
    expect(ports).toContain('\tcfgpkg "example.com/orders/internal/platform/config"\n');
    expect(ports).toContain(ordersLine(store, n, 'mem.NewOrderRepository()'));
    // The sample's event publisher stays in memory under the user's alias, whatever the store.
    expect(ports).toContain('\tmem "example.com/orders/internal/adapter/memory"\n');
    expect(ports).toContain('mem.NewEventPublisher()');
  });

  it('with `var ports = app.Ports{…}` handed to a helper, the wiring goes above the declaration', async () => {
    const root = await edited(['portsThroughAHelper'], store);
    const ports = readFile(root, PORTS);
    expect(ports).toContain(`${wiringBlock(store, n)}\n\tvar ports = app.Ports{\n${ordersLine(store, n)}`);
    expect(ports).toContain('\treturn withDefaults(ports), nil\n');
  });

  it('declares a free variable when the user has one of that name in the function', async () => {
    const root = await edited(['userVariables'], store);
    const names = { ...n, v: store === 'redis' ? 'redisClient' : `${store}DB` };
    const ports = readFile(root, PORTS);
    expectBefore(ports, wiringBlock(store, names), '\treturn app.Ports{');
    expect(ports).toContain(ordersLine(store, names));
    expect(ports).toContain('\t\tClock:  db,\n\t\tIDs:    rdb,\n');
  });

  it("imports the adapter under a free alias when the file's own import has its name", async () => {
    const root = await edited(['userPackagesNamedLikeAdapters'], store);
    const names = { ...n, pkg: `${store}adapter` };
    const ports = readFile(root, PORTS);
    expect(ports).toContain(`\t${store}adapter "example.com/orders/internal/adapter/${store}"\n`);
    expect(ports).toContain(`\t"example.com/orders/internal/legacy/${store}"\n`);
    expectBefore(ports, wiringBlock(store, names), '\treturn app.Ports{');
    expect(ports).toContain(ordersLine(store, names));
  });

  it('after the user tidied the wiring and changed the adapter package, a re-run has nothing to do and records the add once', async () => {
    const root = await edited([], store);
    tidyWiring(root, PORTS, store, n.v);
    replaceIn(root, `internal/adapter/${store}/${store}.go`, `package ${store}\n`, `package ${store}\n\n// Tuned by the team.\n`);
    const before = snapshot(root);
    const again = await add(root, store);
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain(`nothing to do: add adapter ${store} is already in place`);
    expect(snapshot(root)).toEqual(before);
    const history = (JSON.parse(readFile(root, 'svc.json')) as { history: string[] }).history;
    expect(history.filter((entry) => entry === `add adapter ${store}`)).toHaveLength(1);
  });

  it('calls the section validate with the receiver and error slice of Config.validate', async () => {
    const root = await edited(['renamedValidate'], store);
    expect(readFile(root, CONFIG)).toContain(`\n\tif err := conf.${section}.validate(); err != nil {\n\t\tproblems = append(problems, err)\n\t}\n\n\treturn errors.Join(problems...)\n}`);
  });

  it('uses the parameters of run for the migrate subcommand', async () => {
    const root = await freshService();
    handEdits.renamedRunParams(root);
    const run = readFile(root, RUN);
    expect((await add(root, store)).code).toBe(0);
    if (store !== 'redis') {
      expect(readFile(root, RUN)).toContain('\tif len(argv) > 1 && argv[1] == "migrate" {\n\t\treturn migrate(c, argv[2:], env, out, errOut)\n\t}\n\n\treturn serve(c, argv, env, out, errOut)\n');
    } else {
      expect(readFile(root, RUN)).toBe(run);
    }
  });

  it('refuses, changing nothing, when newPorts has no parameter of a type it needs, with the lines in the names it has', async () => {
    const root = await freshService();
    handEdits.renamedParams(root);
    replaceIn(root, PORTS, ', d *dependencies)', ')');
    replaceIn(root, 'internal/bootstrap/bootstrap.go', 'newPorts(ctx, cfg, log, deps)', 'newPorts(ctx, cfg, log)');
    const open = store !== 'redis' ? `${n.v}, err := ${n.pkg}.Open(ctx, conf.${section})` : `${n.v} := ${n.pkg}.Open(ctx, conf.${section}, logger)`;
    const result = await expectRefused(root, store, 'newPorts has no parameter of type *dependencies', open);
    expect(result.error).toBeInstanceOf(AnchorNotFoundError);
  });
});

describe('svc add adapter: both stores on edited shapes, in either order', () => {
  const names = { ...defaults('postgres'), cfg: 'conf', log: 'logger', deps: 'd' };
  const both = `\t\tOrders: redis.NewOrderCache(postgres.NewOrderRepository(db), rdb, logger),\n`;

  it.each([
    ['postgres', 'redis'],
    ['redis', 'postgres'],
  ] as const)('%s then %s: the repository behind the cache, both opened above `ports := …`', async (first, second) => {
    const root = await edited(['renamedParams', 'portsInAVariable', 'aliasedImports'], first, second);
    const ports = readFile(root, PORTS);
    const app = { app: 'application' };
    const anchor = '\tports := application.Ports{';
    expectBefore(ports, wiringBlock('postgres', { ...names, ...app }), anchor);
    expectBefore(ports, wiringBlock('redis', { ...names, ...app, pkg: 'redis', v: 'rdb' }), anchor);
    expect(ports).toContain(both);
    // Orders left memory; the sample's event publisher did not, so the aliased import stays.
    expect(ports).toContain('\tmem "example.com/orders/internal/adapter/memory"\n');
    expect(ports).not.toContain('mem.NewOrderRepository()');
  });
});

describe('svc add adapter: Orders moved to a variable', () => {
  it('postgres refuses to replace it, with the lines to write and how to let svc do it', async () => {
    const root = await freshService();
    handEdits.ordersInAVariable(root);
    const result = await expectRefused(root, 'postgres', 'Orders: postgres.NewOrderRepository(db),', 'db, err := postgres.Open(ctx, cfg.Postgres)', 'set Orders: memory.NewOrderRepository() in the literal');
    expect(result.error).toBeInstanceOf(AnchorNotFoundError);
  });

  it('redis wraps the expression that is there', async () => {
    const root = await edited(['ordersInAVariable'], 'redis');
    const ports = readFile(root, PORTS);
    expect(ports).toContain(ordersLine('redis', defaults('redis'), 'orders'));
    expect(ports).toContain('\torders := memory.NewOrderRepository()\n');
  });
});

describe('svc add adapter: where the wiring goes', () => {
  it('refuses to guess between two app.Ports{…} literals in internal/bootstrap, with the lines to add', async () => {
    const root = await freshService();
    writeFile(root, 'internal/bootstrap/fake_ports.go', 'package bootstrap\n\nimport (\n\t"example.com/orders/internal/adapter/system"\n\t"example.com/orders/internal/app"\n)\n\nfunc fakePorts() app.Ports {\n\treturn app.Ports{Clock: system.Clock{}}\n}\n');
    const result = await expectRefused(root, 'postgres', 'there are 2 app.Ports{…} literals in internal/bootstrap, in fakePorts (internal/bootstrap/fake_ports.go), newPorts (internal/bootstrap/ports.go)', 'db, err := postgres.Open(ctx, cfg.Postgres)');
    expect((result.error as AnchorNotFoundError).problem).toBe('ambiguous');
  });
});

describe('svc add adapter: presence by facts', () => {
  it('a package without a call of its Open is refused with the wiring to add, nothing written', async () => {
    const root = await freshService();
    writeFile(root, 'internal/adapter/postgres/store.go', '// Package postgres is the team\'s own.\npackage postgres\n');
    const result = await expectRefused(root, 'postgres', 'internal/adapter/postgres exists, but nothing in internal/bootstrap opens it', 'db, err := postgres.Open(ctx, cfg.Postgres)');
    expect(result.error).toBeInstanceOf(FailureError);
  });

  it('a call of Open without the package is refused with what to restore', async () => {
    const root = await edited([], 'redis');
    const dir = path.join(root, 'internal/adapter/redis');
    for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.go'))) fs.rmSync(path.join(dir, file));
    await expectRefused(root, 'redis', 'internal/bootstrap/ports.go opens redis', 'git checkout -- internal/adapter/redis');
  });

  it('a choice recorded in svc.json with nothing else there gets the whole add', async () => {
    const root = await freshService();
    replaceIn(root, 'svc.json', '"datastore": [\n      "memory"\n    ]', '"datastore": [\n      "postgres"\n    ]');
    const before = snapshot(root);
    const result = await add(root, 'postgres');
    expect(result.code, result.all).toBe(0);
    expectCleanGo(before, snapshot(root));
    expect(readFile(root, PORTS)).toContain(wiringBlock('postgres', defaults('postgres')));
    expect((JSON.parse(readFile(root, 'svc.json')) as { history: string[] }).history).toEqual(['create', 'add adapter postgres']);
  });

  it('a Config field of that name and type is kept, and only the rest is added', async () => {
    const root = await freshService();
    replaceIn(root, CONFIG, '\tShutdown Shutdown\n', '\tShutdown Shutdown\n\tRedis    Redis\n');
    const result = await add(root, 'redis');
    expect(result.code, result.all).toBe(0);
    expect(readFile(root, CONFIG).match(/\tRedis +Redis\n/g)).toHaveLength(1);
    expect(readFile(root, CONFIG)).toContain('if err := c.Redis.validate(); err != nil {');
  });

  it('a Config field of that name with another type is refused', async () => {
    const root = await freshService();
    replaceIn(root, CONFIG, '\tShutdown Shutdown\n', '\tShutdown Shutdown\n\tPostgres string\n');
    await expectRefused(root, 'postgres', 'Config already has a field Postgres of type string', 'Postgres Postgres');
  });
});
