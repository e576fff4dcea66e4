import { describe, expect, it } from 'vitest';
import { addTsAdapterOperation } from '../../../src/targets/ts/add/add-adapter.js';
import { addTsPortOperation } from '../../../src/targets/ts/add/port.js';
import { keepsLinesInOrder, read, runAdd, snapshot, write } from '../svc/fixture.js';
import { makeTsService } from './fixture.js';

const PORTS = 'src/bootstrap/ports.ts';
const CHARGE = 'charge(orderId: string, amountCents: number, signal: AbortSignal): Promise<string>';
const REFUND = 'refund(chargeId: string, signal: AbortSignal): Promise<void>';
const adapter = (kind: string, options: { for?: string; baseUrlEnv?: string } = {}) => addTsAdapterOperation(kind, { ...options, install: false });
const http = (options: { baseUrlEnv?: string } = {}) => adapter('http', { for: 'PaymentGateway', ...options });

/** A service with the PaymentGateway port (memory adapter wired), as `svc add port` leaves it. */
async function withGateway(options: Parameters<typeof makeTsService>[0] = {}, methods = [CHARGE, REFUND]): Promise<string> {
  const root = await makeTsService(options);
  const added = await runAdd(root, addTsPortOperation('PaymentGateway', { methods }));
  expect(added.code, added.all).toBe(0);
  return root;
}

describe('svc add adapter http (TypeScript)', () => {
  it('writes the adapter, the outbound module, config and contract, and wires createPorts with it', async () => {
    const root = await withGateway();
    const result = await runAdd(root, http());
    expect(result.code, result.all).toBe(0);
    const ports = read(root, PORTS);
    expect(ports).toContain("    paymentGateway: new HttpPaymentGateway(outboundClient('payment-gateway', config.paymentGateway, deps)),\n");
    expect(ports).toContain('export function createPorts(config: Config, deps: Dependencies): Ports {');
    expect(ports).not.toContain('MemoryPaymentGateway');
    expect(ports).toContain("import { outboundClient } from '../platform/outbound/connect.js';");
    const adapterFile = read(root, 'src/adapter/httpclient/payment-gateway.ts');
    expect(adapterFile).toContain("  charge: { method: 'POST', path: '/charge' },\n  refund: { method: 'POST', path: '/refund' },");
    expect(adapterFile).toContain('export interface ChargeRequest {\n  orderId: string;\n  amountCents: number;\n}');
    expect(read(root, 'src/adapter/http/outbound-errors.test.ts')).toContain('503');
    for (const file of ['client.ts', 'client.test.ts', 'connect.ts', 'errors.ts', 'metrics.ts', 'retry.ts', 'token-bucket.ts']) expect(read(root, `src/platform/outbound/${file}`)).not.toBe('');
    const config = read(root, 'src/platform/config.ts');
    expect(config).toContain('  PAYMENT_GATEWAY_URL: z.url({ protocol: /^https?$/ }),');
    expect(config).toContain("  PAYMENT_GATEWAY_TIMEOUT: duration.prefault('2s').refine((ms) => ms > 0, 'must be positive'),");
    expect(config).toContain('  paymentGateway: OutboundSettings;');
    expect(read(root, 'src/platform/config.test.ts')).toContain("PAYMENT_GATEWAY_URL: 'http://localhost:8081'");
    expect(read(root, 'test/environment.ts')).toContain("PAYMENT_GATEWAY_URL: 'http://127.0.0.1:9'");
    const pkg = JSON.parse(read(root, 'package.json')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies).toMatchObject({ undici: '6.29.1', cockatiel: '3.2.1', opossum: '9.0.0' });
    expect(read(root, 'README.md')).toContain('## PaymentGateway over HTTP');
    expect(read(root, '.env.example')).toContain('PAYMENT_GATEWAY_URL=http://localhost:8081');
    expect((JSON.parse(read(root, 'svc.json')) as { history: string[] }).history.at(-1)).toBe('add adapter http --for PaymentGateway');
  });

  it('without metrics or tracing writes a module that names neither', async () => {
    const root = await withGateway({ metrics: 'none', tracing: 'none' });
    expect((await runAdd(root, http())).code).toBe(0);
    const client = read(root, 'src/platform/outbound/client.ts');
    expect(client).not.toContain('prom-client');
    expect(client).not.toContain('@opentelemetry');
    expect(() => read(root, 'src/platform/outbound/metrics.ts')).toThrow();
    expect(read(root, PORTS)).not.toContain('Metrics');
  });

  it('--base-url-env names the URL variable and the prefix of the others', async () => {
    const root = await withGateway();
    const result = await runAdd(root, http({ baseUrlEnv: 'PAYMENTS_URL' }));
    expect(result.code, result.all).toBe(0);
    const config = read(root, 'src/platform/config.ts');
    expect(config).toContain('  PAYMENTS_URL: z.url(');
    expect(config).toContain('  PAYMENTS_MAX_IN_FLIGHT: positiveInt.default(32),');
    expect(config).not.toContain('PAYMENT_GATEWAY_');
    expect((JSON.parse(read(root, 'svc.json')) as { history: string[] }).history.at(-1)).toBe('add adapter http --for PaymentGateway --base-url-env PAYMENTS_URL');
  });

  it('a second add naming another URL variable: exit 2 with the one configured, nothing written', async () => {
    const root = await withGateway();
    expect((await runAdd(root, http({ baseUrlEnv: 'PAYMENTS_URL' }))).code).toBe(0);
    const before = snapshot(root);
    const result = await runAdd(root, http());
    expect(result.code).toBe(2);
    expect(result.all).toContain('run it again with --base-url-env PAYMENTS_URL');
    expect(snapshot(root)).toEqual(before);
  });

  it('serves the sample OrderRepository under its Ports name, behind the Redis cache when there is one', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, adapter('redis'))).code).toBe(0);
    const result = await runAdd(root, adapter('http', { for: 'OrderRepository' }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, PORTS)).toContain("    orders: new CachedOrderRepository(new HttpOrderRepository(outboundClient('order-repository', config.orderRepository, deps)), redis, deps.logger),\n");
    expect(read(root, 'src/adapter/httpclient/order-repository.ts')).toContain('as Order;');
    expect((await runAdd(root, adapter('memory', { for: 'OrderRepository' }))).code).toBe(0);
    expect(read(root, PORTS)).toContain('    orders: new CachedOrderRepository(new MemoryOrderRepository(), redis, deps.logger),\n');
  });

  it('is idempotent: a second add has nothing to do and changes no byte', async () => {
    const root = await withGateway();
    expect((await runAdd(root, http())).code).toBe(0);
    const before = snapshot(root);
    const again = await runAdd(root, http());
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('--dry-run prints the diffs and writes nothing', async () => {
    const root = await withGateway();
    const before = snapshot(root);
    const result = await runAdd(root, http(), { dryRun: true });
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('CREATE src/platform/outbound/client.ts');
    expect(result.stdout).toContain("+    paymentGateway: new HttpPaymentGateway(outboundClient('payment-gateway', config.paymentGateway, deps)),");
    expect(snapshot(root)).toEqual(before);
  });

  it('memory --for switches createPorts back, byte for byte, and a second time has nothing to do', async () => {
    const root = await withGateway();
    const memoryPorts = read(root, PORTS);
    expect((await runAdd(root, http())).code).toBe(0);
    const back = await runAdd(root, adapter('memory', { for: 'PaymentGateway' }));
    expect(back.code, back.all).toBe(0);
    expect(read(root, PORTS)).toBe(memoryPorts);
    const again = await runAdd(root, adapter('memory', { for: 'PaymentGateway' }));
    expect(again.stdout).toContain('nothing to do');
    expect((await runAdd(root, http())).code).toBe(0);
    expect(read(root, PORTS)).toContain('new HttpPaymentGateway(');
  });

  it('follows a hand-edited composition root: renamed parameters, an aliased import, the adapter in a variable', async () => {
    const root = await withGateway();
    const edited = read(root, PORTS)
      .replace("import { MemoryPaymentGateway } from '../adapter/memory/payment-gateway.js';", "import { MemoryPaymentGateway as InMemoryGateway } from '../adapter/memory/payment-gateway.js';")
      .replace('createPorts(_config: Config, _deps: Dependencies)', 'createPorts(settings: Config, dependencies: Dependencies)')
      .replace('  return {\n', "  dependencies.logger.debug({ service: settings.service.name }, 'ports');\n  // Ours: one gateway for every tenant.\n  const gateway = new InMemoryGateway();\n  return {\n")
      .replace('    paymentGateway: new MemoryPaymentGateway(),', '    paymentGateway: gateway,');
    write(root, PORTS, edited);
    const result = await runAdd(root, http());
    expect(result.code, result.all).toBe(0);
    const ports = read(root, PORTS);
    expect(ports).toContain("  const gateway = new HttpPaymentGateway(outboundClient('payment-gateway', settings.paymentGateway, dependencies));\n");
    expect(ports).not.toContain('InMemoryGateway');
    const expected = edited
      .replace("import { MemoryPaymentGateway as InMemoryGateway } from '../adapter/memory/payment-gateway.js';\n", '')
      .replace('  const gateway = new InMemoryGateway();', "  const gateway = new HttpPaymentGateway(outboundClient('payment-gateway', settings.paymentGateway, dependencies));");
    expect(keepsLinesInOrder(expected, ports)).toBeNull();
    // And back: the variable keeps its name, the parameters stay used.
    expect((await runAdd(root, adapter('memory', { for: 'PaymentGateway' }))).code).toBe(0);
    expect(read(root, PORTS)).toContain('  const gateway = new MemoryPaymentGateway();\n');
    expect(read(root, PORTS)).toContain('createPorts(settings: Config, dependencies: Dependencies)');
  });

  it('a port the user wired to something of their own: exit 1 with the lines to write, nothing written', async () => {
    const root = await withGateway();
    write(root, PORTS, read(root, PORTS).replace('    paymentGateway: new MemoryPaymentGateway(),', '    paymentGateway: stripeGateway(),').replace(/\n$/, '\nfunction stripeGateway(): Ports["paymentGateway"] {\n  return new MemoryPaymentGateway();\n}\n'));
    const before = snapshot(root);
    const result = await runAdd(root, http());
    expect(result.code).toBe(1);
    expect(result.all).toContain("paymentGateway: new HttpPaymentGateway(outboundClient('payment-gateway', config.paymentGateway, deps)),");
    expect(snapshot(root)).toEqual(before);
  });

  it.each([
    [{}, 'http', /needs the port it implements/],
    [{ for: 'Payments' }, 'http', /there is no port "Payments"/],
    [{ for: 'PaymentGateway', baseUrlEnv: 'payments-url' }, 'http', /not an environment variable name/],
    [{ for: 'PaymentGateway', baseUrlEnv: 'PAYMENTS_URL' }, 'memory', /--base-url-env applies only to svc add adapter http/],
  ])('bad input %j (%s): exit 2, nothing written', async (options, kind, message) => {
    const root = await withGateway();
    const before = snapshot(root);
    const result = await runAdd(root, adapter(kind, options));
    expect(result.code).toBe(2);
    expect(result.all).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });

  it('a port with a synchronous method: exit 2, nothing written', async () => {
    const root = await withGateway({}, [CHARGE, 'currency(): string']);
    const before = snapshot(root);
    const result = await runAdd(root, http());
    expect(result.code).toBe(2);
    expect(result.all).toMatch(/synchronous methods \(currency\)/);
    expect(snapshot(root)).toEqual(before);
  });
});
