import { describe, expect, it } from 'vitest';
import { svcListAction } from '../../../src/cli/svc-list-action.js';
import { addConsumerOperation } from '../../../src/targets/go/add/consumer.js';
import { addEventOperation } from '../../../src/targets/go/add/event.js';
import type { ServiceInventory } from '../../../src/target-contract/inventory.js';
import { hexagonMermaid } from '../../../src/ui/hexagon-mermaid.js';
import { captureOutput, makeService, read, runAdd, write } from './fixture.js';

async function listJson(root: string): Promise<ServiceInventory> {
  const listed = captureOutput(true);
  expect(await svcListAction(root, listed.out)).toBe(0);
  return JSON.parse(listed.text().stdout) as ServiceInventory;
}

describe('svc list: events', () => {
  it('lists each event with the use cases publishing it, the broker and the use cases its consumers run', async () => {
    const root = await makeService({ messaging: 'nats' });
    expect((await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }))).code).toBe(0);
    expect((await runAdd(root, addEventOperation('OrderReturned'))).code).toBe(0);
    const found = await listJson(root);
    expect(found.events).toEqual([
      { name: 'OrderPlaced', type: 'order.placed', file: 'internal/domain/order_events.go', publishers: ['CreateOrder'], broker: 'nats', consumers: ['ReserveStock'] },
      { name: 'OrderReturned', type: 'order.returned', file: 'internal/domain/order_returned_event.go', publishers: [], broker: 'nats', consumers: [] },
    ]);

    const text = captureOutput();
    expect(await svcListAction(root, text.out)).toBe(0);
    expect(text.text().stdout).toMatch(/Events \(2\)\n {2}order\.placed +published by CreateOrder +via nats +consumed by ReserveStock\n {2}order\.returned +published by no use case +via nats +no consumer\n/);

    const mermaid = hexagonMermaid(found).split('\n');
    expect(mermaid).toContain('    ev_order_placed["order.placed (nats)"]');
    expect(mermaid).toContain('  uc_CreateOrder -.->|"publishes"| ev_order_placed');
    expect(mermaid).toContain('  ev_order_placed -.->|"consumed by"| uc_ReserveStock');
  }, 90_000);

  it('reads the code, not names: an aliased domain import and a helper method publish; no broker is null', async () => {
    const root = await makeService();
    const file = 'internal/app/create_order.go';
    const original = read(root, file);
    const aliased = original.replace(/^(\s*)"example\.com\/orders\/internal\/domain"$/m, '$1dom "example.com/orders/internal/domain"').replaceAll('domain.', 'dom.');
    expect(aliased).not.toBe(original);
    // The event is built in a method of its own, not in Execute.
    const moved = aliased.replace('dom.NewOrderPlaced(', 'uc.placed(');
    expect(moved).not.toBe(aliased);
    write(root, file, `${moved}\nfunc (uc *CreateOrder) placed(id string, order dom.Order) (dom.Event, error) {\n\treturn dom.NewOrderPlaced(id, order)\n}\n`);
    const found = await listJson(root);
    expect(found.events).toEqual([{ name: 'OrderPlaced', type: 'order.placed', file: 'internal/domain/order_events.go', publishers: ['CreateOrder'], broker: null, consumers: [] }]);

    // A constant that looks like an event's but has no constructor is not an event.
    write(root, 'internal/domain/media.go', 'package domain\n\nconst MediaType = "application/json"\n');
    expect((await listJson(root)).events.map((event) => event.name)).toEqual(['OrderPlaced']);
  });

  it('has events: [] when the service declares none', async () => {
    const root = await makeService({ example: false });
    const found = await listJson(root);
    expect(found.events).toEqual([]);
    const text = captureOutput();
    expect(await svcListAction(root, text.out)).toBe(0);
    expect(text.text().stdout).not.toContain('Events');
  });
});
