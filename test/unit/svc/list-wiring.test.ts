import { describe, expect, it } from 'vitest';
import { svcListAction } from '../../../src/cli/svc-list-action.js';
import { addAdapterOperation } from '../../../src/targets/go/add/add-adapter.js';
import { addPortOperation } from '../../../src/targets/go/add/port.js';
import { captureOutput, makeService, read, runAdd, write } from './fixture.js';

interface Inventory {
  useCases: { name: string; ports: string[]; routes: string[] }[];
  ports: { name: string; type: string; adapter: string | null; adapterPackage: string | null; servedBy: string[] }[];
  adapters: { name: string; path: string; direction: string; serves: string[]; useCases?: string[] }[];
}

const MODULE = 'example.com/orders';

async function list(root: string, json: boolean): Promise<string> {
  const { out, text } = captureOutput(json);
  expect(await svcListAction(root, out)).toBe(0);
  return text().stdout;
}

async function inventory(root: string): Promise<Inventory> {
  return JSON.parse(await list(root, true)) as Inventory;
}

/** Port -> the adapters serving it, outermost first. */
function servedBy(found: Inventory): Record<string, string[]> {
  return Object.fromEntries(found.ports.map((port) => [port.name, port.servedBy]));
}

/** Outbound adapter -> the ports it serves. */
function serves(found: Inventory): Record<string, string[]> {
  return Object.fromEntries(found.adapters.filter((adapter) => adapter.direction === 'outbound').map((adapter) => [adapter.name, adapter.serves]));
}

/** internal/bootstrap/<file> holding `func <func>` with `body`, and the imports it needs. */
function bootstrapFile(imports: string[], func: string, body: string): string {
  return `package bootstrap

import (
	"context"
	"fmt"
	"log/slog"

${imports.map((line) => `\t${line}`).join('\n')}
	"${MODULE}/internal/platform/config"
)

func ${func}(ctx context.Context, cfg config.Config, log *slog.Logger, deps *dependencies) (app.Ports, error) {
	db, err := postgres.Open(ctx, cfg.Postgres)
	if err != nil {
		return app.Ports{}, fmt.Errorf("postgres: %w", err)
	}
	deps.closers = append(deps.closers, closer{"postgres", db.Close})
	_ = log
${body}
}
`;
}

/** An adapter folder of the user's own: a decorator of OrderRepository (it also uses the Clock port) and one of IDGenerator in a struct. */
const AUDIT = `package audit

import (
	"context"
	"log/slog"

	"${MODULE}/internal/domain"
	"${MODULE}/internal/port"
)

// Orders logs every change made through next, stamped with clock.
type Orders struct {
	next  port.OrderRepository
	clock port.Clock
	log   *slog.Logger
}

// NewOrders returns next behind an audit log. The clock is a port it uses, not one it decorates.
func NewOrders(clock port.Clock, next port.OrderRepository, log *slog.Logger) *Orders {
	return &Orders{next: next, clock: clock, log: log}
}

// Save saves through next, then logs.
func (o *Orders) Save(ctx context.Context, order domain.Order) error {
	if err := o.next.Save(ctx, order); err != nil {
		return err
	}
	o.log.InfoContext(ctx, "order saved", slog.Time("at", o.clock.Now()))
	return nil
}

// Get reads through next.
func (o *Orders) Get(ctx context.Context, id domain.OrderID) (domain.Order, error) {
	return o.next.Get(ctx, id)
}

// CountedIDs counts the identifiers Source hands out.
type CountedIDs struct {
	Source port.IDGenerator
	Count  int
}

// NewID returns the next identifier of Source.
func (c *CountedIDs) NewID() string {
	c.Count++
	return c.Source.NewID()
}
`;

const PG_IMPORTS = [`"${MODULE}/internal/adapter/postgres"`, `"${MODULE}/internal/adapter/system"`, `"${MODULE}/internal/app"`];

describe('svc list reads the wiring of generated services', () => {
  it('postgres: the repository serves Orders, memory serves no port', async () => {
    const root = await makeService({ datastore: ['postgres'] });
    const found = await inventory(root);
    expect(found.ports.find((port) => port.name === 'Orders')).toMatchObject({
      adapter: 'postgres.NewOrderRepository(db)',
      adapterPackage: `${MODULE}/internal/adapter/postgres`,
      servedBy: ['postgres'],
    });
    expect(servedBy(found)).toEqual({ Orders: ['postgres'], Clock: ['system'], IDs: ['system'], Events: ['memory'], Tx: ['postgres'] });
    expect(serves(found)).toEqual({ memory: ['Events'], postgres: ['Orders', 'Tx'], system: ['Clock', 'IDs'] });
    const text = await list(root, false);
    expect(text).not.toContain('not wired');
    expect(text).toMatch(/ {2}postgres +outbound +internal\/adapter\/postgres +serves Orders, Tx\n/);
    expect(text).toMatch(/ {2}memory +outbound +internal\/adapter\/memory +serves Events\n/);
  });

  it('redis: the cache serves Orders in front of the memory repository', async () => {
    const found = await inventory(await makeService({ datastore: ['redis'] }));
    expect(servedBy(found).Orders).toEqual(['redis', 'memory']);
    expect(serves(found)).toEqual({ memory: ['Orders', 'Events', 'Tx'], redis: ['Orders'], system: ['Clock', 'IDs'] });
  });

  it('postgres and redis: the cache in front of postgres, both shown', async () => {
    const root = await makeService({ datastore: ['postgres', 'redis'] });
    const found = await inventory(root);
    expect(found.ports.find((port) => port.name === 'Orders')).toMatchObject({
      adapter: 'redis.NewOrderCache(postgres.NewOrderRepository(db), rdb, log)',
      adapterPackage: `${MODULE}/internal/adapter/redis`,
      servedBy: ['redis', 'postgres'],
    });
    expect(serves(found)).toEqual({ memory: ['Events'], postgres: ['Orders', 'Tx'], redis: ['Orders'], system: ['Clock', 'IDs'] });
    const text = await list(root, false);
    expect(text).toMatch(/ {2}Orders +port\.OrderRepository +<- redis\.NewOrderCache\(postgres\.NewOrderRepository\(db\), rdb, log\) +\(redis → postgres\)\n/);
    expect(text).toMatch(/ {2}postgres +outbound +internal\/adapter\/postgres +serves Orders \(behind redis\), Tx\n/);
    expect(text).toMatch(/ {2}redis +outbound +internal\/adapter\/redis +serves Orders \(in front of postgres\)\n/);
  });

  it('create, then svc add adapter postgres, redis and a port: the same wiring as create --datastore', async () => {
    const root = await makeService();
    expect((await runAdd(root, addAdapterOperation('postgres', { install: false }))).code).toBe(0);
    expect(servedBy(await inventory(root)).Orders).toEqual(['postgres']);
    expect((await runAdd(root, addAdapterOperation('redis', { install: false }))).code).toBe(0);
    expect((await runAdd(root, addPortOperation('PaymentGateway', { methods: ['Charge(ctx context.Context, amount int64) error'] }))).code).toBe(0);
    const found = await inventory(root);
    expect(servedBy(found)).toEqual({ Orders: ['redis', 'postgres'], Clock: ['system'], IDs: ['system'], Events: ['memory'], Tx: ['postgres'], PaymentGateway: ['memory'] });
    expect(serves(found)).toEqual({ memory: ['Events', 'PaymentGateway'], postgres: ['Orders', 'Tx'], redis: ['Orders'], system: ['Clock', 'IDs'] });
  });

  it('the inbound http adapter lists its routes and the use cases they call', async () => {
    const found = await inventory(await makeService({ datastore: ['postgres'] }));
    expect(found.adapters.find((adapter) => adapter.name === 'http')).toEqual({
      name: 'http',
      path: 'internal/adapter/http',
      direction: 'inbound',
      serves: ['GET /healthz', 'GET /readyz', 'GET /metrics', 'POST /v1/orders', 'GET /v1/orders/{id}'],
      useCases: ['CreateOrder', 'GetOrder'],
    });
  });
});

describe('svc list reads hand-edited wiring', () => {
  it('import aliases for the adapters and for package app', async () => {
    const root = await makeService({ datastore: ['postgres'] });
    const file = 'internal/bootstrap/ports.go';
    const aliased = read(root, file)
      .replace(`"${MODULE}/internal/adapter/postgres"`, `pg "${MODULE}/internal/adapter/postgres"`)
      .replace(`"${MODULE}/internal/adapter/system"`, `sys "${MODULE}/internal/adapter/system"`)
      .replace(`"${MODULE}/internal/app"`, `application "${MODULE}/internal/app"`)
      .replace(/\bpostgres\.(?=[A-Z])/g, 'pg.')
      .replace(/\bsystem\./g, 'sys.')
      .replace(/\bapp\.Ports\b/g, 'application.Ports');
    expect(aliased).toContain('Orders: pg.NewOrderRepository(db),');
    write(root, file, aliased);
    const found = await inventory(root);
    expect(found.ports.find((port) => port.name === 'Orders')).toMatchObject({ adapter: 'pg.NewOrderRepository(db)', adapterPackage: `${MODULE}/internal/adapter/postgres` });
    expect(servedBy(found)).toEqual({ Orders: ['postgres'], Clock: ['system'], IDs: ['system'], Events: ['memory'], Tx: ['postgres'] });
  });

  it('variables assigned earlier, a renamed newPorts in another bootstrap file', async () => {
    const root = await makeService({ datastore: ['postgres'] });
    write(root, 'internal/bootstrap/ports.go', 'package bootstrap\n');
    write(root, 'internal/bootstrap/bootstrap.go', read(root, 'internal/bootstrap/bootstrap.go').replace('newPorts(ctx, cfg, log, deps)', 'buildPorts(ctx, cfg, log, deps)'));
    write(
      root,
      'internal/bootstrap/wiring.go',
      bootstrapFile(
        PG_IMPORTS,
        'buildPorts',
        `	orders := postgres.NewOrderRepository(db)
	var clock = system.Clock{}
	ids, ok := system.IDGenerator{}, true
	_ = ok
	return app.Ports{Orders: orders, Clock: clock, IDs: ids}, nil`,
      ),
    );
    const found = await inventory(root);
    expect(found.ports.map((port) => [port.name, port.adapter])).toEqual([
      ['Orders', 'postgres.NewOrderRepository(db)'],
      ['Clock', 'system.Clock{}'],
      ['IDs', 'system.IDGenerator{}'],
      ['Events', null],
      ['Tx', null],
    ]);
    // The hand-written literal leaves Events and Tx out: nothing serves them.
    expect(servedBy(found)).toEqual({ Orders: ['postgres'], Clock: ['system'], IDs: ['system'], Events: [], Tx: [] });
  });

  it('a method of a value built from an adapter', async () => {
    const root = await makeService({ datastore: ['postgres'] });
    write(root, 'internal/adapter/postgres/stores.go', 'package postgres\n\n// Stores builds the repositories on one pool.\ntype Stores struct{ db *DB }\n\n// NewStores returns the stores of db.\nfunc NewStores(db *DB) Stores { return Stores{db: db} }\n\n// Orders returns the order repository.\nfunc (s Stores) Orders() *OrderRepository { return NewOrderRepository(s.db) }\n');
    write(
      root,
      'internal/bootstrap/ports.go',
      bootstrapFile(PG_IMPORTS, 'newPorts', '\tstores := postgres.NewStores(db)\n\treturn app.Ports{Orders: stores.Orders(), Clock: system.Clock{}, IDs: system.IDGenerator{}}, nil'),
    );
    expect(servedBy(await inventory(root)).Orders).toEqual(['postgres']);
  });

  it('the ports in a variable, filled field by field', async () => {
    const root = await makeService({ datastore: ['postgres'] });
    write(
      root,
      'internal/bootstrap/ports.go',
      bootstrapFile(
        PG_IMPORTS,
        'newPorts',
        `	ports := app.Ports{Clock: system.Clock{}}
	ports.IDs = system.IDGenerator{}
	ports.Orders = postgres.NewOrderRepository(db)
	return ports, nil`,
      ),
    );
    expect(servedBy(await inventory(root))).toEqual({ Orders: ['postgres'], Clock: ['system'], IDs: ['system'], Events: [], Tx: [] });

    write(
      root,
      'internal/bootstrap/ports.go',
      bootstrapFile(PG_IMPORTS, 'newPorts', '\tvar ports app.Ports\n\tports.Orders, ports.Clock = postgres.NewOrderRepository(db), system.Clock{}\n\treturn ports, nil'),
    );
    const found = await inventory(root);
    expect(servedBy(found)).toEqual({ Orders: ['postgres'], Clock: ['system'], IDs: [], Events: [], Tx: [] });
    expect(await list(root, false)).toMatch(/ {2}IDs +port\.IDGenerator +not wired in bootstrap\n/);

    // A named result, filled and returned bare.
    const named = bootstrapFile(PG_IMPORTS, 'newPorts', '\tports.Orders = postgres.NewOrderRepository(db)\n\tports.Clock, ports.IDs = system.Clock{}, system.IDGenerator{}\n\treturn ports, nil')
      .replace('(app.Ports, error) {', '(ports app.Ports, err error) {')
      .replace('db, err := postgres.Open', 'db, openErr := postgres.Open')
      .replace('if err != nil {\n\t\treturn app.Ports{}, fmt.Errorf("postgres: %w", err)', 'if openErr != nil {\n\t\treturn ports, fmt.Errorf("postgres: %w", openErr)');
    expect(named).toContain('(ports app.Ports, err error) {\n\tdb, openErr := postgres.Open(ctx, cfg.Postgres)\n\tif openErr != nil {');
    write(root, 'internal/bootstrap/ports.go', named);
    expect(servedBy(await inventory(root))).toEqual({ Orders: ['postgres'], Clock: ['system'], IDs: ['system'], Events: [], Tx: [] });
  });

  it('one literal per branch: every adapter named serves the port, the first is shown', async () => {
    const root = await makeService({ datastore: ['postgres'] });
    write(
      root,
      'internal/bootstrap/ports.go',
      bootstrapFile(
        [...PG_IMPORTS, `"${MODULE}/internal/adapter/memory"`],
        'newPorts',
        `	if cfg.Postgres.MigrateOnStart {
		return app.Ports{Orders: memory.NewOrderRepository(), Clock: system.Clock{}, IDs: system.IDGenerator{}}, nil
	}
	return app.Ports{Orders: postgres.NewOrderRepository(db), Clock: system.Clock{}, IDs: system.IDGenerator{}}, nil`,
      ),
    );
    const found = await inventory(root);
    expect(found.ports.find((port) => port.name === 'Orders')).toMatchObject({ adapter: 'memory.NewOrderRepository()', servedBy: ['memory'] });
    expect(serves(found)).toEqual({ memory: ['Orders'], postgres: ['Orders'], system: ['Clock', 'IDs'] });
  });

  it('adapter folders of the user: a decorator in front of postgres, one in a struct literal, one serving nothing', async () => {
    const root = await makeService({ datastore: ['postgres'] });
    write(
      root,
      'internal/adapter/audit/audit.go',
      AUDIT,
    );
    write(root, 'internal/adapter/smtp/smtp.go', 'package smtp\n\n// Sender will send mail.\ntype Sender struct{}\n');
    write(
      root,
      'internal/bootstrap/ports.go',
      bootstrapFile(
        [...PG_IMPORTS, `"${MODULE}/internal/adapter/audit"`],
        'newPorts',
        `	clock := system.Clock{}
	return app.Ports{
		Orders: audit.NewOrders(clock, postgres.NewOrderRepository(db), log),
		Clock:  clock,
		IDs:    &audit.CountedIDs{Source: system.IDGenerator{}},
	}, nil`,
      ),
    );
    const found = await inventory(root);
    expect(servedBy(found)).toEqual({ Orders: ['audit', 'postgres'], Clock: ['system'], IDs: ['audit', 'system'], Events: [], Tx: [] });
    expect(serves(found)).toEqual({ audit: ['Orders', 'IDs'], memory: [], postgres: ['Orders'], smtp: [], system: ['Clock', 'IDs'] });
    const text = await list(root, false);
    expect(text).toMatch(/ {2}smtp +outbound +internal\/adapter\/smtp +serves no port\n/);
    expect(text).toMatch(/ {2}audit +outbound +internal\/adapter\/audit +serves Orders \(in front of postgres\), IDs \(in front of system\)\n/);
  });

  it('three layers: the redis cache in front of an audit decorator in front of postgres', async () => {
    const root = await makeService({ datastore: ['postgres', 'redis'] });
    write(root, 'internal/adapter/audit/audit.go', AUDIT);
    const file = 'internal/bootstrap/ports.go';
    const edited = read(root, file)
      .replace(`"${MODULE}/internal/adapter/postgres"`, `"${MODULE}/internal/adapter/audit"\n\t"${MODULE}/internal/adapter/postgres"`)
      .replace('redis.NewOrderCache(postgres.NewOrderRepository(db), rdb, log)', 'redis.NewOrderCache(audit.NewOrders(system.Clock{}, postgres.NewOrderRepository(db), log), rdb, log)');
    expect(edited).toContain('audit.NewOrders(');
    write(root, file, edited);
    const found = await inventory(root);
    expect(servedBy(found).Orders).toEqual(['redis', 'audit', 'postgres']);
    const text = await list(root, false);
    expect(text).toContain('(redis → audit → postgres)\n');
    expect(text).toMatch(/ {2}audit +outbound +internal\/adapter\/audit +serves Orders \(behind redis, in front of postgres\)\n/);
    expect(text).toMatch(/ {2}postgres +outbound +internal\/adapter\/postgres +serves Orders \(behind audit\), Tx\n/);
  });

  it('App fields that are not use cases are not listed as use cases', async () => {
    const root = await makeService({ datastore: ['postgres'] });
    const file = 'internal/app/app.go';
    const edited = read(root, file)
      .replace('import "example.com/orders/internal/port"', 'import (\n\t"log/slog"\n\n\t"example.com/orders/internal/port"\n)')
      .replace('\tGetOrder    *GetOrder\n', '\tGetOrder    *GetOrder\n\tVersion     string\n\tLog         *slog.Logger\n\tcache       *cache\n')
      .replace('\t\tGetOrder:    NewGetOrder(p.Orders),\n', '\t\tGetOrder:    &GetOrder{orders: p.Orders},\n\t\tVersion:     "1.0.0",\n\t\tcache:       newCache(),\n');
    expect(edited).toContain('Version:     "1.0.0"');
    write(root, file, edited);
    write(root, 'internal/app/cache.go', 'package app\n\ntype cache struct{}\n\nfunc newCache() *cache { return &cache{} }\n');
    const found = await inventory(root);
    // GetOrder is no longer built by NewGetOrder: its Execute method still makes it a use case.
    expect(found.useCases).toEqual([
      { name: 'CreateOrder', ports: ['Orders', 'Clock', 'IDs', 'Events', 'Tx'], routes: ['POST /v1/orders'] },
      { name: 'GetOrder', ports: ['Orders'], routes: ['GET /v1/orders/{id}'] },
    ]);
    expect(await list(root, false)).toMatch(/^Use cases \(2\)\n/);
  });
});
