import { describe, expect, it } from 'vitest';
import type { AddOperation } from '../../../src/target-contract/add-operation.js';
import { addPortOperation } from '../../../src/targets/go/add/port.js';
import { addUsecaseOperation } from '../../../src/targets/go/add/usecase.js';
import { AnchorNotFoundError } from '../../../src/targets/go/edit/errors.js';
import { keepsLinesInOrder, makeService, read, runAdd, snapshot, write } from './fixture.js';

/** The composition-root file that builds app.Ports (bootstrap.go or ports.go, as the templates have it). */
function wiringText(root: string): string {
  return ['internal/bootstrap/ports.go', 'internal/bootstrap/bootstrap.go'].map((file) => { try { return read(root, file); } catch { return ''; } }).find((text) => text.includes('app.Ports{')) ?? '';
}

const port = (name: string, ...methods: string[]) => addPortOperation(name, { methods });
const CHARGE = 'Charge(ctx context.Context, amount int64) (string, error)';

describe('svc add port', () => {
  it('writes the interface, a memory adapter with its test and a fake, and wires them', async () => {
    const root = await makeService();
    const result = await runAdd(root, port('PaymentGateway', CHARGE, 'Refund(ctx context.Context, id domain.OrderID) error', 'Name() string'));
    expect(result.code, result.all).toBe(0);
    const iface = read(root, 'internal/port/payment_gateway.go');
    expect(iface).toContain('type PaymentGateway interface {\n\tCharge(ctx context.Context, amount int64) (string, error)\n');
    expect(iface).toContain('import (\n\t"context"\n\n\t"example.com/orders/internal/domain"\n)\n');
    const memory = read(root, 'internal/adapter/memory/payment_gateway.go');
    expect(memory).toContain('var _ port.PaymentGateway = (*PaymentGateway)(nil)');
    expect(memory).toContain('return r0, fmt.Errorf("memory.PaymentGateway.Charge: %w", errors.ErrUnsupported)');
    expect(memory).toContain('func (a *PaymentGateway) Refund(ctx context.Context, _ domain.OrderID) error {\n\tif err := ctx.Err(); err != nil {');
    expect(memory).toContain('func (a *PaymentGateway) Name() string {\n\tvar zero string\n\treturn zero\n}');
    expect(read(root, 'internal/adapter/memory/payment_gateway_test.go')).toContain('if !errors.Is(err, context.Canceled) {');
    expect(read(root, 'internal/app/payment_gateway_fake_test.go')).toContain('func (f *fakePaymentGateway) Charge(_ context.Context, _ int64) (string, error) {');
    expect(read(root, 'internal/app/app.go')).toMatch(/\tPaymentGateway port\.PaymentGateway\n}/);
    expect(wiringText(root)).toMatch(/\t\tPaymentGateway: memory\.NewPaymentGateway\(\),\n\t}/);
  });

  it('into a service without the sample: imports port in app.go and memory in bootstrap, and writes the package doc', async () => {
    const root = await makeService({ example: false, metrics: 'none', tracing: 'none', deploy: ['none'] }, 'bare');
    const result = await runAdd(root, port('Payments', 'Charge(ctx context.Context, amount int64) error'));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'internal/app/app.go')).toContain('import "example.com/bare/internal/port"');
    expect(wiringText(root)).toContain('\t"example.com/bare/internal/adapter/memory"\n');
    expect(wiringText(root)).toContain('app.Ports{\n\t\tPayments: memory.NewPayments(),\n\t}');
    expect(read(root, 'internal/adapter/memory/doc.go')).toContain('package memory');
  });

  it('writes a memory-adapter test that imports only what it uses', async () => {
    const root = await makeService();
    const result = await runAdd(root, port('Lookup', 'Find(ctx context.Context, id string) (domain.Order, error)', 'Near(ctx context.Context, at time.Time, ids ...domain.OrderID) error'));
    expect(result.code, result.all).toBe(0);
    const test = read(root, 'internal/adapter/memory/lookup_test.go');
    // The results are blank and variadic arguments are left out: only time.Time is declared.
    expect(test).toContain('import (\n\t"context"\n\t"errors"\n\t"testing"\n\t"time"\n\n\t"example.com/orders/internal/adapter/memory"\n)\n');
    expect(test).toContain('\t\tvar arg1 time.Time\n');
    expect(read(root, 'internal/adapter/memory/lookup.go')).toContain('\t"example.com/orders/internal/domain"\n');
    expect(read(root, 'internal/port/lookup.go')).toContain('import (\n\t"context"\n\t"time"\n\n\t"example.com/orders/internal/domain"\n)\n');
  });

  it('is idempotent', async () => {
    const root = await makeService();
    expect((await runAdd(root, port('PaymentGateway', CHARGE))).code).toBe(0);
    const before = snapshot(root);
    const again = await runAdd(root, port('PaymentGateway', CHARGE));
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('dry-run writes nothing', async () => {
    const root = await makeService();
    const before = snapshot(root);
    const result = await runAdd(root, port('PaymentGateway', CHARGE), { dryRun: true });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('CREATE internal/port/payment_gateway.go');
    expect(result.stdout).toContain('+\t\tPaymentGateway: memory.NewPaymentGateway(),');
    expect(snapshot(root)).toEqual(before);
  });

  it('a use case can take the new port, and its test uses the generated fake', async () => {
    const root = await makeService();
    expect((await runAdd(root, port('PaymentGateway', CHARGE))).code).toBe(0);
    const result = await runAdd(root, addUsecaseOperation('Pay', { uses: 'PaymentGateway' }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'internal/app/pay_test.go')).toContain('app.NewPay(&fakePaymentGateway{})');
    expect(result.stdout).not.toContain('payment_gateway_fake_test.go');
  });

  describe('bad input exits 2 and writes nothing', () => {
    const cases: [string, AddOperation, RegExp][] = [
      ['no method', port('Audit'), /needs at least one method[\s\S]*svc add port Audit --method/],
      ['lower-case name', port('paymentGateway'), /upper-case letter/],
      ['keyword', port('Interface'), /Go keyword/],
      ['path', port('../PaymentGateway'), /path/],
      ['existing port type', port('OrderRepository', 'Count(ctx context.Context) (int, error)'), /OrderRepository is already declared in internal\/port\/order_repository\.go[\s\S]*svc add port OrderRepositoryV2 --method/],
      ['unparsable method', port('PaymentGateway', 'Charge(ctx context.Context, amount int64 error'), /does not parse as a Go interface method/],
      ['two methods in one flag', port('PaymentGateway', 'A(ctx context.Context) error; B()'), /exactly one method/],
      ['embedded type', port('PaymentGateway', 'io.Reader'), /embedded type/],
      ['unexported method', port('PaymentGateway', 'charge(ctx context.Context) error'), /must be exported/],
      ['no context', port('PaymentGateway', 'Charge(amount int64) error'), /first parameter must be ctx context\.Context/],
      ['duplicate method', port('PaymentGateway', 'A(ctx context.Context) error', 'A(ctx context.Context) error'), /given twice/],
      ['foreign package', port('PaymentGateway', 'Charge(ctx context.Context, r *http.Request) error'), /unknown package http/],
    ];
    it.each(cases)('%s', async (_label, operation, message) => {
      const root = await makeService();
      const before = snapshot(root);
      const result = await runAdd(root, operation);
      expect(result.code, result.all).toBe(2);
      expect(result.all).toMatch(message);
      expect(snapshot(root)).toEqual(before);
    });
  });

  it('suggests the context form for a method without ctx', async () => {
    const result = await runAdd(await makeService(), port('PaymentGateway', 'Charge(amount int64) error'));
    expect(result.all).toContain('--method "Charge(ctx context.Context, amount int64) error"');
  });

  it('a composition root without an app.Ports literal: nothing changes, the wiring line is printed', async () => {
    const root = await makeService();
    const file = ['internal/bootstrap/ports.go', 'internal/bootstrap/bootstrap.go'].find((candidate) => read(root, candidate).includes('app.Ports{')) ?? '';
    const text = read(root, file);
    const start = text.indexOf('app.Ports{');
    const literal = text.slice(start, text.indexOf('}', start) + 1);
    write(root, file, text.replace(literal, 'ports()').concat('\nfunc ports() app.Ports { var p app.Ports; return p }\n'));
    const before = snapshot(root);
    const result = await runAdd(root, port('PaymentGateway', CHARGE));
    expect(result.code, result.all).toBe(1);
    expect(result.error).toBeInstanceOf(AnchorNotFoundError);
    expect((result.error as AnchorNotFoundError).manualSnippet).toBe('PaymentGateway: memory.NewPaymentGateway(),');
    expect(snapshot(root)).toEqual(before);
  });

  it("keeps every line of the user's bootstrap.go and app.go", async () => {
    const root = await makeService();
    const file = ['internal/bootstrap/ports.go', 'internal/bootstrap/bootstrap.go'].find((candidate) => read(root, candidate).includes('app.Ports{')) ?? '';
    const original = read(root, file);
    const bootstrap = original
      .replace('\t\tOrders: memory.NewOrderRepository(),', '\t\t// Bestellungen: in memory for now — ça marche.\n\t\tOrders: memory.NewOrderRepository(),\n')
      .replace('package bootstrap\n', 'package bootstrap\n\n// ☕ composed by hand, too.\n')
      .concat('\n// extra is a helper the team added.\nfunc extra() int {\n\treturn 42 // the answer\n}\n');
    expect(bootstrap).toContain('Bestellungen');
    write(root, file, bootstrap);
    const app = read(root, 'internal/app/app.go').replace('\tIDs    port.IDGenerator', '\tIDs    port.IDGenerator // IDs für alles\n\n\t// Payments come later.');
    write(root, 'internal/app/app.go', app);
    const result = await runAdd(root, port('PaymentGateway', CHARGE));
    expect(result.code, result.all).toBe(0);
    expect(keepsLinesInOrder(bootstrap, read(root, file))).toBeNull();
    expect(keepsLinesInOrder(app, read(root, 'internal/app/app.go'))).toBeNull();
    expect(read(root, file)).toContain('PaymentGateway: memory.NewPaymentGateway(),');
  });
});

describe('svc add port on a port that exists', () => {
  it('refuses a Ports field of that name with another type', async () => {
    const root = await makeService();
    const before = snapshot(root);
    const result = await runAdd(root, port('Orders', 'Count(ctx context.Context) (int, error)'));
    expect(result.code).toBe(2);
    expect(result.all).toContain('app.Ports already has a field Orders of type port.OrderRepository');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses other methods, showing both signatures', async () => {
    const root = await makeService();
    expect((await runAdd(root, port('PaymentGateway', CHARGE))).code).toBe(0);
    const before = snapshot(root);
    for (const methods of [[CHARGE, 'Refund(ctx context.Context) error'], ['Charge(ctx context.Context, amount int32) (string, error)']]) {
      const result = await runAdd(root, port('PaymentGateway', ...methods));
      expect(result.code, result.all).toBe(2);
      expect(result.all).toContain(`it has:    ${CHARGE}`);
      expect(result.all).toContain(`requested: ${methods.join('; ')}`);
    }
    expect(snapshot(root)).toEqual(before);
  });

  it('is nothing to do with the same signatures, parameter names and spacing aside', async () => {
    const root = await makeService();
    expect((await runAdd(root, port('PaymentGateway', CHARGE, 'Refund(ctx context.Context, ids ...string) error'))).code).toBe(0);
    const before = snapshot(root);
    const again = await runAdd(root, port('PaymentGateway', 'Refund(c context.Context, refs ...string)  error', 'Charge(ctx  context.Context, cents int64) (ref string, err error)'));
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });
});
