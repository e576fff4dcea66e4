import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { checkGoProject, goTool } from '../helpers/go.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

/** The adds of one sequence: two ports, several use cases (one on both ports, some over HTTP). */
function sequence(first: string, second: string): string[][] {
  return [
    ['add', 'port', 'PaymentGateway', '--method', 'Charge(ctx context.Context, customer string, amount int64) (string, error)', '--method', 'Refund(ctx context.Context, reference string) error'],
    ['add', 'port', 'Notifier', '--method', 'Notify(ctx context.Context, to string, message string) error', '--method', 'Name() string'],
    ['add', 'usecase', 'CreateInvoice', '--uses', `${first},${second}`, '--http', 'POST /v1/invoices'],
    ['add', 'usecase', 'GetInvoice', '--uses', first, '--http', 'GET /v1/invoices/{id}'],
    ['add', 'usecase', 'ListInvoices', '--http', 'GET /v1/invoices'],
    ['add', 'usecase', 'RemindCustomers', '--uses', second],
    ['add', 'usecase', 'Ping'],
  ];
}

async function svc(root: string, args: string[]): Promise<CliResult> {
  return runCli('svc', args, { cwd: path.join(root, 'internal') });
}

async function grow(root: string, steps: string[][]): Promise<void> {
  for (const args of steps) {
    const result = await svc(root, args);
    expect(result.exitCode, `svc ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/^CREATE /m);
  }
}

async function rerunChangesNothing(root: string, steps: string[][]): Promise<void> {
  const before = snapshot(root);
  for (const args of steps) {
    const result = await svc(root, args);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/nothing to do/);
    expect(result.stdout).not.toMatch(/^(CREATE|UPDATE) /m);
  }
  expect(snapshot(root)).toEqual(before);
}

describe('svc add usecase / port on a generated service', () => {
  it('grows the default service, which stays gofmt-, vet-, lint- and race-clean', async () => {
    const cwd = makeTempDir();
    const created = await runCli('create-service', ['orders', '--yes', '--no-git'], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    const root = path.join(cwd, 'orders');
    // --uses takes the interface (OrderRepository, field Orders) and any case (paymentgateway) too.
    const steps = sequence('OrderRepository', 'paymentgateway');
    steps.splice(3, 0, ['add', 'usecase', 'Checkout', '--uses', 'PaymentGateway,Notifier', '--http', 'POST /v1/orders/{id}/checkout']);
    await grow(root, steps);

    const { testOutput } = await checkGoProject(root);
    expect(testOutput).toMatch(/^ok\s+example\.com\/orders\/internal\/app\s/m);
    expect(testOutput).toMatch(/^ok\s+example\.com\/orders\/internal\/adapter\/memory\s/m);
    expect(testOutput).toMatch(/^ok\s+example\.com\/orders\/internal\/adapter\/http\s/m);
    // New use cases are skeletons: valid input is answered 501 (never a fake 200), a blank path field 422.
    const skeletons = await goTool(root, 'go', ['test', '-count=1', '-v', '-run', 'TestCheckout|TestGetInvoice', './internal/adapter/http/', './internal/app/']);
    expect(skeletons).toContain('--- PASS: TestCheckout/answers_501_until_Checkout_is_implemented');
    expect(skeletons).toContain('--- PASS: TestCheckout/rejects_a_blank_id');
    expect(skeletons).toContain('--- PASS: TestGetInvoice/fails_with_ErrNotImplemented_until_it_is_implemented');

    const list = await svc(root, ['list', '--json']);
    expect(list.exitCode).toBe(0);
    const found = JSON.parse(list.stdout) as { useCases: { name: string; ports: string[]; routes: string[] }[]; ports: { name: string; adapter: string }[] };
    expect(found.useCases.map((uc) => uc.name)).toEqual(['CreateOrder', 'GetOrder', 'CreateInvoice', 'Checkout', 'GetInvoice', 'ListInvoices', 'RemindCustomers', 'Ping']);
    expect(found.useCases.find((uc) => uc.name === 'Checkout')).toEqual({ name: 'Checkout', ports: ['PaymentGateway', 'Notifier'], routes: ['POST /v1/orders/{id}/checkout'] });
    expect(found.ports.map((port) => [port.name, port.adapter])).toEqual([
      ['Orders', 'memory.NewOrderRepository()'],
      ['Clock', 'system.Clock{}'],
      ['IDs', 'system.IDGenerator{}'],
      ['Events', 'memory.NewEventPublisher()'],
      ['Tx', 'memory.Transactor{}'],
      ['PaymentGateway', 'memory.NewPaymentGateway()'],
      ['Notifier', 'memory.NewNotifier()'],
    ]);
    const openapi = fs.readFileSync(path.join(root, 'api/openapi.yaml'), 'utf8');
    expect(openapi).toMatch(/\n {2}\/v1\/orders\/\{id\}\/checkout:\n {4}post:\n {6}tags: \[orders\]\n {6}operationId: checkout\n/);

    await rerunChangesNothing(root, steps);
    const doctor = await svc(root, ['doctor']);
    expect(doctor.exitCode, doctor.stdout).toBe(0);
    expect(doctor.stdout).toContain('The service is healthy.');
  });

  it('grows a service without the sample, metrics, tracing or deploy files', async () => {
    const cwd = makeTempDir();
    const created = await runCli('create-service', ['bare', '--yes', '--no-git', '--no-example', '--metrics', 'none', '--tracing', 'none', '--deploy', 'none'], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    const root = path.join(cwd, 'bare');
    const steps = sequence('PaymentGateway', 'Notifier');
    await grow(root, steps);

    await checkGoProject(root);
    const list = JSON.parse((await svc(root, ['list', '--json'])).stdout) as { useCases: { name: string }[]; ports: { name: string }[] };
    expect(list.useCases.map((uc) => uc.name)).toEqual(['CreateInvoice', 'GetInvoice', 'ListInvoices', 'RemindCustomers', 'Ping']);
    expect(list.ports.map((port) => port.name)).toEqual(['PaymentGateway', 'Notifier']);
    await rerunChangesNothing(root, steps);
    expect((await svc(root, ['doctor'])).exitCode).toBe(0);
  });

  it('bad input exits 2 and writes nothing, also outside a service', async () => {
    const cwd = makeTempDir();
    expect((await runCli('create-service', ['orders', '--yes', '--no-git', '--no-install'], { cwd })).exitCode).toBe(0);
    const root = path.join(cwd, 'orders');
    const before = snapshot(root);
    for (const args of [
      ['add', 'usecase', 'createInvoice'],
      ['add', 'usecase', 'CreateInvoice', '--uses', 'Payments'],
      ['add', 'port', 'Gateway', '--method', 'Charge(amount int64) error'],
      ['add', 'usecase'],
    ]) {
      const result = await svc(root, args);
      expect(result.exitCode, `${args.join(' ')}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(/error/);
    }
    expect(snapshot(root)).toEqual(before);
    const outside = await runCli('svc', ['add', 'usecase', 'CreateInvoice'], { cwd: makeTempDir() });
    expect(outside.exitCode).toBe(2);
    expect(outside.stderr).toContain('no svc.json found');
  });
});
