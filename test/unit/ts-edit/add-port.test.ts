import { describe, expect, it } from 'vitest';
import { addTsPortOperation } from '../../../src/targets/ts/add/port.js';
import { AnchorNotFoundError } from '../../../src/targets/ts/edit/errors.js';
import { keepsLinesInOrder, read, runAdd, snapshot, write } from '../svc/fixture.js';
import { makeTsService } from './fixture.js';

const CHARGE = 'charge(orderId: string, amountCents: number, signal: AbortSignal): Promise<string>';
const NAME = 'name(): string';
const gateway = (methods: readonly string[] = [CHARGE, NAME], name = 'PaymentGateway') => addTsPortOperation(name, { methods });

const PORT = `/** Payment gateway, as the use cases see it. The implementations live in src/adapter/. */
export interface PaymentGateway {
  /** Charge: may block or fail, so it rejects with \`signal.reason\` once \`signal\` is aborted. */
  charge(orderId: string, amountCents: number, signal: AbortSignal): Promise<string>;
  /** Name: synchronous, so quick and without I/O. */
  name(): string;
}
`;

const MEMORY = `import type { PaymentGateway } from '../../port/payment-gateway.js';

/**
 * What MemoryPaymentGateway fails with: work an in-memory stand-in cannot do for real. It is no
 * domain error, so a request that meets it gets a 500: wire a real adapter instead.
 */
export class NotSupportedError extends Error {
  constructor(what: string) {
    super(\`\${what} is not supported in memory: wire a real PaymentGateway in src/bootstrap/ports.ts\`);
    this.name = 'NotSupportedError';
  }
}

/**
 * The in-memory PaymentGateway, wired by default until a real adapter replaces it in
 * src/bootstrap/ports.ts. It keeps no state. Every async method rejects with the reason of an
 * aborted signal, and otherwise with a NotSupportedError; the others return zero values.
 */
export class MemoryPaymentGateway implements PaymentGateway {
  charge(_orderId: string, _amountCents: number, signal: AbortSignal): Promise<string> {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    return Promise.reject(new NotSupportedError('MemoryPaymentGateway.charge'));
  }

  name(): string {
    return '';
  }
}
`;

const MEMORY_TEST = `import { describe, expect, it } from 'vitest';
import { MemoryPaymentGateway, NotSupportedError } from './payment-gateway.js';

const signal = new AbortController().signal;

/** An aborted signal and the reason it carries. */
function aborted(): { signal: AbortSignal; reason: Error } {
  const reason = new Error('stopped');
  return { signal: AbortSignal.abort(reason), reason };
}

describe('MemoryPaymentGateway', () => {
  it('charge rejects with a NotSupportedError, or with the reason of an aborted signal', async () => {
    const adapter = new MemoryPaymentGateway();
    await expect(adapter.charge('', 0, signal)).rejects.toBeInstanceOf(NotSupportedError);
    const stop = aborted();
    await expect(adapter.charge('', 0, stop.signal)).rejects.toBe(stop.reason);
  });

  it('name returns a zero value', () => {
    const adapter = new MemoryPaymentGateway();
    expect(adapter.name()).toBe('');
  });
});
`;

const FAKE = `import type { PaymentGateway } from '../src/port/payment-gateway.js';

/** One call of a FakePaymentGateway method: its name and arguments (without the signal). */
export interface FakePaymentGatewayCall {
  method: keyof PaymentGateway;
  args: unknown[];
}

/** A fake PaymentGateway: it records its calls and answers what the test sets. */
export class FakePaymentGateway implements PaymentGateway {
  /** Every call, in order. */
  readonly calls: FakePaymentGatewayCall[] = [];
  /** When set, every async method rejects with it. */
  failWith: Error | undefined;
  /** What charge resolves to. */
  chargeResult = '';
  /** What name returns. */
  nameResult = '';

  charge(orderId: string, amountCents: number): Promise<string> {
    this.calls.push({ method: 'charge', args: [orderId, amountCents] });
    if (this.failWith !== undefined) return Promise.reject(this.failWith);
    return Promise.resolve(this.chargeResult);
  }

  name(): string {
    this.calls.push({ method: 'name', args: [] });
    return this.nameResult;
  }
}
`;

describe('svc add port (TypeScript)', () => {
  it('writes the port, its memory adapter with a test and a fake, and wires it into Ports and createPorts', async () => {
    const root = await makeTsService();
    const result = await runAdd(root, gateway());
    expect(result.code, result.all).toBe(0);
    for (const file of ['src/port/payment-gateway.ts', 'src/adapter/memory/payment-gateway.ts', 'src/adapter/memory/payment-gateway.test.ts', 'test/payment-gateway-fake.ts']) {
      expect(result.stdout).toContain(`CREATE ${file}`);
    }
    expect(result.stdout).toContain('UPDATE src/app/app.ts');
    expect(result.stdout).toContain('UPDATE src/bootstrap/ports.ts');
    expect(read(root, 'src/port/payment-gateway.ts')).toBe(PORT);
    expect(read(root, 'src/adapter/memory/payment-gateway.ts')).toBe(MEMORY);
    expect(read(root, 'src/adapter/memory/payment-gateway.test.ts')).toBe(MEMORY_TEST);
    expect(read(root, 'test/payment-gateway-fake.ts')).toBe(FAKE);
    const app = read(root, 'src/app/app.ts');
    expect(app).toContain("import type { PaymentGateway } from '../port/payment-gateway.js';\n");
    expect(app).toContain('  clock: Clock;\n  paymentGateway: PaymentGateway;\n}');
    const ports = read(root, 'src/bootstrap/ports.ts');
    expect(ports).toContain("import { MemoryPaymentGateway } from '../adapter/memory/payment-gateway.js';\n");
    expect(ports).toMatch(/ {4}paymentGateway: new MemoryPaymentGateway\(\),\n {2}\};\n\}/);
    // The example's HTTP test builds its own Ports: it gets the fake, on the same line.
    const httpTest = read(root, 'src/adapter/http/orders.test.ts');
    expect(httpTest).toContain("import { FakePaymentGateway } from '../../../test/payment-gateway-fake.js';");
    expect(httpTest).toContain("clock: fixedClock(new Date('2026-01-02T03:04:05Z')), paymentGateway: new FakePaymentGateway() });");
    const manifest = JSON.parse(read(root, 'svc.json')) as { history: string[] };
    expect(manifest.history.at(-1)).toBe(`add port PaymentGateway --method ${JSON.stringify(CHARGE)} --method ${JSON.stringify(NAME)}`);
  });

  it('imports the domain types the methods use, and gives the others no zero value they do not have', async () => {
    const root = await makeTsService();
    const result = await runAdd(root, addTsPortOperation('OrderArchive', { methods: ['find(id: OrderId, signal: AbortSignal): Promise<Order>', 'now(): Date', 'log(msg: string, ...tags: string[]): void', 'all(): readonly Order[]'] }));
    expect(result.code, result.all).toBe(0);
    const port = read(root, 'src/port/order-archive.ts');
    expect(port.startsWith("import type { Order, OrderId } from '../domain/order.js';\n\n/** Order archive")).toBe(true);
    expect(port).toContain('  log(msg: string, ...tags: string[]): void;\n');
    const memory = read(root, 'src/adapter/memory/order-archive.ts');
    expect(memory).toContain("import type { Order, OrderId } from '../../domain/order.js';");
    expect(memory).toContain("  now(): Date {\n    throw new NotSupportedError('MemoryOrderArchive.now');\n  }");
    expect(memory).toContain('  log(_msg: string, ..._tags: string[]): void {\n    // Nothing to do in memory.\n  }');
    expect(memory).toContain('  all(): readonly Order[] {\n    return [];\n  }');
    const test = read(root, 'src/adapter/memory/order-archive.test.ts');
    expect(test).toContain("import type { OrderId } from '../../domain/order.js';");
    expect(test).toContain('await expect(adapter.find(unread as OrderId, stop.signal)).rejects.toBe(stop.reason);');
    expect(test).toContain('expect(() => adapter.now()).toThrow(NotSupportedError);');
    const fake = read(root, 'test/order-archive-fake.ts');
    expect(fake).toContain('  findResult: Order | undefined;');
    expect(fake).toContain("    if (this.findResult === undefined) return Promise.reject(new Error('FakeOrderArchive.find: set findResult first'));");
    expect(fake).toContain('  allResult: readonly Order[] = [];');
  });

  it('works in a service without the example: Ports {} and return {}', async () => {
    const root = await makeTsService({ example: false });
    const result = await runAdd(root, gateway());
    expect(result.code, result.all).toBe(0);
    const app = read(root, 'src/app/app.ts');
    expect(app.startsWith("import type { PaymentGateway } from '../port/payment-gateway.js';\n")).toBe(true);
    expect(app).toContain('export interface Ports {\n  paymentGateway: PaymentGateway;\n}');
    const ports = read(root, 'src/bootstrap/ports.ts');
    expect(ports).toContain("import { MemoryPaymentGateway } from '../adapter/memory/payment-gateway.js';");
    expect(ports).toContain('export function createPorts(_config: Config, _deps: Dependencies): Ports {\n  return {\n    paymentGateway: new MemoryPaymentGateway(),\n  };\n}');
    expect(read(root, 'src/port/payment-gateway.ts')).toBe(PORT);
  });

  it('is idempotent: the second run (with or without the methods) has nothing to do and changes no byte', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, gateway())).code).toBe(0);
    const before = snapshot(root);
    for (const op of [gateway(), gateway([]), gateway([NAME])]) {
      const again = await runAdd(root, op);
      expect(again.code, again.all).toBe(0);
      expect(again.stdout).toContain('nothing to do');
      expect(snapshot(root)).toEqual(before);
    }
  });

  it('leaves a real adapter the user wired alone on a re-run (no unused memory import comes back)', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, gateway())).code).toBe(0);
    const ports = read(root, 'src/bootstrap/ports.ts')
      .replace("import { MemoryPaymentGateway } from '../adapter/memory/payment-gateway.js';\n", "import { StripeGateway } from '../adapter/stripe/gateway.js';\n")
      .replace('new MemoryPaymentGateway()', 'new StripeGateway()');
    write(root, 'src/bootstrap/ports.ts', ports);
    const again = await runAdd(root, gateway());
    expect(again.code, again.all).toBe(0);
    expect(read(root, 'src/bootstrap/ports.ts')).toBe(ports);
  });

  it("keeps every line of the user's app.ts and ports.ts", async () => {
    const root = await makeTsService();
    const app = read(root, 'src/app/app.ts')
      .replace('export interface Ports {', '// Ports: grown by hand — ça marche ✓\nexport interface Ports {\n  /** Prices in €. */\n  prices: OrderRepository;')
      .concat('\n/** A helper of the user. */\nexport function helper(): string {\n  return \'日本語\';\n}\n');
    const ports = read(root, 'src/bootstrap/ports.ts')
      .replace('  return {', "  deps.logger.info('ports — démarrage'); // user statement ✓\n  return {\n    prices: new MemoryOrderRepository(),")
      .concat('\n// trailing comment ✓\nexport const PORT_COUNT = 4;\n');
    write(root, 'src/app/app.ts', app);
    write(root, 'src/bootstrap/ports.ts', ports);
    const result = await runAdd(root, gateway());
    expect(result.code, result.all).toBe(0);
    expect(keepsLinesInOrder(app, read(root, 'src/app/app.ts'))).toBeNull();
    expect(keepsLinesInOrder(ports, read(root, 'src/bootstrap/ports.ts'))).toBeNull();
    expect(read(root, 'src/app/app.ts')).toContain('  paymentGateway: PaymentGateway;\n}');
    expect(read(root, 'src/bootstrap/ports.ts')).toContain('    paymentGateway: new MemoryPaymentGateway(),\n  };');
  });

  it.each([
    ['paymentGateway', [CHARGE], /upper-case/],
    ['Delete', [CHARGE], /reserved word/],
    ['Promise', [CHARGE], /shadow/],
    ['Ports', [CHARGE], /shadow/],
    ['Payment_Gateway', [CHARGE], /underscores/],
    ['../Gateway', [CHARGE], /path/],
    ['PaymentGateway', [], /at least one --method/],
    ['PaymentGateway', ['charge(amount: number, signal: AbortSignal: Promise<void>'], /does not parse/],
    ['PaymentGateway', ['charge: number'], /not a method signature/],
    ['PaymentGateway', ['a(): void; b(): void'], /exactly one method/],
    ['PaymentGateway', ['a(): void }\nexport const x = 1;\ninterface Y {'], /exactly one method/],
    ['PaymentGateway', ['charge(amount: number): Promise<void>'], /signal: AbortSignal. as its last parameter/],
    ['PaymentGateway', ['charge(signal: AbortSignal, amount: number): Promise<void>'], /signal: AbortSignal. as its last parameter/],
    ['PaymentGateway', ['charge(amount: number, signal?: AbortSignal): Promise<void>'], /last parameter/],
    ['PaymentGateway', ['charge(amount: Money, signal: AbortSignal): Promise<void>'], /unknown type Money/],
    ['PaymentGateway', ['charge(amount: NodeJS.Timeout): void'], /qualified type/],
    ['PaymentGateway', ['charge(amount: any): void'], /uses any/],
    ['PaymentGateway', ["charge(amount: import('x').T): void"], /import/],
    ['PaymentGateway', ['charge(amount: number)'], /no return type/],
    ['PaymentGateway', ['find<T>(id: string): T'], /generic/],
    ['PaymentGateway', ['charge(): Promise<void> | undefined'], /whole return type/],
    ['PaymentGateway', ['charge(): Promise'], /exactly one type argument/],
    ['PaymentGateway', [NAME, 'name(id: string): string'], /given twice/],
    ['PaymentGateway', ['calls(): number'], /taken/],
    ['PaymentGateway', ['x(a?: string, b: string): void'], /follows an optional/],
    ['Orders', [CHARGE], /property orders of type OrderRepository/],
  ] as const)('bad input %s %j: exit 2, nothing written', async (name, methods, message) => {
    const root = await makeTsService();
    const before = snapshot(root);
    const result = await runAdd(root, gateway(methods, name));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });

  it('an existing port without the requested methods: exit 2, nothing written', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, gateway())).code).toBe(0);
    const before = snapshot(root);
    const result = await runAdd(root, gateway([CHARGE, 'refund(orderId: string, signal: AbortSignal): Promise<void>']));
    expect(result.code).toBe(2);
    expect(result.all).toContain('the port PaymentGateway exists already (src/port/payment-gateway.ts) with other method signatures');
    expect(result.all).toContain('refund: the port has no such method; asked for refund(orderId: string, signal: AbortSignal): Promise<void>');
    expect(snapshot(root)).toEqual(before);
  });

  it('re-adding a port with another signature: exit 2 showing both, nothing written', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, gateway())).code).toBe(0);
    const before = snapshot(root);
    const result = await runAdd(root, gateway(['charge(orderId: string, amountCents: string, signal: AbortSignal): Promise<string>', NAME]));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toContain('  existing:  charge(orderId: string, amountCents: number, signal: AbortSignal): Promise<string>\n  requested: charge(orderId: string, amountCents: string, signal: AbortSignal): Promise<string>');
    expect(result.all).not.toContain('name()');
    expect(snapshot(root)).toEqual(before);
  });

  it('re-adding a port with the same signatures (other parameter names, other spacing, a method added by hand): nothing to do', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, gateway())).code).toBe(0);
    write(root, 'src/port/payment-gateway.ts', read(root, 'src/port/payment-gateway.ts').replace('  name(): string;\n', '  name(): string;\n  refund(orderId: string): void; // by hand\n'));
    const before = snapshot(root);
    const result = await runAdd(root, gateway(['charge(id: string, cents: number, stop: AbortSignal): Promise< string >']));
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    ['src/port/payment-gateway.ts', '// mine\n', /src\/port\/payment-gateway\.ts already exists/],
    ['test/payment-gateway-fake.ts', '// mine\n', /test\/payment-gateway-fake\.ts already exists/],
    ['src/adapter/memory/gateways.ts', 'export class MemoryPaymentGateway {}\n', /MemoryPaymentGateway is already declared or imported in src\/adapter\/memory\/gateways\.ts/],
    ['src/port/payments.ts', 'export interface PaymentGateway {\n  pay(): void;\n}\n', /PaymentGateway is already declared or imported in src\/port\/payments\.ts/],
    ['test/gateway-fakes.ts', 'export class FakePaymentGateway {}\n', /FakePaymentGateway is already declared or imported in test\/gateway-fakes\.ts/],
    ['test/calls.ts', "export type { FakePaymentGatewayCall } from './gateway-fakes.js';\n", /FakePaymentGatewayCall is already declared or imported in test\/calls\.ts/],
  ])('a taken name or file (%s): exit 2, nothing written, and the name suggested instead is free', async (file, content, message) => {
    const root = await makeTsService();
    write(root, file, content);
    const before = snapshot(root);
    const result = await runAdd(root, gateway());
    expect(result.code, result.all).toBe(2);
    expect(result.all).toMatch(message);
    expect(result.all).toContain('e.g. svc add port PaymentGatewayV2 --method');
    expect(snapshot(root)).toEqual(before);
    const suggested = await runAdd(root, gateway(undefined, 'PaymentGatewayV2'));
    expect(suggested.code, suggested.all).toBe(0);
  });

  it.each([
    ['the fake class imported where createApp is called', 'src/adapter/http/orders.test.ts', (text: string) => text.replace("import { buildServer } from './server.js';", "import { buildServer } from './server.js';\nimport { FakeOrderRepository as FakePaymentGateway } from '../../../test/order-fakes.js';\nvoid FakePaymentGateway;"), /FakePaymentGateway is already declared or imported in src\/adapter\/http\/orders\.test\.ts/],
    ['a local of createPorts', 'src/bootstrap/ports.ts', (text: string) => text.replace('  return {\n    orders:', '  const MemoryPaymentGateway = 1;\n  void MemoryPaymentGateway;\n  return {\n    orders:'), /MemoryPaymentGateway is a parameter or a local of createPorts/],
  ])('a name taken in a file the add edits (%s): exit 2, nothing written', async (_label, file, edit, message) => {
    const root = await makeTsService();
    write(root, file, edit(read(root, file)));
    const before = snapshot(root);
    const result = await runAdd(root, gateway());
    expect(result.code, result.all).toBe(2);
    expect(result.all).toMatch(message);
    expect(snapshot(root)).toEqual(before);
    expect((await runAdd(root, gateway(undefined, 'PaymentGatewayV2'))).code).toBe(0);
  });

  it('a domain type named like the port: exit 2', async () => {
    const root = await makeTsService();
    const before = snapshot(root);
    const result = await runAdd(root, addTsPortOperation('Order', { methods: ['find(id: string, signal: AbortSignal): Promise<Order>'] }));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toContain('the methods name the domain type Order');
    expect(snapshot(root)).toEqual(before);
    expect((await runAdd(root, addTsPortOperation('OrderV2', { methods: ['find(id: string, signal: AbortSignal): Promise<Order>'] }))).code).toBe(0);
  });

  it('ports built in a variable in createPorts get the memory adapter there', async () => {
    const root = await makeTsService();
    const ports = 'src/bootstrap/ports.ts';
    write(root, ports, read(root, ports).replace('  return {\n    orders: new MemoryOrderRepository(),', '  const ports: Ports = {\n    orders: new MemoryOrderRepository(),').replace('    clock: systemClock,\n  };\n}', '    clock: systemClock,\n  };\n  return ports;\n}'));
    expect((await runAdd(root, gateway())).code).toBe(0);
    expect(read(root, ports)).toContain('    clock: systemClock,\n    paymentGateway: new MemoryPaymentGateway(),\n  };\n  return ports;\n}');
    const again = snapshot(root);
    expect((await runAdd(root, gateway())).code).toBe(0);
    expect(snapshot(root)).toEqual(again);
  });

  it('a missing Ports interface: exit 1 with the lines to add, nothing written', async () => {
    const root = await makeTsService();
    write(root, 'src/app/app.ts', read(root, 'src/app/app.ts').replace('interface Ports ', 'interface Outside ').replace('(ports: Ports)', '(ports: Outside)'));
    const before = snapshot(root);
    const result = await runAdd(root, gateway());
    expect(result.code).toBe(1);
    expect(result.error).toBeInstanceOf(AnchorNotFoundError);
    expect(result.all).toContain("import type { PaymentGateway } from '../port/payment-gateway.js';");
    expect(result.all).toContain('paymentGateway: PaymentGateway;   (in interface Ports)');
    expect(snapshot(root)).toEqual(before);
  });

  it('a missing createPorts: exit 1 with the lines to add, nothing written (not even the port)', async () => {
    const root = await makeTsService();
    write(root, 'src/bootstrap/ports.ts', read(root, 'src/bootstrap/ports.ts').replace('function createPorts', 'function buildPorts'));
    const before = snapshot(root);
    const result = await runAdd(root, gateway());
    expect(result.code).toBe(1);
    expect(result.error).toBeInstanceOf(AnchorNotFoundError);
    expect(result.all).toContain("import { MemoryPaymentGateway } from '../adapter/memory/payment-gateway.js';");
    expect(result.all).toContain('paymentGateway: new MemoryPaymentGateway(),   (in the object createPorts returns)');
    expect(snapshot(root)).toEqual(before);
  });
});
