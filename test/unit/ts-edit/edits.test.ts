import { describe, expect, it } from 'vitest';
import { AnchorNotFoundError, EditError, TsParseError } from '../../../src/targets/ts/edit/errors.js';
import type { TsEdit } from '../../../src/targets/ts/edit/edits.js';
import { TsEditSession } from '../../../src/targets/ts/edit/session.js';
import { Tree } from '../../../src/tree/tree.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const APP = `import type { OrderRepository } from '../port/order-repository.js';
import { CreateOrder } from './create-order.js';

/** Ports. */
export interface Ports {
  orders: OrderRepository; // the store
}

export interface App {
  createOrder: CreateOrder;
}

export function createApp(_ports: Ports): App {
  const helper = 'ünïcödé ✓';
  return {
    createOrder: new CreateOrder(), // keep me
  };
}

export function registerRoutes(server: string, app: App): void {
  // routes
  console.log(server, app);
}
`;

async function edit(text: string, edits: readonly TsEdit[], snippet = 'SNIPPET'): Promise<{ tree: Tree; changed: boolean; after: string }> {
  const tree = new Tree(makeTempDir('ts-edit-'));
  tree.write('app.ts', text);
  const session = await TsEditSession.open(tree);
  const changed = session.apply('app.ts', edits, snippet);
  return { tree, changed, after: tree.read('app.ts') ?? '' };
}

const ALL: TsEdit[] = [
  { kind: 'named-import', module: './get-order.js', name: 'GetOrder' },
  { kind: 'interface-property', iface: 'App', name: 'getOrder', type: 'GetOrder' },
  { kind: 'use-parameter', func: 'createApp', index: 0, name: 'ports' },
  { kind: 'returned-property', func: 'createApp', name: 'getOrder', initializer: 'new GetOrder(ports.orders)' },
  { kind: 'statement', func: 'registerRoutes', statement: 'registerGetOrder(server, app.getOrder);', unlessPresent: 'registerGetOrder(' },
];

describe('TypeScript edits through ts-morph', () => {
  it('adds an import, an interface property, a returned property, a parameter use and a statement in the generated style', async () => {
    const { changed, after } = await edit(APP, ALL);
    expect(changed).toBe(true);
    expect(after).toContain("import { CreateOrder } from './create-order.js';\nimport { GetOrder } from './get-order.js';\n");
    expect(after).toContain('export interface App {\n  createOrder: CreateOrder;\n  getOrder: GetOrder;\n}');
    expect(after).toContain('export function createApp(ports: Ports): App {');
    expect(after).toContain('    createOrder: new CreateOrder(), // keep me\n    getOrder: new GetOrder(ports.orders),\n  };');
    expect(after).toContain('  console.log(server, app);\n  registerGetOrder(server, app.getOrder);\n}');
  });

  it('keeps every line of the user (comments, non-ASCII text, helpers)', async () => {
    const { after } = await edit(APP, ALL);
    const lines = after.split('\n');
    for (const line of APP.split('\n')) {
      if (line.includes('_ports')) continue; // the one line renamed on purpose
      expect(lines, line).toContain(line);
    }
  });

  it('is idempotent: a second pass changes nothing', async () => {
    const { after } = await edit(APP, ALL);
    const again = await edit(after, ALL);
    expect(again.changed).toBe(false);
    expect(again.tree.changes().map((change) => change.path)).toEqual(['app.ts']); // only the fixture's own write
    expect(again.after).toBe(after);
  });

  it('adds a name to an existing import of the same module', async () => {
    const { after } = await edit(APP, [{ kind: 'named-import', module: './create-order.js', name: 'CreateOrderInput', typeOnly: false }]);
    expect(after).toContain("import { CreateOrder, CreateOrderInput } from './create-order.js';");
  });

  it('refuses a name imported from another module', async () => {
    await expect(edit(APP, [{ kind: 'named-import', module: './other.js', name: 'CreateOrder' }])).rejects.toBeInstanceOf(EditError);
  });

  it('fills an empty interface and an empty returned object', async () => {
    const text = 'export interface App {}\n\nexport function createApp(_ports: Ports): App {\n  return {};\n}\n';
    const { after } = await edit(text, [
      { kind: 'interface-property', iface: 'App', name: 'ping', type: 'Ping' },
      { kind: 'returned-property', func: 'createApp', name: 'ping', initializer: 'new Ping()' },
    ]);
    expect(after).toBe('export interface App {\n  ping: Ping;\n}\n\nexport function createApp(_ports: Ports): App {\n  return {\n    ping: new Ping(),\n  };\n}\n');
  });

  it.each([
    ['interface', { kind: 'interface-property', iface: 'Application', name: 'x', type: 'X' }],
    ['function', { kind: 'returned-property', func: 'makeApp', name: 'x', initializer: 'new X()' }],
    ['function of a statement', { kind: 'statement', func: 'routes', statement: 'x();', unlessPresent: 'x(' }],
  ] as const)('a missing %s is an AnchorNotFoundError with the manual snippet; nothing is staged', async (_label, missing) => {
    const tree = new Tree(makeTempDir('ts-edit-'));
    tree.write('app.ts', APP);
    const session = await TsEditSession.open(tree);
    let error: unknown;
    try {
      session.apply('app.ts', [ALL[0] as TsEdit, missing], 'getOrder: GetOrder;   (in interface App)');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AnchorNotFoundError);
    expect((error as Error).message).toContain('getOrder: GetOrder;   (in interface App)');
    expect((error as AnchorNotFoundError).exitCode).toBe(1);
    expect(tree.read('app.ts')).toBe(APP);
  });

  it('a createApp that no longer returns an object literal, directly or through a variable, is a missing anchor', async () => {
    const text = 'export function createApp(): App {\n  const app = build();\n  return app;\n}\n';
    await expect(edit(text, [{ kind: 'returned-property', func: 'createApp', name: 'x', initializer: 'new X()' }])).rejects.toBeInstanceOf(AnchorNotFoundError);
  });

  it('a literal returned through a variable gets the property, and what it needs goes above the variable', async () => {
    const text = 'export function createPorts(): Ports {\n  // the ports\n  const ports: Ports = {\n    orders: new MemoryOrderRepository(),\n  };\n  return ports;\n}\n';
    const { after } = await edit(text, [
      { kind: 'statement', func: 'createPorts', statement: 'const pool = createPool();', unlessPresent: 'createPool(', position: 'before-return', paragraph: true },
      { kind: 'returned-property', func: 'createPorts', name: 'payments', initializer: 'new MemoryPayments(pool)' },
    ]);
    expect(after).toBe('export function createPorts(): Ports {\n  const pool = createPool();\n  // the ports\n  const ports: Ports = {\n    orders: new MemoryOrderRepository(),\n    payments: new MemoryPayments(pool),\n  };\n  return ports;\n}\n');
  });

  it('an unparsable file is a TsParseError with its position; nothing is staged', async () => {
    const broken = APP.replace('export interface App {', 'export interface App {{');
    const tree = new Tree(makeTempDir('ts-edit-'));
    tree.write('app.ts', broken);
    const session = await TsEditSession.open(tree);
    expect(() => session.apply('app.ts', ALL, 'SNIPPET')).toThrow(TsParseError);
    expect(() => session.apply('app.ts', ALL, 'SNIPPET')).toThrow(/app\.ts:\d+:\d+: /);
    expect(tree.read('app.ts')).toBe(broken);
  });

  it('a missing file is an AnchorNotFoundError with the snippet', async () => {
    const session = await TsEditSession.open(new Tree(makeTempDir('ts-edit-')));
    expect(() => session.apply('src/app/app.ts', ALL, 'THE SNIPPET')).toThrow(/THE SNIPPET/);
  });
});
