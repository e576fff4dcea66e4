import { describe, expect, it } from 'vitest';
import { addTsUsecaseOperation } from '../../../src/targets/ts/add/usecase.js';
import { AnchorNotFoundError, TsParseError } from '../../../src/targets/ts/edit/errors.js';
import { keepsLinesInOrder, read, runAdd, snapshot, write } from '../svc/fixture.js';
import { makeTsService } from './fixture.js';

const usecase = (name: string, options: { uses?: string; http?: string } = {}) => addTsUsecaseOperation(name, options);

describe('svc add usecase (TypeScript)', () => {
  it('writes the use case and its test, and wires it into App and createApp', async () => {
    const root = await makeTsService();
    const result = await runAdd(root, usecase('CreateInvoice', { uses: 'orders,clock' }));
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('CREATE src/app/create-invoice.ts');
    expect(result.stdout).toContain('CREATE src/app/create-invoice.test.ts');
    expect(result.stdout).toContain('UPDATE src/app/app.ts');
    expect(read(root, 'src/app/create-invoice.ts')).toContain('constructor(readonly orders: OrderRepository, readonly clock: Clock) {}');
    const app = read(root, 'src/app/app.ts');
    expect(app).toContain("import { CreateInvoice } from './create-invoice.js';");
    expect(app).toContain('  createInvoice: CreateInvoice;\n}');
    expect(app).toContain('    createInvoice: new CreateInvoice(ports.orders, ports.clock),\n  };');
    const manifest = JSON.parse(read(root, 'svc.json')) as { history: string[] };
    expect(manifest.history.at(-1)).toBe('add usecase CreateInvoice --uses orders,clock');
  });

  it('with --http adds the handler, its test, the route and the OpenAPI operation', async () => {
    const root = await makeTsService();
    const result = await runAdd(root, usecase('CancelOrder', { uses: 'orders', http: 'POST /v1/orders/{id}/cancel' }));
    expect(result.code, result.all).toBe(0);
    const handler = read(root, 'src/adapter/http/cancel-order.ts');
    expect(handler).toContain("server.post<{ Params: { id: string }; Body: { reference: string } }>('/v1/orders/:id/cancel', { schema }, async (request) => {");
    expect(handler).toContain('return cancelOrder.execute({ id: request.params.id, reference: request.body.reference }, request.deadline);');
    const test = read(root, 'src/adapter/http/cancel-order.test.ts');
    expect(test).toContain("const response = await server.inject({ method: 'POST', url: '/v1/orders/id-1/cancel', payload: { reference: 'reference-1' } });\n    expect(response.statusCode).toBe(501);");
    expect(test).toContain("expect(execute.mock.calls[0]?.[0]).toEqual({ id: 'id-1', reference: 'reference-1' });");
    expect(test).toContain("url: '/v1/orders/id-1/cancel', payload: { reference: ' ' } });\n    expect(response.statusCode).toBe(422);");
    const routes = read(root, 'src/adapter/http/routes.ts');
    expect(routes).toContain("import { registerCancelOrder } from './cancel-order.js';");
    expect(routes).toContain('  registerCancelOrder(server, app.cancelOrder);\n}');
    expect(read(root, 'api/openapi.yaml')).toContain('/v1/orders/{id}/cancel');
  });

  it('in a service without use cases, names the unused _ports, _server and _app parameters', async () => {
    const root = await makeTsService({ example: false });
    write(root, 'src/port/clock.ts', 'export interface Clock {\n  now(): Date;\n}\n');
    write(root, 'src/app/app.ts', read(root, 'src/app/app.ts').replace('export interface Ports {}', "import type { Clock } from '../port/clock.js';\n\nexport interface Ports {\n  clock: Clock;\n}"));
    const result = await runAdd(root, usecase('Ping', { uses: 'clock', http: 'GET /v1/ping' }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'src/app/app.ts')).toContain('export function createApp(ports: Ports): App {\n  return {\n    ping: new Ping(ports.clock),\n  };\n}');
    expect(read(root, 'src/adapter/http/routes.ts')).toContain('export function registerRoutes(server: FastifyInstance, app: App): void {');
    expect(read(root, 'src/adapter/http/routes.ts')).toContain('  registerPing(server, app.ping);\n}');
  });

  it('is idempotent: the second run has nothing to do and changes no byte', async () => {
    const root = await makeTsService();
    const op = () => usecase('CancelOrder', { uses: 'orders', http: 'POST /v1/orders/{id}/cancel' });
    expect((await runAdd(root, op())).code).toBe(0);
    const before = snapshot(root);
    const again = await runAdd(root, op());
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('--dry-run prints UPDATE/CREATE and diffs and writes nothing', async () => {
    const root = await makeTsService();
    const before = snapshot(root);
    const result = await runAdd(root, usecase('CancelOrder', { uses: 'orders', http: 'POST /v1/orders/{id}/cancel' }), { dryRun: true });
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('UPDATE src/app/app.ts');
    expect(result.stdout).toContain('CREATE src/app/cancel-order.ts');
    expect(result.stdout).toContain('+  cancelOrder: CancelOrder;');
    expect(result.stdout).toContain('Dry run: nothing was written.');
    expect(snapshot(root)).toEqual(before);
  });

  it("keeps every line of the user's app.ts and routes.ts", async () => {
    const root = await makeTsService();
    const app = read(root, 'src/app/app.ts')
      .replace('export interface Ports {', '// Ports: grown by hand — ça marche ✓\nexport interface Ports {\n  /** Prices in €. */\n  prices: OrderRepository;')
      .replace('export interface App {', 'export interface App {\n  // hand-written below\n  audit: () => string;')
      .replace('  return {', '  const label = `créé ${String(ports.prices)}`; // non-ASCII ✓\n  return {\n    audit: () => label,')
      .concat('\n/** A helper of the user. */\nexport function helper(): string {\n  return \'日本語\';\n}\n');
    const routes = read(root, 'src/adapter/http/routes.ts')
      .replace('  registerCreateOrder(', "  server.log.info('routes — démarrage'); // user statement\n  registerCreateOrder(")
      .concat('\n// trailing comment ✓\nexport const ROUTE_COUNT = 2;\n');
    write(root, 'src/app/app.ts', app);
    write(root, 'src/adapter/http/routes.ts', routes);
    const result = await runAdd(root, usecase('CancelOrder', { uses: 'orders,prices', http: 'POST /v1/orders/{id}/cancel' }));
    expect(result.code, result.all).toBe(0);
    expect(keepsLinesInOrder(app, read(root, 'src/app/app.ts'))).toBeNull();
    expect(keepsLinesInOrder(routes, read(root, 'src/adapter/http/routes.ts'))).toBeNull();
    expect(read(root, 'src/app/app.ts')).toContain('cancelOrder: new CancelOrder(ports.orders, ports.prices),');
  });

  it('an unparsable app.ts: nothing is written, exit 1', async () => {
    const root = await makeTsService();
    write(root, 'src/app/app.ts', read(root, 'src/app/app.ts').replace('export interface App {', 'export interface App {{'));
    const before = snapshot(root);
    const result = await runAdd(root, usecase('CancelOrder', { uses: 'orders' }));
    expect(result.code).toBe(1);
    expect(result.error).toBeInstanceOf(TsParseError);
    expect(result.all).toMatch(/src\/app\/app\.ts:\d+:\d+/);
    expect(snapshot(root)).toEqual(before);
  });

  it('a missing registerRoutes: nothing is written (not even the use case), exit 1 with the lines to add', async () => {
    const root = await makeTsService();
    write(root, 'src/adapter/http/routes.ts', read(root, 'src/adapter/http/routes.ts').replace('function registerRoutes', 'function routes'));
    const before = snapshot(root);
    const result = await runAdd(root, usecase('CancelOrder', { uses: 'orders', http: 'POST /v1/orders/{id}/cancel' }));
    expect(result.code).toBe(1);
    expect(result.error).toBeInstanceOf(AnchorNotFoundError);
    expect(result.all).toContain("import { registerCancelOrder } from './cancel-order.js';");
    expect(result.all).toContain('registerCancelOrder(server, app.cancelOrder);');
    expect(snapshot(root)).toEqual(before);
  });

  it('a missing App interface: exit 1 with the lines to add', async () => {
    const root = await makeTsService();
    write(root, 'src/app/app.ts', read(root, 'src/app/app.ts').replace('interface App ', 'interface Application ').replace('): App {', '): Application {'));
    const before = snapshot(root);
    const result = await runAdd(root, usecase('CancelOrder', { uses: 'orders' }));
    expect(result.code).toBe(1);
    expect(result.all).toContain('cancelOrder: CancelOrder;   (in interface App)');
    expect(snapshot(root)).toEqual(before);
  });

  it.each(['orders', 'Orders', 'OrderRepository', 'orderRepository', 'ORDERREPOSITORY'])('--uses %s wires ports.orders (the property or its interface, any case)', async (uses) => {
    const root = await makeTsService();
    const result = await runAdd(root, usecase('CancelOrder', { uses: `${uses},IdGenerator` }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'src/app/app.ts')).toContain('    cancelOrder: new CancelOrder(ports.orders, ports.ids),\n  };');
  });

  it('on a service whose property is named unlike its interface, both names reach the property', async () => {
    for (const uses of ['OrderRepository', 'Store']) {
      const root = await makeTsService();
      write(root, 'src/app/app.ts', read(root, 'src/app/app.ts').replace('  orders: OrderRepository;', '  store: OrderRepository;').replaceAll('ports.orders', 'ports.store'));
      const result = await runAdd(root, usecase('CancelOrder', { uses }));
      expect(result.code, result.all).toBe(0);
      expect(read(root, 'src/app/app.ts')).toContain('    cancelOrder: new CancelOrder(ports.store),\n  };');
    }
  });

  it('an interface two properties hold is ambiguous: exit 2 naming both, nothing written', async () => {
    const root = await makeTsService();
    write(root, 'src/app/app.ts', read(root, 'src/app/app.ts').replace('  orders: OrderRepository;', '  orders: OrderRepository;\n  archive: OrderRepository;'));
    const before = snapshot(root);
    const result = await runAdd(root, usecase('CancelOrder', { uses: 'orderrepository' }));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toContain('--uses orderrepository is ambiguous: it matches orders: OrderRepository, archive: OrderRepository');
    expect(result.all).toContain('name the property itself, e.g. --uses orders');
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    ['createInvoice', {}, /upper-case/],
    ['Delete', {}, /reserved word/],
    ['Promise', {}, /shadow/],
    ['Create_Invoice', {}, /underscores/],
    ['CreateInvoice', { uses: 'orders,orders' }, /twice/],
    ['CreateInvoice', { uses: 'payments' }, /no property or interface named payments[\s\S]*existing ports \(property: interface\): orders: OrderRepository, ids: IdGenerator, clock: Clock/],
    ['CreateInvoice', { uses: 'orders,OrderRepository' }, /names the port orders twice \(as orders and OrderRepository\)/],
    ['CreateInvoice', { http: 'FETCH /v1/x' }, /method/],
    ['CreateOrder', { uses: 'clock' }, /exists already/],
    ['PlaceOrder', { http: 'POST /v1/orders' }, /conflicts with POST \/v1\/orders \(src\/adapter\/http\/create-order\.ts\)/],
    ['FetchOrder', { http: 'GET /v1/orders/{orderId}' }, /conflicts with GET \/v1\/orders\/:id \(src\/adapter\/http\/get-order\.ts\)/],
  ] as const)('bad input %s %j: exit 2, nothing written', async (name, options, message) => {
    const root = await makeTsService();
    const before = snapshot(root);
    const result = await runAdd(root, usecase(name, options));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });

  it('an existing use case file is not overwritten: exit 2', async () => {
    const root = await makeTsService();
    write(root, 'src/app/cancel-order.ts', '// mine\n');
    const result = await runAdd(root, usecase('CancelOrder'));
    expect(result.code).toBe(2);
    expect(read(root, 'src/app/cancel-order.ts')).toBe('// mine\n');
  });
});
