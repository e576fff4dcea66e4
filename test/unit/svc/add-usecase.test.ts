import fs from 'node:fs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { addUsecaseOperation } from '../../../src/targets/go/add/usecase.js';
import { AnchorNotFoundError, GoParseError } from '../../../src/targets/go/edit/errors.js';
import { hashContent } from '../../../src/tree/manifest.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { keepsLinesInOrder, makeService, read, runAdd, snapshot, write } from './fixture.js';

const usecase = (name: string, options: { uses?: string; http?: string } = {}) => addUsecaseOperation(name, options);

describe('svc add usecase', () => {
  it('writes the use case, its test and fakes, and wires it into App and New', async () => {
    const root = await makeService();
    const result = await runAdd(root, usecase('CreateInvoice', { uses: 'Orders,IDs' }));
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('CREATE internal/app/create_invoice.go');
    expect(result.stdout).toContain('CREATE internal/app/create_invoice_test.go');
    expect(result.stdout).toContain('UPDATE internal/app/app.go');

    const source = read(root, 'internal/app/create_invoice.go');
    expect(source).toContain('func NewCreateInvoice(orders port.OrderRepository, ids port.IDGenerator) *CreateInvoice {');
    expect(source).toContain('func (uc *CreateInvoice) Execute(ctx context.Context, in CreateInvoiceInput) (CreateInvoiceOutput, error) {');
    expect(source).toContain('v.Add("reference", "is required")');
    expect(source).toContain('var errCreateInvoiceNotImplemented = fmt.Errorf("create invoice: %w", domain.ErrNotImplemented)');
    expect(source).toContain('\treturn CreateInvoiceOutput{}, errCreateInvoiceNotImplemented\n}');
    expect(read(root, 'internal/app/create_invoice_test.go')).toContain('wantErr: domain.ErrNotImplemented,');
    expect(read(root, 'internal/app/create_invoice_test.go')).toContain('app.NewCreateInvoice(&fakeOrderRepository{}, &fakeIDGenerator{})');
    expect(read(root, 'internal/app/order_repository_fake_test.go')).toContain('func (f *fakeOrderRepository) Save(_ context.Context, _ domain.Order) error {');
    expect(read(root, 'internal/app/id_generator_fake_test.go')).toContain('func (f *fakeIDGenerator) NewID() string {');

    const app = read(root, 'internal/app/app.go');
    expect(app).toMatch(/\tCreateInvoice +\*CreateInvoice\n/);
    expect(app).toMatch(/\t\tCreateInvoice: +NewCreateInvoice\(p\.Orders, p\.IDs\),\n/);
    const manifest = JSON.parse(read(root, 'svc.json')) as { history: string[]; files: Record<string, string> };
    expect(manifest.history.at(-1)).toBe('add usecase CreateInvoice --uses Orders,IDs');
    expect(Object.keys(manifest.files)).toContain('internal/app/create_invoice.go');
  });

  it('with --http adds the handler, its test, the route and the OpenAPI operation', async () => {
    const root = await makeService();
    write(root, 'api/openapi.yaml', '# the public API\nopenapi: 3.1.0\ninfo:\n  title: orders # keep me\n  version: 1.0.0\npaths:\n  /v1/orders:\n    post:\n      operationId: createOrder # hand-written\n');
    const result = await runAdd(root, usecase('CancelOrder', { uses: 'Orders', http: 'POST /v1/orders/{id}/cancel' }));
    expect(result.code, result.all).toBe(0);
    const handler = read(root, 'internal/adapter/http/cancel_order.go');
    expect(handler).toContain('func cancelOrder(log *slog.Logger, uc *app.CancelOrder) http.Handler {');
    expect(handler).toContain('out, err := uc.Execute(r.Context(), app.CancelOrderInput{ID: r.PathValue("id")})');
    // The only input comes from the path: no body to decode.
    expect(handler).not.toContain('DecodeJSON');
    const test = read(root, 'internal/adapter/http/cancel_order_test.go');
    expect(test).toContain('newHarness(t, &app.App{CancelOrder: app.NewCancelOrder(nil)})');
    expect(test).toContain('p := readProblem(t, send(t, "/v1/orders/abc/cancel"), http.StatusNotImplemented)');
    expect(test).toContain('p := readProblem(t, send(t, "/v1/orders/%20/cancel"), http.StatusUnprocessableEntity)');
    expect(read(root, 'internal/adapter/http/router.go')).toContain('\tmux.Handle("POST /v1/orders/{id}/cancel", cancelOrder(log, a.CancelOrder))\n}');
    const openapi = read(root, 'api/openapi.yaml');
    expect(openapi).toContain('# the public API\n');
    expect(openapi).toContain('title: orders # keep me');
    expect(openapi).toContain('operationId: createOrder # hand-written');
    expect(openapi).toContain('  /v1/orders/{id}/cancel:\n    post:\n      operationId: cancelOrder\n');
    expect(openapi).not.toMatch(/&a\d|\*a\d/);
  });

  it('takes a body field for POST without wildcards, and a query field for GET', async () => {
    const root = await makeService();
    expect((await runAdd(root, usecase('CreateThing', { http: 'POST /v1/things' }))).code).toBe(0);
    const create = read(root, 'internal/adapter/http/create_thing.go');
    expect(create).toContain('type createThingRequest struct {\n\tReference string `json:"reference"`\n}');
    expect(create).toContain('app.CreateThingInput{Reference: req.Reference}');
    expect(read(root, 'internal/adapter/http/create_thing_test.go')).toContain('readProblem(t, send(t, "/v1/things", `{"reference":`), http.StatusBadRequest)');
    expect((await runAdd(root, usecase('ListThings', { http: 'GET /v1/things' }))).code).toBe(0);
    expect(read(root, 'internal/adapter/http/list_things.go')).toContain('app.ListThingsInput{Reference: r.URL.Query().Get("reference")}');
    expect(read(root, 'internal/adapter/http/list_things_test.go')).toContain('send(t, "/v1/things?reference=%20")');
  });

  it('is idempotent: the second run changes no byte and says nothing to do', async () => {
    const root = await makeService();
    const op = () => usecase('CreateInvoice', { uses: 'Orders', http: 'POST /v1/invoices' });
    expect((await runAdd(root, op())).code).toBe(0);
    const before = snapshot(root);
    const again = await runAdd(root, op());
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('adds the HTTP part to a use case that exists without it, from its own input and output', async () => {
    const root = await makeService();
    expect((await runAdd(root, usecase('CreateInvoice', { uses: 'Orders,Clock' }))).code).toBe(0);
    const result = await runAdd(root, usecase('CreateInvoice', { http: 'POST /v1/invoices' }));
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).not.toContain('internal/app/create_invoice.go');
    expect(read(root, 'internal/adapter/http/create_invoice.go')).toContain('app.CreateInvoiceInput{Reference: req.Reference}');
    // Its answers are the author's: the test checks what the adapter does before calling it.
    const test = read(root, 'internal/adapter/http/create_invoice_test.go');
    expect(test).toContain('h := newHarness(t, &app.App{})');
    expect(test).toContain('t.Run("registers POST /v1/invoices", func(t *testing.T) {');
    expect(test).not.toContain('StatusNotImplemented');
  });

  it('dry-run prints CREATE/UPDATE lines and diffs, and writes nothing', async () => {
    const root = await makeService();
    const before = snapshot(root);
    const result = await runAdd(root, usecase('CreateInvoice', { uses: 'Orders', http: 'POST /v1/invoices' }), { dryRun: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('CREATE internal/app/create_invoice.go');
    expect(result.stdout).toContain('UPDATE internal/adapter/http/router.go');
    expect(result.stdout).toContain('+\tmux.Handle("POST /v1/invoices", createInvoice(log, a.CreateInvoice))');
    expect(result.stdout).toContain('Dry run: nothing was written.');
    expect(snapshot(root)).toEqual(before);
  });

  describe('--uses takes the field or its interface, in any case', () => {
    it.each(['Orders', 'orders', 'OrderRepository', 'orderrepository', 'ORDERS'])('--uses %s wires p.Orders', async (uses) => {
      const root = await makeService();
      const result = await runAdd(root, usecase('CancelOrder', { uses: `${uses},idgenerator` }));
      expect(result.code, result.all).toBe(0);
      expect(read(root, 'internal/app/app.go')).toMatch(/\t\tCancelOrder: +NewCancelOrder\(p\.Orders, p\.IDs\),\n/);
      expect(read(root, 'internal/app/cancel_order.go')).toContain('func NewCancelOrder(orders port.OrderRepository, ids port.IDGenerator) *CancelOrder {');
    });

    it('on a service whose field is named unlike its interface, both names reach the field', async () => {
      for (const uses of ['OrderRepository', 'store']) {
        const root = await makeService();
        const app = read(root, 'internal/app/app.go').replace('\tOrders port.OrderRepository', '\tStore  port.OrderRepository').replaceAll('p.Orders', 'p.Store');
        write(root, 'internal/app/app.go', app);
        const result = await runAdd(root, usecase('CancelOrder', { uses }));
        expect(result.code, result.all).toBe(0);
        expect(read(root, 'internal/app/app.go')).toMatch(/\t\tCancelOrder: +NewCancelOrder\(p\.Store\),\n/);
      }
    });

    it('an interface two fields implement is ambiguous: exit 2 naming both, nothing written', async () => {
      const root = await makeService();
      write(root, 'internal/app/app.go', read(root, 'internal/app/app.go').replace('\tIDs    port.IDGenerator\n', '\tIDs    port.IDGenerator\n\tArchive port.OrderRepository\n'));
      const before = snapshot(root);
      const result = await runAdd(root, usecase('CancelOrder', { uses: 'OrderRepository' }));
      expect(result.code, result.all).toBe(2);
      expect(result.all).toContain('--uses OrderRepository is ambiguous: it matches Orders: OrderRepository, Archive: OrderRepository');
      expect(result.all).toContain('name the field itself, e.g. --uses Orders');
      expect(snapshot(root)).toEqual(before);
    });
  });

  describe('bad input exits 2 and writes nothing', () => {
    const cases: [string, string, { uses?: string; http?: string }, RegExp][] = [
      ['lower-case start', 'createInvoice', {}, /upper-case letter/],
      ['a Go keyword', 'func', {}, /Go keyword/],
      ['a capitalised keyword', 'Func', {}, /Go keyword/],
      ['path characters', 'app/CreateInvoice', {}, /path/],
      ['dashes', 'Create-Invoice', {}, /only letters and digits/],
      ['underscores', 'Create_Invoice', {}, /underscores/],
      ['empty', '', {}, /empty/],
      ['an unknown port', 'CreateInvoice', { uses: 'Payments' }, /app\.Ports has no field or interface named Payments[\s\S]*existing ports \(field: interface\): Orders: OrderRepository, Clock: Clock, IDs: IDGenerator, Events: EventPublisher, Tx: Transactor; add a new one with: svc add port Payments/],
      ['a port named twice under two names', 'CreateInvoice', { uses: 'Orders,OrderRepository' }, /names the port Orders twice \(as Orders and OrderRepository\)/],
      ['a port named twice', 'CreateInvoice', { uses: 'Orders,Orders' }, /twice/],
      ['a bad --http', 'CreateInvoice', { http: 'FETCH /x' }, /method must be one of/],
      ['a relative path', 'CreateInvoice', { http: 'POST v1/x' }, /must start with \//],
      ['a taken route', 'CreateInvoice', { http: 'POST /v1/orders' }, /already served by createOrder/],
    ];
    it.each(cases)('%s', async (_label, name, options, message) => {
      const root = await makeService();
      const before = snapshot(root);
      const result = await runAdd(root, usecase(name, options));
      expect(result.code, result.all).toBe(2);
      expect(result.all).toMatch(message);
      expect(snapshot(root)).toEqual(before);
    });

    it('a name already declared in package app', async () => {
      const root = await makeService();
      write(root, 'internal/app/refunds.go', 'package app\n\n// RefundInput is the user\'s own type.\ntype RefundInput struct{}\n');
      const before = snapshot(root);
      const result = await runAdd(root, usecase('Refund'));
      expect(result.code).toBe(2);
      expect(result.all).toContain('RefundInput is already declared in internal/app/refunds.go');
      expect(snapshot(root)).toEqual(before);
    });

    it('outside a service', async () => {
      const dir = makeTempDir('svc-outside-');
      onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
      const result = await runAdd(dir, usecase('CreateInvoice'));
      expect(result.code).toBe(2);
      expect(result.all).toContain('no svc.json found');
      expect(snapshot(dir)).toEqual({});
    });
  });

  describe('atomicity: a failing step leaves every file byte-identical', () => {
    it('an unparsable router.go', async () => {
      const root = await makeService();
      write(root, 'internal/adapter/http/router.go', `${read(root, 'internal/adapter/http/router.go')}\nfunc broken( {\n`);
      const before = snapshot(root);
      const result = await runAdd(root, usecase('CreateInvoice', { uses: 'Orders', http: 'POST /v1/invoices' }));
      expect(result.code).toBe(1);
      expect(result.error).toBeInstanceOf(GoParseError);
      expect(result.all).toMatch(/router\.go:\d+:\d+: syntax error/);
      expect(snapshot(root)).toEqual(before);
    });

    it('a missing anchor prints the line to add by hand and changes nothing', async () => {
      const root = await makeService();
      const router = read(root, 'internal/adapter/http/router.go').replace('routes(mux, cfg.Log', 'register(mux, cfg.Log').replace('func routes(', 'func register(');
      write(root, 'internal/adapter/http/router.go', router);
      const before = snapshot(root);
      const result = await runAdd(root, usecase('CreateInvoice', { http: 'POST /v1/invoices' }));
      expect(result.code).toBe(1);
      expect(result.error).toBeInstanceOf(AnchorNotFoundError);
      expect((result.error as AnchorNotFoundError).manualSnippet).toBe('mux.Handle("POST /v1/invoices", createInvoice(log, a.CreateInvoice))');
      expect(result.all).toContain('Nothing was changed');
      expect(snapshot(root)).toEqual(before);
    });

    it('a missing App struct', async () => {
      const root = await makeService();
      write(root, 'internal/app/app.go', read(root, 'internal/app/app.go').replace('type App struct', 'type Application struct'));
      const before = snapshot(root);
      const result = await runAdd(root, usecase('CreateInvoice'));
      expect(result.code).toBe(1);
      expect(result.error).toBeInstanceOf(AnchorNotFoundError);
      expect(result.all).toContain('CreateInvoice *CreateInvoice');
      expect(snapshot(root)).toEqual(before);
    });
  });

  it("keeps every line of the user's app.go, router.go and openapi.yaml, in order", async () => {
    const root = await makeService();
    const app = read(root, 'internal/app/app.go')
      .replace('type Ports struct {', '// Größe: the ports we need — ünïcödé comment.\ntype Ports struct {\n\t// Clock first, by choice.')
      .replace('type App struct {', 'type App struct {\n\tlimits map[string]int // unexported, hand-added\n')
      .replace('func New(p Ports) *App {', 'func New(p Ports) *App {\n\tif p.Clock == nil {\n\t\tpanic("app: no clock") // guard\n\t}\n')
      .concat('\n// helper is the user\'s own function.\nfunc helper() string { return "héllo" }\n');
    // Reordered declarations: New before App.
    const reordered = app.replace(/(\/\/ App holds[\s\S]*?\n}\n)\n(\/\/ New builds[\s\S]*?\n}\n)/, '$2\n$1');
    expect(reordered).not.toBe(app);
    write(root, 'internal/app/app.go', reordered);
    const router = read(root, 'internal/adapter/http/router.go').replace(
      '\tmux.Handle("GET /healthz", liveness(log))',
      '\t// Liveness für Kubernetes.\n\tmux.Handle("GET /healthz", liveness(log))\n',
    );
    write(root, 'internal/adapter/http/router.go', router);
    const hashesBefore = (JSON.parse(read(root, 'svc.json')) as { files: Record<string, string> }).files;
    const result = await runAdd(root, usecase('CreateInvoice', { uses: 'Orders', http: 'POST /v1/invoices' }));
    expect(result.code, result.all).toBe(0);
    expect(keepsLinesInOrder(reordered, read(root, 'internal/app/app.go'))).toBeNull();
    expect(keepsLinesInOrder(router, read(root, 'internal/adapter/http/router.go'))).toBeNull();
    expect(read(root, 'internal/app/app.go')).toContain('CreateInvoice: NewCreateInvoice(p.Orders),');
    // A merge into a file the user changed keeps its old manifest hash: doctor still lists it as modified.
    const hashesAfter = (JSON.parse(read(root, 'svc.json')) as { files: Record<string, string> }).files;
    expect(hashesAfter['internal/app/app.go']).toBe(hashesBefore['internal/app/app.go']);
    expect(hashesAfter['internal/app/app.go']).not.toBe(hashContent(read(root, 'internal/app/app.go')));
    expect(hashesAfter['internal/app/create_invoice.go']).toBe(hashContent(read(root, 'internal/app/create_invoice.go')));
  });
});

describe('svc add usecase on a use case that exists', () => {
  it('is nothing to do with the same ports, and bad input with others', async () => {
    const root = await makeService();
    const before = snapshot(root);
    const same = await runAdd(root, addUsecaseOperation('GetOrder', { uses: 'Orders' }));
    expect(same.code).toBe(0);
    expect(same.stdout).toContain('nothing to do');
    const other = await runAdd(root, addUsecaseOperation('GetOrder', { uses: 'Orders,Clock' }));
    expect(other.code).toBe(2);
    expect(other.all).toContain('the use case GetOrder exists already, taking Orders');
    expect(snapshot(root)).toEqual(before);
  });
});
