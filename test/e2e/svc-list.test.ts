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
  };
}

// svc list reads the code only (tree-sitter, ts-morph): no go, no npm install needed.
describe.each([
  { lang: 'go', orders: 'Orders', http: 'POST /v1/orders' },
  { lang: 'ts', orders: 'orders', http: 'POST /v1/orders' },
])('svc list on a generated $lang service', ({ lang, orders, http }) => {
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
      top: ['adapters', 'module', 'name', 'ports', 'useCases'],
      useCases: ['name,ports,routes'],
      ports: ['adapter,adapterPackage,file,interface,methods,name,servedBy,type'],
      inbound: ['direction,name,path,serves,useCases'],
      outbound: ['direction,name,path,serves'],
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
