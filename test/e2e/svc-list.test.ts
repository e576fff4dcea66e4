import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

interface Inventory {
  name: string;
  module: string;
  useCases: Record<string, unknown>[];
  ports: Record<string, unknown>[];
  adapters: Record<string, unknown>[];
  events: Record<string, unknown>[];
}

/** The keys of every object of a kind, as one sorted list per kind: the JSON's schema, without its values. */
function schemaOf(inventory: Inventory) {
  const keys = (entries: Record<string, unknown>[]) => [...new Set(entries.map((entry) => Object.keys(entry).sort().join(',')))].sort();
  return {
    top: Object.keys(inventory).sort(),
    useCases: keys(inventory.useCases),
    ports: keys(inventory.ports),
    inbound: keys(inventory.adapters.filter((adapter) => adapter.direction === 'inbound')),
    outbound: keys(inventory.adapters.filter((adapter) => adapter.direction === 'outbound')),
    events: keys(inventory.events),
  };
}

// svc list reads the code only (tree-sitter, ts-morph): no go, no npm install needed.
describe.each([
  // A Go service's sample declares order.placed (published in memory without a broker); a TypeScript service has no events yet.
  { lang: 'go', orders: 'Orders', http: 'POST /v1/orders', events: ['broker,consumers,file,name,publishers,type'] },
  { lang: 'ts', orders: 'orders', http: 'POST /v1/orders', events: [] },
])('svc list on a generated $lang service', ({ lang, orders, http, events }) => {
  let root = '';
  beforeAll(async () => {
    const parent = makeTempDir('svc-list-');
    const created = await runCli('create-service', ['orders', '--lang', lang, '--datastore', 'postgres,redis', '--yes', '--no-install', '--no-git'], { cwd: parent });
    expect(created.exitCode, created.stderr).toBe(0);
    root = path.join(parent, 'orders');
  });

  it('--json has the same schema for every target', async () => {
    const listed = await runCli('svc', ['list', '--json'], { cwd: root });
    expect(listed.exitCode, listed.stderr).toBe(0);
    const inventory = JSON.parse(listed.stdout) as Inventory;
    expect(schemaOf(inventory)).toEqual({
      top: ['adapters', 'events', 'module', 'name', 'ports', 'useCases'],
      useCases: ['name,ports,routes'],
      ports: ['adapter,adapterPackage,file,interface,methods,name,servedBy,type'],
      inbound: ['direction,name,path,serves,useCases'],
      outbound: ['direction,name,path,serves'],
      events,
    });
    expect(inventory.ports.find((port) => port.name === orders)?.servedBy).toEqual(['redis', 'postgres']);
    expect(inventory.adapters.find((adapter) => adapter.name === 'http')?.useCases).toEqual(['CreateOrder', 'GetOrder']);
  });

  it('--mermaid draws inbound adapters -> use cases -> ports -> outbound adapters', async () => {
    const listed = await runCli('svc', ['list', '--mermaid'], { cwd: root });
    expect(listed.exitCode, listed.stderr).toBe(0);
    const lines = listed.stdout.split('\n');
    expect(lines[0]).toBe('flowchart LR');
    expect(lines).toContain(`  in_http -->|"${http}"| uc_CreateOrder`);
    expect(lines).toContain(`  uc_CreateOrder --> port_${orders}`);
    expect(lines).toContain(`  port_${orders} --> out_postgres`);
    expect(lines).toContain(`  port_${orders} --> out_redis`);
    // Every node an edge names is declared once, inside a subgraph.
    const declared = lines.filter((line) => /^ {4}\w+\["/.test(line)).map((line) => line.trim().split('[')[0]);
    expect(new Set(declared).size).toBe(declared.length);
    const linked = lines.filter((line) => line.includes('-->')).flatMap((line) => [line.trim().split(' ')[0], line.trim().split(' ').pop()]);
    expect(linked.filter((id) => !declared.includes(id))).toEqual([]);
  });

  it('--json and --mermaid together are a usage error', async () => {
    const listed = await runCli('svc', ['list', '--json', '--mermaid'], { cwd: root });
    expect(listed.exitCode).toBe(2);
    expect(listed.stderr).toMatch(/mermaid.*json|json.*mermaid/);
  });
});

describe('svc list on a Go service with a broker', () => {
  it('shows its events with their publishers and broker in text, --json and --mermaid', async () => {
    const parent = makeTempDir('svc-list-');
    const created = await runCli('create-service', ['orders', '--messaging', 'kafka', '--yes', '--no-install', '--no-git'], { cwd: parent });
    expect(created.exitCode, created.stderr).toBe(0);
    const root = path.join(parent, 'orders');

    const json = await runCli('svc', ['list', '--json'], { cwd: root });
    expect(json.exitCode, json.stderr).toBe(0);
    expect((JSON.parse(json.stdout) as Inventory).events).toEqual([
      { name: 'OrderPlaced', type: 'order.placed', file: 'internal/domain/order_events.go', publishers: ['CreateOrder'], broker: 'kafka', consumers: [] },
    ]);
    const text = await runCli('svc', ['list'], { cwd: root });
    expect(text.stdout).toMatch(/Events \(1\)\n {2}order\.placed +published by CreateOrder +via kafka +no consumer$/m);
    const mermaid = (await runCli('svc', ['list', '--mermaid'], { cwd: root })).stdout.split('\n');
    expect(mermaid).toContain('    ev_order_placed["order.placed (kafka)"]');
    expect(mermaid).toContain('  uc_CreateOrder -.->|"publishes"| ev_order_placed');
  });
});
