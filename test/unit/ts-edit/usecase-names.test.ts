import { describe, expect, it } from 'vitest';
import { addTsUsecaseOperation } from '../../../src/targets/ts/add/usecase.js';
import { AnchorNotFoundError } from '../../../src/targets/ts/edit/errors.js';
import { read, runAdd, snapshot, write } from '../svc/fixture.js';
import { makeTsService } from './fixture.js';

const usecase = (name: string, options: { uses?: string; http?: string } = {}) => addTsUsecaseOperation(name, options);

/** The name the refusal suggests: `svc add usecase <Name> …` after "e.g.". */
function suggested(output: string): string {
  const match = /e\.g\. svc add usecase (\w+)/.exec(output);
  if (match?.[1] === undefined) throw new Error(`no suggestion in: ${output}`);
  return match[1];
}

describe('svc add usecase (TypeScript): names that are taken', () => {
  it.each([
    // A file of the HTTP adapter the handler would overwrite (or import its register function from).
    ['Health', {}, /src\/adapter\/http\/health\.ts already exists/],
    ['Server', {}, /src\/adapter\/http\/server\.ts already exists/],
    ['Problem', {}, /src\/adapter\/http\/problem\.ts already exists/],
    ['Routes', {}, /src\/adapter\/http\/routes\.ts already exists/],
    ['OrderJson', {}, /src\/adapter\/http\/order-json\.ts already exists/],
    // Names the generated modules import.
    ['FastifyInstance', {}, /FastifyInstance is a name the handler .* imports from fastify/],
    ['Fastify', {}, /Fastify is a name the handler .* imports from fastify/],
    ['ValidationError', {}, /ValidationError is a name the new src\/app\/validation-error\.ts imports/],
    ['NotImplementedError', {}, /NotImplementedError is a name the new src\/app\/not-implemented-error\.ts imports/],
    ['FieldError', {}, /FieldError is a name the new src\/app\/field-error\.ts imports/],
    ['OrderRepository', { uses: 'orders' }, /OrderRepository is a name the new src\/app\/order-repository\.ts imports \(a domain error or a port type\)/],
    // Names the handler binds itself.
    ['Request', {}, /the handler would take the use case as `request`/],
    ['Schema', {}, /the handler would take the use case as `schema`/],
    ['Reply', {}, /the handler would take the use case as `reply`/],
    // Exports of another module of src/app.
    ['CreateOrderInput', {}, /CreateOrderInput is already declared or imported in src\/app\/create-order\.ts/],
  ] as const)('%s %j: exit 2, nothing written, and the suggested name is free', async (name, options, message) => {
    const root = await makeTsService();
    const before = snapshot(root);
    const http = { ...options, http: 'POST /v1/things/{id}' };
    const result = await runAdd(root, usecase(name, http));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toMatch(message);
    expect(snapshot(root)).toEqual(before);
    const instead = suggested(result.all);
    expect(instead).toBe(`${name}V2`);
    const again = await runAdd(root, usecase(instead, http));
    expect(again.code, again.all).toBe(0);
  });

  it.each(['ConstructorParameters', 'AbortSignal', 'Promise'])('%s shadows a global the generated code uses: exit 2', async (name) => {
    const root = await makeTsService();
    const result = await runAdd(root, usecase(name, { http: 'POST /v1/x' }));
    expect(result.code).toBe(2);
    expect(result.all).toContain('would shadow');
  });

  it.each([
    ['a local of createApp', 'src/app/app.ts', (text: string) => text.replace('  return {\n    createOrder:', '  const Audit = 1;\n  void Audit;\n  return {\n    createOrder:'), /Audit is a parameter or a local of createApp/],
    ['a local of registerRoutes', 'src/adapter/http/routes.ts', (text: string) => text.replace('  registerCreateOrder(server', '  const registerAudit = 1;\n  void registerAudit;\n  registerCreateOrder(server'), /registerAudit is a parameter or a local of registerRoutes/],
    ['a property of what createApp returns', 'src/app/app.ts', (text: string) => text.replace('    getOrder: new GetOrder(ports.orders),', '    getOrder: new GetOrder(ports.orders),\n    audit: 1,'), /the object createApp returns \(src\/app\/app\.ts\) already has a property audit/],
    ['an import of src/adapter/http', 'src/adapter/http/create-order.ts', (text: string) => `import { registerGetOrder as registerAudit } from './get-order.js';\n${text}\nvoid registerAudit;\n`, /registerAudit is already declared or imported in src\/adapter\/http\/create-order\.ts/],
    ['a handler test file', 'src/adapter/http/audit.test.ts', () => '// mine\n', /src\/adapter\/http\/audit\.test\.ts already exists/],
  ] as const)('a name taken by the user (%s): exit 2, nothing written, the suggestion is free', async (_label, file, edit, message) => {
    const root = await makeTsService();
    write(root, file, edit(file.endsWith('.test.ts') ? '' : read(root, file)));
    const before = snapshot(root);
    const result = await runAdd(root, usecase('Audit', { http: 'POST /v1/audits' }));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toMatch(message);
    expect(snapshot(root)).toEqual(before);
    expect((await runAdd(root, usecase(suggested(result.all), { http: 'POST /v1/audits' }))).code).toBe(0);
  });

  it('an App property of another type: exit 2', async () => {
    const root = await makeTsService();
    write(root, 'src/app/app.ts', read(root, 'src/app/app.ts').replace('  getOrder: GetOrder;\n}', '  getOrder: GetOrder;\n  audit: () => string;\n}').replace('    getOrder: new GetOrder(ports.orders),', "    getOrder: new GetOrder(ports.orders),\n    audit: () => 'ok',"));
    const before = snapshot(root);
    const result = await runAdd(root, usecase('Audit'));
    expect(result.code).toBe(2);
    expect(result.all).toContain('App in src/app/app.ts already has a property audit of type () => string');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('svc add usecase (TypeScript): names taken from the code', () => {
  it('uses the names registerRoutes and createApp give their parameters, whatever their order', async () => {
    const root = await makeTsService();
    write(root, 'src/adapter/http/routes.ts', read(root, 'src/adapter/http/routes.ts').replace('registerRoutes(server: FastifyInstance, app: App)', 'registerRoutes(application: App, srv: FastifyInstance)').replaceAll('(server, app.', '(srv, application.'));
    write(root, 'src/adapter/http/server.ts', read(root, 'src/adapter/http/server.ts').replace('registerRoutes(server, app);', 'registerRoutes(app, server);'));
    write(root, 'src/app/app.ts', read(root, 'src/app/app.ts').replace('createApp(ports: Ports)', 'createApp(p: Ports)').replaceAll('ports.', 'p.'));
    const result = await runAdd(root, usecase('RefundOrder', { uses: 'orders', http: 'POST /v1/orders/{id}/refund' }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'src/adapter/http/routes.ts')).toContain('  registerRefundOrder(srv, application.refundOrder);\n}');
    expect(read(root, 'src/app/app.ts')).toContain('    refundOrder: new RefundOrder(p.orders),\n  };');
  });

  it('an aliased FastifyInstance import is found by its local name', async () => {
    const root = await makeTsService();
    write(root, 'src/adapter/http/routes.ts', read(root, 'src/adapter/http/routes.ts').replace("import type { FastifyInstance } from 'fastify';", "import type { FastifyInstance as Http } from 'fastify';").replace('server: FastifyInstance', 'http: Http').replaceAll('(server, app.', '(http, app.'));
    const result = await runAdd(root, usecase('RefundOrder', { http: 'POST /v1/orders/{id}/refund' }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'src/adapter/http/routes.ts')).toContain('  registerRefundOrder(http, app.refundOrder);\n}');
  });

  it('an unused _p is renamed when the first use case takes ports, unless the name is taken in createApp', async () => {
    const root = await makeTsService({ example: false });
    write(root, 'src/port/clock.ts', 'export interface Clock {\n  now(): Date;\n}\n');
    write(root, 'src/app/app.ts', read(root, 'src/app/app.ts').replace('export interface Ports {}', "import type { Clock } from '../port/clock.js';\n\nexport interface Ports {\n  clock: Clock;\n}").replace('createApp(_ports: Ports)', 'createApp(_p: Ports)'));
    expect((await runAdd(root, usecase('Ping', { uses: 'clock' }))).code).toBe(0);
    expect(read(root, 'src/app/app.ts')).toContain('export function createApp(p: Ports): App {\n  return {\n    ping: new Ping(p.clock),\n  };\n}');
  });

  it.each([
    ['destructures Ports in createApp', 'src/app/app.ts', (text: string) => text.replace('createApp(ports: Ports)', 'createApp({ orders, ids, clock }: Ports)').replaceAll('ports.', ''), 'src/app/app.ts', 'refundOrder: new RefundOrder(ports.orders),   (in the object createApp returns)'],
    ['has no FastifyInstance parameter in registerRoutes', 'src/adapter/http/routes.ts', (text: string) => text.replace('server: FastifyInstance', 'server: ReturnType<typeof Object>'), 'src/adapter/http/routes.ts', 'registerRefundOrder(server, app.refundOrder);   (in function registerRoutes)'],
  ])('a service that %s: exit 1 with the lines to add by hand, nothing written', async (_label, file, edit, reported, line) => {
    const root = await makeTsService();
    write(root, file, edit(read(root, file)));
    const before = snapshot(root);
    const result = await runAdd(root, usecase('RefundOrder', { uses: 'orders', http: 'POST /v1/orders/{id}/refund' }));
    expect(result.code, result.all).toBe(1);
    expect(result.error).toBeInstanceOf(AnchorNotFoundError);
    expect(result.all).toContain(`${reported}: `);
    expect(result.all).toContain(line);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('svc add usecase (TypeScript): a route for a use case that exists', () => {
  it('the route it is served at already: nothing to do', async () => {
    const root = await makeTsService();
    const before = snapshot(root);
    const result = await runAdd(root, usecase('CreateOrder', { http: 'POST /v1/orders' }));
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('another route for a use case served already: exit 2, nothing written', async () => {
    const root = await makeTsService();
    const before = snapshot(root);
    const result = await runAdd(root, usecase('CreateOrder', { http: 'POST /v1/x' }));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toContain('the use case CreateOrder is served already, at POST /v1/orders (src/adapter/http/create-order.ts)');
    expect(snapshot(root)).toEqual(before);
  });

  it('a use case added without a route gets a handler filled from its input interface', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, usecase('Archive'))).code).toBe(0);
    write(root, 'src/app/archive.ts', read(root, 'src/app/archive.ts').replace('  reference: string;\n}', '  reference: string;\n  note?: string;\n}'));
    const result = await runAdd(root, usecase('Archive', { http: 'PUT /v1/archive/{reference}' }));
    expect(result.code, result.all).toBe(0);
    const handler = read(root, 'src/adapter/http/archive.ts');
    expect(handler).toContain("server.put<{ Params: { reference: string }; Body: { note?: string } }>('/v1/archive/:reference', { schema }, async (request) => {");
    expect(handler).toContain('return archive.execute({ reference: request.params.reference, note: request.body.note }, request.deadline);');
    expect(handler).not.toContain('required:');
    const test = read(root, 'src/adapter/http/archive.test.ts');
    expect(test).toContain("vi.spyOn(useCase, 'execute').mockRejectedValue(new NotImplementedError('Archive'))");
    expect(test).toContain("expect(execute.mock.calls[0]?.[0]).toEqual({ reference: 'reference-1', note: 'note-1' });");
  });

  it.each([
    ['PUT /v1/archive/{id}', /the path parameter \{id\} of --http "PUT \/v1\/archive\/\{id\}" is no field of ArchiveInput/],
    ['GET /v1/archive', /its input field count is a number, not a string/],
  ])('a route its input cannot take (%s): exit 2, nothing written', async (route, message) => {
    const root = await makeTsService();
    expect((await runAdd(root, usecase('Archive'))).code).toBe(0);
    write(root, 'src/app/archive.ts', read(root, 'src/app/archive.ts').replace('  reference: string;\n}', '  reference: string;\n  count: number;\n}'));
    const before = snapshot(root);
    const result = await runAdd(root, usecase('Archive', { http: route }));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('svc add usecase (TypeScript): route conflicts as Fastify sees them', () => {
  it.each([
    ['GET /v1/orders/{orderId}', 'GET /v1/orders/:id (src/adapter/http/get-order.ts)'],
    ['GET /healthz', 'GET /healthz (src/adapter/http/health.ts)'],
    ['GET /metrics', 'GET /metrics (src/adapter/http/metrics-server.ts)'],
  ])('%s: exit 2, nothing written', async (route, clash) => {
    const root = await makeTsService();
    const before = snapshot(root);
    const result = await runAdd(root, usecase('Audit', { http: route }));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toContain(`conflicts with ${clash}`);
    expect(snapshot(root)).toEqual(before);
  });

  it.each(['GET /v1/{kind}/abc', 'GET /v1/orders/latest', 'DELETE /v1/orders/{id}', 'POST /v1/orders:batch'])('%s is served by precedence or another method: exit 0', async (route) => {
    const root = await makeTsService();
    const result = await runAdd(root, usecase('Audit', { http: route }));
    expect(result.code, result.all).toBe(0);
  });

  it("a user's route with a regexp parameter conflicts only with the same shape", async () => {
    const root = await makeTsService();
    write(root, 'src/adapter/http/items.ts', "import type { FastifyInstance } from 'fastify';\n\nexport function registerItems(server: FastifyInstance): void {\n  server.get('/v1/items/:id(^\\\\d+$)', () => ({}));\n  server.route({ method: ['GET', 'POST'], url: '/v1/stock/:sku', handler: () => ({}) });\n}\n");
    expect((await runAdd(root, usecase('Audit', { http: 'GET /v1/items/{id}' }))).code).toBe(0);
    const stock = await runAdd(root, usecase('Restock', { http: 'POST /v1/stock/{id}' }));
    expect(stock.code).toBe(2);
    expect(stock.all).toContain('conflicts with POST /v1/stock/:sku (src/adapter/http/items.ts)');
  });
});
