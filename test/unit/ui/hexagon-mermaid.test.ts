import { describe, expect, it } from 'vitest';
import type { ServiceInventory } from '../../../src/target-contract/inventory.js';
import { hexagonMermaid } from '../../../src/ui/hexagon-mermaid.js';

const orders: ServiceInventory = {
  useCases: [
    { name: 'CreateOrder', ports: ['Orders', 'Clock'], routes: ['POST /v1/orders'] },
    { name: 'GetOrder', ports: ['Orders'], routes: ['GET /v1/orders/{id}', 'HEAD /v1/orders/{id}'] },
    { name: 'Reconcile', ports: [], routes: [] },
  ],
  ports: [
    { name: 'Orders', type: 'port.OrderRepository', interface: 'OrderRepository', file: 'internal/port/orders.go', methods: ['Save', 'Get'], adapter: 'redis.New(postgres.New(pool))', adapterPackage: 'redis', servedBy: ['redis', 'postgres'] },
    { name: 'Clock', type: 'Clock', interface: null, file: null, methods: [], adapter: null, adapterPackage: null, servedBy: [] },
  ],
  adapters: [
    { name: 'http', path: 'internal/adapter/http', direction: 'inbound', serves: ['POST /v1/orders', 'GET /v1/orders/{id}', 'HEAD /v1/orders/{id}'], useCases: ['CreateOrder', 'GetOrder'] },
    { name: 'postgres', path: 'internal/adapter/postgres', direction: 'outbound', serves: ['Orders'] },
    { name: 'redis', path: 'internal/adapter/redis', direction: 'outbound', serves: ['Orders'] },
  ],
  events: [],
};

describe('svc list --mermaid', () => {
  it('draws the hexagon: inbound adapters -> use cases -> ports -> outbound adapters', () => {
    expect(hexagonMermaid(orders)).toBe(
      [
        'flowchart LR',
        '  subgraph inbound_adapters["Inbound adapters"]',
        '    in_http["http"]',
        '  end',
        '  subgraph use_cases["Use cases"]',
        '    uc_CreateOrder["CreateOrder"]',
        '    uc_GetOrder["GetOrder"]',
        '    uc_Reconcile["Reconcile"]',
        '  end',
        '  subgraph ports["Ports"]',
        '    port_Orders["Orders: port.OrderRepository"]',
        '    port_Clock["Clock"]',
        '  end',
        '  subgraph outbound_adapters["Outbound adapters"]',
        '    out_postgres["postgres"]',
        '    out_redis["redis"]',
        '  end',
        '  in_http -->|"POST /v1/orders"| uc_CreateOrder',
        '  in_http -->|"GET /v1/orders/{id}, HEAD /v1/orders/{id}"| uc_GetOrder',
        '  uc_CreateOrder --> port_Orders',
        '  uc_CreateOrder --> port_Clock',
        '  uc_GetOrder --> port_Orders',
        '  port_Orders --> out_postgres',
        '  port_Orders --> out_redis',
        '',
      ].join('\n'),
    );
  });

  it('keeps ids valid and distinct, and labels quoted, whatever the names hold', () => {
    const text = hexagonMermaid({
      useCases: [],
      ports: [
        { name: 'a-b', type: 'Map<string, "x">', interface: null, file: null, methods: [], adapter: null, adapterPackage: null, servedBy: [] },
        { name: 'a_b', type: 'a_b', interface: null, file: null, methods: [], adapter: null, adapterPackage: null, servedBy: [] },
        { name: 'end', type: '#1', interface: null, file: null, methods: [], adapter: null, adapterPackage: null, servedBy: [] },
      ],
      adapters: [],
      events: [],
    });
    expect(text).toBe(
      [
        'flowchart LR',
        '  subgraph ports["Ports"]',
        '    port_a_b["a-b: Map#60;string, #34;x#34;#62;"]',
        '    port_a_b_2["a_b"]',
        '    port_end["end: #35;1"]',
        '  end',
        '',
      ].join('\n'),
    );
  });

  it('an empty service is an empty flowchart, not an empty subgraph', () => {
    expect(hexagonMermaid({ useCases: [], ports: [], adapters: [], events: [] })).toBe('flowchart LR\n');
  });

  it('draws events: use cases publish them, their consumers run use cases (dotted: asynchronous)', () => {
    const text = hexagonMermaid({
      useCases: [
        { name: 'CreateOrder', ports: [], routes: [] },
        { name: 'ReserveStock', ports: [], routes: [] },
      ],
      ports: [],
      adapters: [],
      events: [
        { name: 'OrderPlaced', type: 'order.placed', file: 'internal/domain/order_events.go', publishers: ['CreateOrder'], broker: 'kafka', consumers: ['ReserveStock'] },
        { name: 'OrderReturned', type: 'order.returned', file: 'internal/domain/order_returned_event.go', publishers: [], broker: null, consumers: ['Gone'] },
      ],
    });
    expect(text).toBe(
      [
        'flowchart LR',
        '  subgraph use_cases["Use cases"]',
        '    uc_CreateOrder["CreateOrder"]',
        '    uc_ReserveStock["ReserveStock"]',
        '  end',
        '  subgraph events["Events"]',
        '    ev_order_placed["order.placed (kafka)"]',
        '    ev_order_returned["order.returned"]',
        '  end',
        '  uc_CreateOrder -.->|"publishes"| ev_order_placed',
        '  ev_order_placed -.->|"consumed by"| uc_ReserveStock',
        '',
      ].join('\n'),
    );
  });
});
