import fs from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addEventOperation } from '../../../src/targets/go/add/event.js';
import { addTsEventOperation } from '../../../src/targets/ts/add/event.js';
import { addUsecaseOperation } from '../../../src/targets/go/add/usecase.js';
import { makeTsService } from '../ts-edit/fixture.js';
import { keepsLinesInOrder, makeService, read, runAdd, snapshot, write } from './fixture.js';

const ASYNCAPI = 'api/asyncapi.yaml';

/** The document's errors as @asyncapi/parser (offline: no remote $ref) reports them; empty when it is valid AsyncAPI. */
async function asyncApiErrors(text: string): Promise<string[]> {
  const { diagnostics } = await new Parser().parse(text);
  // Severity 0 is an error; warnings (1) and hints are style advice.
  return diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`);
}

describe('svc add event (Go)', () => {
  it('writes the versioned event type and creates api/asyncapi.yaml with its channel, message and payload schema', async () => {
    const root = await makeService();
    const result = await runAdd(root, addEventOperation('OrderShipped'));
    expect(result.code, result.all).toBe(0);
    const go = read(root, 'internal/domain/order_shipped_event.go');
    expect(go).toContain('\tOrderShippedType    = "order.shipped"\n\tOrderShippedVersion = 1\n');
    expect(go).toContain('type OrderShipped struct{}');
    expect(go).toContain('func NewOrderShipped(eventID string, occurredAt time.Time, key string, payload OrderShipped) (Event, error) {');
    expect(read(root, 'internal/domain/order_shipped_event_test.go')).toContain('func TestNewOrderShipped(t *testing.T) {');

    const text = read(root, ASYNCAPI);
    expect(await asyncApiErrors(text)).toEqual([]);
    const api = parse(text) as Record<string, any>;
    expect(api.asyncapi).toBe('3.0.0');
    expect(api.channels['order.shipped']).toEqual({ address: 'order.shipped', messages: { OrderShipped: { $ref: '#/components/messages/OrderShipped' } } });
    const message = api.components.messages.OrderShipped;
    expect(message.name).toBe('order.shipped');
    expect(message.payload.properties.type).toEqual({ type: 'string', const: 'order.shipped' });
    expect(message.payload.properties.schema_version).toEqual({ type: 'integer', const: 1 });
    expect(message.payload.properties.payload).toEqual({ $ref: '#/components/schemas/OrderShipped' });
    expect(api.components.schemas.OrderShipped.type).toBe('object');
    expect(result.stdout).toContain(ASYNCAPI);
    // The sample's own event, published by CreateOrder, is in the document it starts.
    expect(Object.keys(api.channels)).toEqual(['order.placed', 'order.shipped']);
    expect(Object.keys(api.components.schemas.OrderPlaced.properties)).toEqual(['order_id', 'customer_id', 'total', 'item_count']);
    expect(api.operations).toEqual({
      createOrderSendsOrderPlaced: {
        action: 'send',
        channel: { $ref: '#/channels/order.placed' },
        summary: 'CreateOrder publishes order.placed after its work.',
        messages: [{ $ref: '#/channels/order.placed/messages/OrderPlaced' }],
      },
    });
  });

  it("describes the sample's order.placed only as far as the code still is the sample's", async () => {
    const root = await makeService();
    const events = read(root, 'internal/domain/order_events.go');
    const changed = events.replace('\tItemCount  int     `json:"item_count"`\n', '\tItemCount  int     `json:"item_count"`\n\tCurrency   string  `json:"currency"`\n').replace('OrderPlacedVersion = 1', 'OrderPlacedVersion = 2');
    expect(changed).toContain('Currency');
    expect(changed).toContain('OrderPlacedVersion = 2');
    write(root, 'internal/domain/order_events.go', changed);
    expect((await runAdd(root, addEventOperation('OrderShipped'))).code).toBe(0);
    const api = parse(read(root, ASYNCAPI)) as Record<string, any>;
    expect(api.components.messages.OrderPlaced.payload.properties.schema_version).toEqual({ type: 'integer', const: 2 });
    expect(api.components.schemas.OrderPlaced.properties).toEqual({});
  });

  it('changes nothing the second time', async () => {
    const root = await makeService();
    expect((await runAdd(root, addEventOperation('OrderShipped'))).code).toBe(0);
    const before = snapshot(root);
    const again = await runAdd(root, addEventOperation('OrderShipped'));
    expect(again.code, again.all).toBe(0);
    expect(snapshot(root)).toEqual(before);
  });

  it('writes nothing on --dry-run and shows the new files', async () => {
    const root = await makeService();
    const before = snapshot(root);
    const result = await runAdd(root, addEventOperation('OrderShipped'), { dryRun: true });
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('internal/domain/order_shipped_event.go');
    expect(snapshot(root)).toEqual(before);
  });

  it('keeps every byte the user wrote in api/asyncapi.yaml, comments included, and keeps it valid', async () => {
    const root = await makeService();
    expect((await runAdd(root, addEventOperation('OrderShipped'))).code).toBe(0);
    const edited = read(root, ASYNCAPI)
      .replace('info:\n', '# owned by the orders team\ninfo:\n')
      .replace('  version: 0.1.0\n', '  version: 0.2.0   # bumped by hand\n')
      .replace("    address: order.shipped\n", "    address: order.shipped\n    description: Sent once the parcel left.   # ops asked\n");
    write(root, ASYNCAPI, edited);
    const result = await runAdd(root, addEventOperation('OrderCancelled'));
    expect(result.code, result.all).toBe(0);
    const after = read(root, ASYNCAPI);
    expect(keepsLinesInOrder(edited, after)).toBeNull();
    expect(after).toContain('    description: Sent once the parcel left.   # ops asked\n');
    const api = parse(after) as Record<string, any>;
    expect(Object.keys(api.channels)).toEqual(['order.placed', 'order.shipped', 'order.cancelled']);
    expect(Object.keys(api.components.messages)).toEqual(['OrderPlaced', 'OrderShipped', 'OrderCancelled']);
    expect(await asyncApiErrors(after)).toEqual([]);
  });

  it('puts a channel back that the user deleted while the event type stays theirs', async () => {
    const root = await makeService();
    expect((await runAdd(root, addEventOperation('OrderShipped'))).code).toBe(0);
    const go = read(root, 'internal/domain/order_shipped_event.go').replace('type OrderShipped struct{}', 'type OrderShipped struct {\n\tCarrier string `json:"carrier"`\n}');
    write(root, 'internal/domain/order_shipped_event.go', go);
    fs.rmSync(path.join(root, ASYNCAPI));
    const result = await runAdd(root, addEventOperation('OrderShipped'));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'internal/domain/order_shipped_event.go')).toBe(go);
    expect((parse(read(root, ASYNCAPI)) as Record<string, any>).channels['order.shipped'].address).toBe('order.shipped');
  });

  it('gives a service without the sample the Event envelope and the publisher port', async () => {
    const root = await makeService({ example: false });
    expect(fs.existsSync(path.join(root, 'internal/domain/event.go'))).toBe(false);
    const result = await runAdd(root, addEventOperation('InvoiceSent'));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'internal/domain/event.go')).toContain('func NewEvent(');
    expect(read(root, 'internal/port/event_publisher.go')).toContain('EventPublisher interface');
    expect(read(root, 'internal/domain/invoice_sent_event.go')).toContain('InvoiceSentType    = "invoice.sent"');
    expect(Object.keys((parse(read(root, ASYNCAPI)) as Record<string, any>).channels)).toEqual(['invoice.sent']);
  });

  it.each([
    ['a name the domain uses', 'Order', /Order is already declared in internal\/domain\/order\.go/],
    ['the envelope', 'Event', /domain\.Event is the envelope/],
    ['snake case', 'order_shipped', /invalid event name "order_shipped".*did you mean OrderShipped/s],
    ['a lower-case initialism', 'OrderIdAssigned', /OrderIDAssigned/],
  ])('refuses %s (exit 2), writing nothing', async (_what, name, message) => {
    const root = await makeService();
    const before = snapshot(root);
    const result = await runAdd(root, addEventOperation(name));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });

  it("takes the sample's OrderPlaced as declared: from CreateOrder there is nothing to do, from another use case it is refused", async () => {
    const root = await makeService();
    const domain = ['internal/domain/order_events.go', 'internal/domain/order_events_test.go'].map((file) => read(root, file));
    const from = await runAdd(root, addEventOperation('OrderPlaced', { from: 'CreateOrder' }));
    expect(from.code, from.all).toBe(0);
    expect(['internal/domain/order_events.go', 'internal/domain/order_events_test.go'].map((file) => read(root, file))).toEqual(domain);
    expect(fs.existsSync(path.join(root, 'internal/domain/order_placed_event.go'))).toBe(false);
    const before = snapshot(root);
    const other = await runAdd(root, addEventOperation('OrderPlaced', { from: 'GetOrder' }));
    expect(other.code, other.all).toBe(2);
    expect(other.all).toContain('OrderPlaced is declared in internal/domain/order_events.go, not by svc add event, so --from GetOrder cannot tell how to build it');
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a name that collides with user code in package domain (exit 2), writing nothing', async () => {
    const root = await makeService();
    write(root, 'internal/domain/shipping.go', 'package domain\n\n// OrderShippedType is the user\'s own.\ntype OrderShippedType int\n');
    const before = snapshot(root);
    const result = await runAdd(root, addEventOperation('OrderShipped'));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toContain('OrderShippedType is already declared in internal/domain/shipping.go');
    expect(snapshot(root)).toEqual(before);
  });

  it('fails without touching a file when api/asyncapi.yaml does not parse (exit 1)', async () => {
    const root = await makeService();
    write(root, ASYNCAPI, 'asyncapi: 3.0.0\nchannels: [unclosed\n');
    const before = snapshot(root);
    const result = await runAdd(root, addEventOperation('OrderShipped'));
    expect(result.code, result.all).toBe(1);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('svc add event (TypeScript)', () => {
  it('is not yet for TypeScript (exit 2), writing nothing', async () => {
    const root = await makeTsService();
    const before = snapshot(root);
    const result = await runAdd(root, addTsEventOperation('OrderShipped'));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toContain('not yet for TypeScript');
    expect(snapshot(root)).toEqual(before);
  });
});

/** ShipOrder, written from its skeleton by a user with names of their own (field, parameter, receiver, ctx). */
function implementShipOrder(root: string): void {
  const file = 'internal/app/ship_order.go';
  const skeleton = read(root, file);
  const start = skeleton.indexOf('// ShipOrder is the use case');
  const end = skeleton.indexOf('// validate reports');
  write(
    root,
    file,
    skeleton.slice(0, start) +
      [
        '// ShipOrder hands a stored order to the carrier.',
        'type ShipOrder struct {',
        '\trepo port.OrderRepository // where orders live',
        '}',
        '',
        '// NewShipOrder returns the use case.',
        'func NewShipOrder(r port.OrderRepository) *ShipOrder {',
        '\treturn &ShipOrder{repo: r}',
        '}',
        '',
        '// Execute ships the order named by in.Reference.',
        'func (s *ShipOrder) Execute(c context.Context, in ShipOrderInput) (ShipOrderOutput, error) {',
        '\torder, err := s.repo.Get(c, domain.OrderID(in.Reference))',
        '\tif err != nil {',
        '\t\treturn ShipOrderOutput{}, fmt.Errorf("ship order %s: %w", in.Reference, err)',
        '\t}',
        '\treturn ShipOrderOutput{Reference: string(order.ID)}, nil',
        '}',
        '',
        '',
      ].join('\n') +
      skeleton.slice(end),
  );
}

async function withShipOrder(implemented: boolean): Promise<string> {
  const root = await makeService();
  expect((await runAdd(root, addUsecaseOperation('ShipOrder', { uses: 'Orders' }))).code).toBe(0);
  if (implemented) implementShipOrder(root);
  return root;
}

describe('svc add event --from (Go)', () => {
  it('publishes from the sample CreateOrder, which has every port already: only Execute and the document change', async () => {
    const root = await makeService();
    const app = read(root, 'internal/app/app.go');
    const result = await runAdd(root, addEventOperation('OrderConfirmed', { from: 'CreateOrder' }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'internal/app/app.go')).toBe(app);
    const useCase = read(root, 'internal/app/create_order.go');
    const publish = [
      '\torderConfirmed, err := domain.NewOrderConfirmed(uc.ids.NewID(), uc.clock.Now(), "", domain.OrderConfirmed{})',
      '\tif err != nil {',
      '\t\treturn CreateOrderOutput{}, fmt.Errorf("event %s: %w", domain.OrderConfirmedType, err)',
      '\t}',
      '\tif err := uc.events.Publish(ctx, orderConfirmed); err != nil {',
      '\t\treturn CreateOrderOutput{}, fmt.Errorf("publish %s: %w", orderConfirmed.Type, err)',
      '\t}',
      '\treturn CreateOrderOutput{Order: order}, nil',
    ].join('\n');
    expect(useCase).toContain(publish);
    const api = parse(read(root, ASYNCAPI)) as Record<string, any>;
    expect(api.operations.createOrderSendsOrderConfirmed).toEqual({
      action: 'send',
      channel: { $ref: '#/channels/order.confirmed' },
      summary: 'CreateOrder publishes order.confirmed after its work.',
      messages: [{ $ref: '#/channels/order.confirmed/messages/OrderConfirmed' }],
    });
    expect(await asyncApiErrors(read(root, ASYNCAPI))).toEqual([]);
  });

  it('gives a hand-written use case the ports it lacks in its own names, passes them in New and in its tests, and changes nothing the second time', async () => {
    const root = await withShipOrder(true);
    const result = await runAdd(root, addEventOperation('OrderShipped', { from: 'ShipOrder' }));
    expect(result.code, result.all).toBe(0);
    const useCase = read(root, 'internal/app/ship_order.go');
    expect(useCase).toContain('type ShipOrder struct {\n\trepo   port.OrderRepository // where orders live\n\tevents port.EventPublisher\n\tids    port.IDGenerator\n\tclock  port.Clock\n}');
    expect(useCase).toContain('func NewShipOrder(r port.OrderRepository, events port.EventPublisher, ids port.IDGenerator, clock port.Clock) *ShipOrder {');
    expect(useCase).toContain('\t\trepo:   r,\n\t\tevents: events,\n\t\tids:    ids,\n\t\tclock:  clock,\n');
    expect(useCase).toContain('\torderShipped, err := domain.NewOrderShipped(s.ids.NewID(), s.clock.Now(), "", domain.OrderShipped{})\n');
    expect(useCase).toContain('\tif err := s.events.Publish(c, orderShipped); err != nil {\n');
    expect(read(root, 'internal/app/app.go')).toContain('ShipOrder:   NewShipOrder(p.Orders, p.Events, p.IDs, p.Clock),');
    expect(read(root, 'internal/app/ship_order_test.go')).toContain('app.NewShipOrder(&fakeOrderRepository{}, &stubEventPublisher{}, &stubIDs{}, stubClock{})');
    expect(read(root, 'internal/app/event_stubs_test.go')).toContain('func (s *stubIDs) NewID() string {');

    const before = snapshot(root);
    const again = await runAdd(root, addEventOperation('OrderShipped', { from: 'ShipOrder' }));
    expect(again.code, again.all).toBe(0);
    expect(snapshot(root)).toEqual(before);
  });

  it('reuses the fields a use case has and adds a second event without new ports or stubs', async () => {
    const root = await withShipOrder(true);
    expect((await runAdd(root, addEventOperation('OrderShipped', { from: 'ShipOrder' }))).code).toBe(0);
    const app = read(root, 'internal/app/app.go');
    const tests = read(root, 'internal/app/ship_order_test.go');
    const result = await runAdd(root, addEventOperation('ParcelHandedOver', { from: 'ShipOrder' }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'internal/app/app.go')).toBe(app);
    expect(read(root, 'internal/app/ship_order_test.go')).toBe(tests);
    expect(read(root, 'internal/app/ship_order.go')).toContain('\tif err := s.events.Publish(c, parcelHandedOver); err != nil {\n');
  });

  it('writes nothing on --dry-run', async () => {
    const root = await withShipOrder(true);
    const before = snapshot(root);
    const result = await runAdd(root, addEventOperation('OrderShipped', { from: 'ShipOrder' }), { dryRun: true });
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('internal/app/ship_order.go');
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    ['a use case App does not hold', async () => makeService(), 'Nope', /holds no use case Nope.*use cases: CreateOrder, GetOrder/s],
    ['a skeleton still failing with ErrNotImplemented', async () => withShipOrder(false), 'ShipOrder', /ShipOrder is not implemented yet/],
    [
      'app.Ports without an EventPublisher',
      async () => {
        const root = await makeService();
        write(root, 'internal/app/app.go', read(root, 'internal/app/app.go').replace('\tEvents port.EventPublisher\n', ''));
        return root;
      },
      'CreateOrder',
      /publishing needs port\.EventPublisher in app\.Ports.*svc add adapter nats/s,
    ],
  ])('refuses %s (exit 2), writing nothing', async (_what, make, from, message) => {
    const root = await make();
    const before = snapshot(root);
    const result = await runAdd(root, addEventOperation('OrderShipped', { from }));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });
});
