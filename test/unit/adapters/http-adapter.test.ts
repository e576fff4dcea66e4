import { afterAll, describe, expect, it } from 'vitest';
import { addAdapterOperation } from '../../../src/targets/go/add/add-adapter.js';
import { addPortOperation } from '../../../src/targets/go/add/port.js';
import { addTransportOperation } from '../../../src/targets/go/add/add-transport.js';
import { snapshot } from '../../helpers/temp-dir.js';
import { runAdd } from '../svc/fixture.js';
import { CONFIG, handEdits, PORTS, readFile, replaceIn, type HandEditName } from './edited-fixtures.js';
import { freshService, removeServices } from './service.js';

afterAll(removeServices);

const METHODS = ['Charge(ctx context.Context, customerID string, amountCents int64) (string, error)', 'Refund(ctx context.Context, chargeID string) error'];
const HTTP_VALUE = 'httpclient.NewPaymentGateway(cfg.PaymentGateway, log, deps.metrics)';

/** A generated service with the PaymentGateway port, after the hand edits. */
async function withPort(...edits: HandEditName[]): Promise<string> {
  const root = await freshService();
  for (const edit of edits) handEdits[edit](root);
  const added = await runAdd(root, addPortOperation('PaymentGateway', { methods: METHODS }));
  expect(added.code, added.all).toBe(0);
  return root;
}

const http = (root: string, options: { for?: string; baseUrlEnv?: string } = { for: 'PaymentGateway' }, flags = {}) =>
  runAdd(root, addAdapterOperation('http', { ...options, install: false }), flags);
const memory = (root: string) => runAdd(root, addAdapterOperation('memory', { for: 'PaymentGateway', install: false }));

describe('svc add adapter http --for PaymentGateway (Go)', () => {
  it('writes the outbound package, the adapter and its config, and serves the port from it', async () => {
    const root = await withPort();
    const result = await http(root);
    expect(result.code, result.all).toBe(0);
    const files = snapshot(root);
    for (const file of [
      'internal/platform/outbound/client.go',
      'internal/platform/outbound/client_test.go',
      'internal/platform/outbound/main_test.go',
      'internal/adapter/httpclient/payment_gateway.go',
      'internal/adapter/httpclient/payment_gateway_test.go',
      'internal/platform/config/payment_gateway.go',
    ]) {
      expect(files[file], file).toBeDefined();
    }
    const adapter = readFile(root, 'internal/adapter/httpclient/payment_gateway.go');
    expect(adapter).toContain('Charge: outbound.Route{Method: http.MethodPost, Path: "/charge", IdempotencyKey: true},');
    expect(adapter).toContain('type paymentGatewayChargeRequest struct {\n\tCustomerID  string `json:"customer_id"`\n\tAmountCents int64  `json:"amount_cents"`\n}');
    expect(readFile(root, PORTS)).toContain(`PaymentGateway: ${HTTP_VALUE},`);
    expect(readFile(root, PORTS)).toContain('"example.com/orders/internal/adapter/httpclient"');
    expect(readFile(root, CONFIG)).toContain('PaymentGateway PaymentGateway');
    expect(readFile(root, CONFIG)).toContain('c.PaymentGateway.validate()');
    expect(readFile(root, 'internal/platform/config/payment_gateway.go')).toContain('`env:"PAYMENT_GATEWAY_URL,required"`');
    expect(readFile(root, 'internal/platform/config/config_test.go')).toContain('"PAYMENT_GATEWAY_URL"');
    expect(readFile(root, 'go.mod')).toMatch(/github\.com\/sony\/gobreaker\/v2 v2\.4\.0[\s\S]*go\.opentelemetry\.io\/contrib\/instrumentation\/net\/http\/otelhttp v0\.72\.0/);
    expect(readFile(root, 'README.md')).toContain('## Outbound HTTP: PaymentGateway');
    expect(JSON.parse(readFile(root, 'svc.json')).history).toContain('add adapter http --for PaymentGateway');
  });

  it('is idempotent: a second run writes nothing', async () => {
    const root = await withPort();
    expect((await http(root)).code).toBe(0);
    const before = snapshot(root);
    const again = await http(root);
    expect(again.code, again.all).toBe(0);
    expect(again.all).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('--dry-run writes nothing', async () => {
    const root = await withPort();
    const before = snapshot(root);
    const result = await http(root, { for: 'PaymentGateway' }, { dryRun: true });
    expect(result.code, result.all).toBe(0);
    expect(result.all).toContain('internal/platform/outbound/client.go');
    expect(snapshot(root)).toEqual(before);
  });

  it('reads the base URL from --base-url-env and records the flag', async () => {
    const root = await withPort();
    expect((await http(root, { for: 'PaymentGateway', baseUrlEnv: 'PAYMENTS_URL' })).code).toBe(0);
    expect(readFile(root, 'internal/platform/config/payment_gateway.go')).toContain('`env:"PAYMENTS_URL,required"`');
    expect(JSON.parse(readFile(root, 'svc.json')).history).toContain('add adapter http --for PaymentGateway --base-url-env PAYMENTS_URL');
  });

  it('memory --for switches the wiring back, keeping the files; http again rewires', async () => {
    const root = await withPort();
    expect((await http(root)).code).toBe(0);
    const switched = await memory(root);
    expect(switched.code, switched.all).toBe(0);
    const ports = readFile(root, PORTS);
    expect(ports).toContain('PaymentGateway: memory.NewPaymentGateway(),');
    expect(ports).not.toContain('httpclient');
    expect(snapshot(root)['internal/adapter/httpclient/payment_gateway.go']).toBeDefined();
    const before = snapshot(root);
    expect((await memory(root)).code).toBe(0);
    expect(snapshot(root)).toEqual(before);
    expect((await http(root)).code).toBe(0);
    expect(readFile(root, PORTS)).toContain(`PaymentGateway: ${HTTP_VALUE},`);
  });

  it("gives gRPC's end-to-end test the base URL too, whichever of the two comes first", async () => {
    const urlIn = (root: string) => readFile(root, 'cmd/orders/grpc_e2e_test.go');
    const grpcLater = await withPort();
    expect((await http(grpcLater)).code).toBe(0);
    const transport = await runAdd(grpcLater, addTransportOperation('grpc', { install: false }));
    expect(transport.code, transport.all).toBe(0);
    expect(urlIn(grpcLater)).toContain('"PAYMENT_GATEWAY_URL":');

    const grpcFirst = await withPort();
    expect((await runAdd(grpcFirst, addTransportOperation('grpc', { install: false }))).code).toBe(0);
    expect((await http(grpcFirst)).code).toBe(0);
    expect(urlIn(grpcFirst)).toContain('"PAYMENT_GATEWAY_URL":');
    expect(readFile(grpcFirst, 'cmd/orders/e2e_test.go')).toContain('"PAYMENT_GATEWAY_URL":');
  });
});

describe('svc add adapter http on a hand-edited composition root', () => {
  it('uses the renamed parameters of newPorts', async () => {
    const root = await withPort('renamedParams');
    expect((await http(root)).code).toBe(0);
    expect(readFile(root, PORTS)).toContain('PaymentGateway: httpclient.NewPaymentGateway(conf.PaymentGateway, logger, d.metrics),');
  });

  it('writes app and memory under the names the file imports them by', async () => {
    const root = await withPort('aliasedImports');
    expect(readFile(root, PORTS)).toContain('PaymentGateway: mem.NewPaymentGateway(),');
    expect((await http(root)).code).toBe(0);
    const ports = readFile(root, PORTS);
    expect(ports).toContain(`PaymentGateway: httpclient.NewPaymentGateway(cfg.PaymentGateway, log, deps.metrics),`);
    expect(ports).toContain('application.Ports{');
    expect(ports).toContain('mem "example.com/orders/internal/adapter/memory"');
    expect((await memory(root)).code).toBe(0);
    expect(readFile(root, PORTS)).toContain('PaymentGateway: mem.NewPaymentGateway(),');
  });

  it('replaces the memory adapter inside a wrapper of the user, and back', async () => {
    const root = await withPort();
    replaceIn(root, PORTS, 'PaymentGateway: memory.NewPaymentGateway(),', 'PaymentGateway: audited(memory.NewPaymentGateway(), log),');
    expect((await http(root)).code).toBe(0);
    expect(readFile(root, PORTS)).toContain(`PaymentGateway: audited(${HTTP_VALUE}, log),`);
    expect((await memory(root)).code).toBe(0);
    expect(readFile(root, PORTS)).toContain('PaymentGateway: audited(memory.NewPaymentGateway(), log),');
  });

  it('refuses, changing nothing, to replace an adapter chosen by hand, with the line to write', async () => {
    const root = await withPort();
    replaceIn(root, PORTS, 'PaymentGateway: memory.NewPaymentGateway(),', 'PaymentGateway: gateway,');
    const before = snapshot(root);
    const result = await http(root);
    expect(result.code, result.all).toBe(1);
    expect(result.all).toContain(`PaymentGateway: ${HTTP_VALUE},`);
    expect(snapshot(root)).toEqual(before);
  });
});

describe('svc add adapter http: bad input exits 2 with nothing written', () => {
  const cases: [string, string, { for?: string; baseUrlEnv?: string }][] = [
    ['http without --for', 'http', {}],
    ['--for a port that does not exist', 'http', { for: 'Ledger' }],
    ['--base-url-env that is no env var name', 'http', { for: 'PaymentGateway', baseUrlEnv: 'payments-url' }],
    ['--base-url-env with another kind', 'postgres', { baseUrlEnv: 'PAYMENTS_URL' }],
  ];
  it.each(cases)('%s', async (_name, kind, options) => {
    const root = await withPort();
    const before = snapshot(root);
    const result = await runAdd(root, addAdapterOperation(kind, { ...options, install: false }));
    expect(result.code, result.all).toBe(2);
    expect(snapshot(root)).toEqual(before);
  });

  it('a port method that returns no error', async () => {
    const root = await freshService();
    expect((await runAdd(root, addPortOperation('Rates', { methods: ['Now() int64'] }))).code).toBe(0);
    const before = snapshot(root);
    const result = await runAdd(root, addAdapterOperation('http', { for: 'Rates', install: false }));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toContain('cannot be an HTTP call');
    expect(snapshot(root)).toEqual(before);
  });
});
