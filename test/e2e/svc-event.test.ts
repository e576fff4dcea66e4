import fs from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { checkGoProject, goTool } from '../helpers/go.js';
import { svc } from '../helpers/orders-service.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

/** ShipOrder as a user writes it from the skeleton: its own names for the field, the parameter, the receiver and ctx. */
function implement(root: string): void {
  const file = path.join(root, 'internal/app/ship_order.go');
  const skeleton = fs.readFileSync(file, 'utf8');
  const start = skeleton.indexOf('// ShipOrder is the use case');
  const end = skeleton.indexOf('// validate reports');
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  const written = `// ShipOrder hands a stored order to the carrier.
type ShipOrder struct {
	repo port.OrderRepository // where orders live
}

// NewShipOrder returns the use case.
func NewShipOrder(r port.OrderRepository) *ShipOrder {
	return &ShipOrder{repo: r}
}

// Execute ships the order named by in.Reference.
func (s *ShipOrder) Execute(c context.Context, in ShipOrderInput) (ShipOrderOutput, error) {
	if err := c.Err(); err != nil {
		return ShipOrderOutput{}, err
	}
	if err := in.validate(); err != nil {
		return ShipOrderOutput{}, err
	}
	order, err := s.repo.Get(c, domain.OrderID(in.Reference))
	if err != nil {
		return ShipOrderOutput{}, fmt.Errorf("ship order %s: %w", in.Reference, err)
	}
	return ShipOrderOutput{Reference: string(order.ID)}, nil
}

`;
  fs.writeFileSync(file, skeleton.slice(0, start) + written + skeleton.slice(end));
  const test = path.join(root, 'internal/app/ship_order_test.go');
  fs.writeFileSync(
    test,
    fs
      .readFileSync(test, 'utf8')
      .replace('name:    "fails with ErrNotImplemented until it is implemented",\n\t\t\tin:      app.ShipOrderInput{Reference: "ref-1"},\n\t\t\twantErr: domain.ErrNotImplemented,', 'name: "ships the order",\n\t\t\tin:   app.ShipOrderInput{Reference: "ref-1"},'),
  );
}

describe('svc add event on a generated service', () => {
  it('adds events and publishes one from a use case the user wrote; the service stays gofmt-, vet-, lint- and race-clean', async () => {
    const cwd = makeTempDir();
    const created = await runCli('create-service', ['orders', '--yes', '--no-git'], { cwd });
    expect(created.exitCode, created.stderr).toBe(0);
    const root = path.join(cwd, 'orders');
    expect((await svc(root, 'add', 'usecase', 'ShipOrder', '--uses', 'Orders')).exitCode).toBe(0);

    // A skeleton fails with ErrNotImplemented: publishing from it would announce what did not happen.
    const skeleton = snapshot(root);
    const refused = await svc(root, 'add', 'event', 'OrderShipped', '--from', 'ShipOrder');
    expect(refused.exitCode, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('ShipOrder is not implemented yet');
    expect(snapshot(root)).toEqual(skeleton);

    implement(root);
    const steps = [
      ['add', 'event', 'OrderShipped', '--from', 'ShipOrder'],
      ['add', 'event', 'OrderReturned'],
      // The sample's own use case and its test, which asserts the order.placed event it publishes.
      ['add', 'event', 'OrderConfirmed', '--from', 'CreateOrder'],
    ];
    for (const args of steps) {
      const result = await svc(root, ...args);
      expect(result.exitCode, `svc ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
      expect(result.stdout).toMatch(/^CREATE internal\/domain\/order_(shipped|returned|confirmed)_event\.go/m);
    }
    const useCase = fs.readFileSync(path.join(root, 'internal/app/ship_order.go'), 'utf8');
    expect(useCase).toContain('func NewShipOrder(r port.OrderRepository, events port.EventPublisher, ids port.IDGenerator, clock port.Clock) *ShipOrder {');
    expect(useCase).toContain('if err := s.events.Publish(c, orderShipped); err != nil {');
    expect(fs.readFileSync(path.join(root, 'internal/app/app.go'), 'utf8')).toContain('NewShipOrder(p.Orders, p.Events, p.IDs, p.Clock)');

    const { testOutput } = await checkGoProject(root);
    expect(testOutput).toMatch(/^ok\s+example\.com\/orders\/internal\/app\s/m);
    expect(testOutput).toMatch(/^ok\s+example\.com\/orders\/internal\/domain\s/m);
    const verbose = await goTool(root, 'go', ['test', '-count=1', '-v', '-run', 'TestShipOrder|TestCreateOrder|TestNewOrderShipped|TestNewOrderReturned', './internal/app/', './internal/domain/']);
    expect(verbose).toContain('--- PASS: TestShipOrder/ships_the_order');
    expect(verbose).toContain('--- PASS: TestNewOrderShipped');
    expect(verbose).toContain('--- PASS: TestNewOrderReturned');
    expect(verbose).toContain('--- PASS: TestCreateOrder/creates_a_pending_order');

    const document = fs.readFileSync(path.join(root, 'api/asyncapi.yaml'), 'utf8');
    const { diagnostics } = await new Parser().parse(document);
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => d.message)).toEqual([]);
    const api = parse(document) as { channels: Record<string, unknown>; operations: Record<string, { action: string }> };
    expect(Object.keys(api.channels)).toEqual(['order.placed', 'order.shipped', 'order.returned', 'order.confirmed']);
    expect(api.operations.shipOrderSendsOrderShipped?.action).toBe('send');

    const before = snapshot(root);
    for (const args of steps) {
      const again = await svc(root, ...args);
      expect(again.exitCode, again.stderr).toBe(0);
      expect(again.stdout).toMatch(/nothing to do/);
    }
    expect(snapshot(root)).toEqual(before);
  });
});
