import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addPortOperation } from '../../../src/targets/go/add/port.js';
import { addUsecaseOperation, type AddUsecaseOptions } from '../../../src/targets/go/add/usecase.js';
import { AnchorNotFoundError } from '../../../src/targets/go/edit/errors.js';
import {
  dropNotImplemented,
  dropRoutesLogger,
  handWrittenRefund,
  handWrittenSummary,
  renameErrorTable,
  renamePortsParameter,
  renameRoutesParameters,
  routesLocal,
  ungroupDomainErrors,
  userFile,
} from '../../helpers/go-hand-edits.js';
import { makeService, read, runAdd, snapshot, type Captured } from './fixture.js';

const MODULE = 'example.com/orders';

const usecase = (name: string, options: AddUsecaseOptions = {}) => addUsecaseOperation(name, options);

/** The `svc add usecase …` a refusal suggests, as an operation, or null. */
function suggested(result: Captured): { name: string; options: AddUsecaseOptions } | null {
  const match = /e\.g\. svc add usecase (\w+)((?: --\w+ (?:"[^"]*"|\S+))*)/.exec(result.all);
  if (match === null) return null;
  const options: AddUsecaseOptions = {};
  for (const flag of (match[2] ?? '').matchAll(/--(uses|http) ("[^"]*"|\S+)/g)) {
    const value = flag[2]?.startsWith('"') ? (JSON.parse(flag[2]) as string) : (flag[2] ?? '');
    if (flag[1] === 'uses') options.uses = value;
    else options.http = value;
  }
  return { name: match[1] ?? '', options };
}

describe('svc add usecase --http binds the names routes uses', () => {
  it('with renamed parameters and import aliases', async () => {
    const root = await makeService();
    renameRoutesParameters(root, MODULE);
    const result = await runAdd(root, usecase('CreateInvoice', { uses: 'Orders', http: 'POST /v1/invoices' }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'internal/adapter/http/router.go')).toContain('\tmux2.Handle("POST /v1/invoices", createInvoice(logger, application.CreateInvoice))\n}');
  });

  it('refuses with the line to add in the user names when routes lacks the logger', async () => {
    const root = await makeService();
    dropRoutesLogger(root);
    const before = snapshot(root);
    const result = await runAdd(root, usecase('CreateInvoice', { http: 'POST /v1/invoices' }));
    expect(result.code, result.all).toBe(1);
    expect(result.error).toBeInstanceOf(AnchorNotFoundError);
    expect(result.all).toContain('func routes has no parameter of type *slog.Logger');
    expect((result.error as AnchorNotFoundError).manualSnippet).toBe('mux.Handle("POST /v1/invoices", createInvoice(log, a.CreateInvoice))');
    expect(snapshot(root)).toEqual(before);
    // A route already in place needs no names: the re-run is nothing to do.
    const again = await runAdd(root, usecase('GetOrder', { http: 'GET /v1/orders/{id}' }));
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain('nothing to do');
  });

  it('builds the use case from the Ports parameter New names', async () => {
    const root = await makeService();
    renamePortsParameter(root);
    expect((await runAdd(root, usecase('CreateInvoice', { uses: 'Orders,IDs' }))).code).toBe(0);
    expect(read(root, 'internal/app/app.go')).toMatch(/\t\tCreateInvoice: +NewCreateInvoice\(ports\.Orders, ports\.IDs\),\n/);
  });
});

describe('collisions exit 2, write nothing, and suggest a name that is accepted', () => {
  const cases: [string, string, AddUsecaseOptions, RegExp, ((root: string) => void)?][] = [
    ['a file of the HTTP adapter (order.go)', 'Order', { http: 'GET /v1/order-summary' }, /internal\/adapter\/http\/order\.go already exists/],
    ['a type of the HTTP adapter', 'Middleware', { http: 'GET /v1/middleware' }, /middleware is already declared in internal\/adapter\/http\/router\.go/],
    ['the problem type', 'Problem', { http: 'GET /v1/problems' }, /problem is already declared in internal\/adapter\/http\/problem\.go/],
    ['a test of the HTTP adapter', 'DecodeJSON', { http: 'POST /v1/decode' }, /TestDecodeJSON is already declared in internal\/adapter\/http\/json_test\.go/],
    ['an import of router.go', 'Metrics', { http: 'GET /v1/stats' }, /metrics would clash with the import of "example\.com\/orders\/internal\/platform\/metrics" in internal\/adapter\/http\/router\.go/],
    ['an import of health.go', 'Health', { http: 'GET /v1/status' }, /health would clash with the import of "example\.com\/orders\/internal\/platform\/health"/],
    ['the domain import', 'Domain', { http: 'GET /v1/domains' }, /domain would clash with the import of "example\.com\/orders\/internal\/domain" in/],
    ['net/http, spelled as Go does not', 'Http', { http: 'GET /v1/http' }, /Go writes Http as HTTP[\s\S]*http would clash with the import of "net\/http"/],
    ['a parameter of routes', 'Log', { http: 'GET /v1/logs' }, /func routes declares its own log/],
    ['a local of routes', 'Invoices', { http: 'GET /v1/invoices' }, /func routes declares its own invoices/, (root) => routesLocal(root, 'invoices')],
    ['the App type', 'App', {}, /App is already declared in internal\/app\/app\.go/],
    ['the Ports type', 'Ports', {}, /Ports is already declared in internal\/app\/app\.go/],
    ['an input type of another use case', 'CreateOrderInput', {}, /CreateOrderInput is already declared in internal\/app\/create_order\.go/],
    [
      "the user's own Input type",
      'Refund',
      { uses: 'Orders' },
      /RefundInput is already declared in internal\/app\/refunds\.go/,
      (root) => userFile(root, 'internal/app/refunds.go', "package app\n\n// RefundInput is the user's own type.\ntype RefundInput struct{}\n"),
    ],
    ['a file that exists', 'Archive', {}, /internal\/app\/archive\.go already exists/, (root) => userFile(root, 'internal/app/archive.go', 'package app\n\n// Archiving comes later.\n')],
    [
      "a handler's name in a user's file",
      'ListThings',
      { http: 'GET /v1/things' },
      /listThings is already declared in internal\/adapter\/http\/things\.go/,
      (root) => userFile(root, 'internal/adapter/http/things.go', 'package httpadapter\n\nfunc listThings() []string { return nil }\n'),
    ],
    [
      "an import name of a user's file",
      'Report',
      { http: 'GET /v1/report' },
      /report would clash with the import of "encoding\/json" in internal\/adapter\/http\/export\.go/,
      (root) => userFile(root, 'internal/adapter/http/export.go', 'package httpadapter\n\nimport report "encoding/json"\n\nvar _ = report.Valid\n'),
    ],
  ];

  it.each(cases)('%s', async (_label, name, options, message, prepare) => {
    const root = await makeService();
    prepare?.(root);
    const before = snapshot(root);
    const refused = await runAdd(root, usecase(name, options));
    expect(refused.code, refused.all).toBe(2);
    expect(refused.all).toMatch(message);
    expect(snapshot(root)).toEqual(before);
    const suggestion = suggested(refused);
    expect(suggestion, refused.all).not.toBeNull();
    expect(suggestion?.options).toEqual(options);
    const accepted = await runAdd(root, usecase(suggestion?.name ?? '', suggestion?.options));
    expect(accepted.code, accepted.all).toBe(0);
  });

  it('names that fit go through: Handle, Config', async () => {
    const root = await makeService();
    expect((await runAdd(root, usecase('Handle', { http: 'GET /v1/handles' }))).code).toBe(0);
    expect((await runAdd(root, usecase('Config', { http: 'GET /v1/configs' }))).code).toBe(0);
  });

  it('an import the new test needs, declared by the user: no name helps, so none is suggested', async () => {
    const root = await makeService({ example: false, metrics: 'none', tracing: 'none', deploy: ['none'] }, 'bare');
    userFile(root, 'internal/app/labels_test.go', 'package app_test\n\nvar errors = map[string]string{}\n');
    const before = snapshot(root);
    const result = await runAdd(root, usecase('Ping'));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toContain('the new code imports "errors" as errors, which is declared in internal/app/labels_test.go');
    expect(result.all).toContain('rename or move it');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('a new use case is a skeleton that answers 501', () => {
  it('fails with a wrapped domain.ErrNotImplemented after validating, and its tests say so', async () => {
    const root = await makeService();
    expect((await runAdd(root, usecase('RefundOrder', { uses: 'Orders', http: 'POST /v1/orders/{id}/refund' }))).code).toBe(0);
    const source = read(root, 'internal/app/refund_order.go');
    expect(source).toContain('var errRefundOrderNotImplemented = fmt.Errorf("refund order: %w", domain.ErrNotImplemented)');
    expect(source).toContain('\tif err := in.validate(); err != nil {\n\t\treturn RefundOrderOutput{}, err\n\t}\n\treturn RefundOrderOutput{}, errRefundOrderNotImplemented\n}');
    expect(source).toContain('type RefundOrderInput struct {\n\tID string\n}');
    expect(source).toContain('v.Add("id", "is required")');
    const test = read(root, 'internal/app/refund_order_test.go');
    expect(test).toContain('in:      app.RefundOrderInput{ID: "abc"},\n\t\t\twantErr: domain.ErrNotImplemented,');
    expect(test).toContain('in:        app.RefundOrderInput{ID: " "},\n\t\t\twantErr:   domain.ErrInvalid,\n\t\t\twantField: "id",');
    const handlerTest = read(root, 'internal/adapter/http/refund_order_test.go');
    expect(handlerTest).toContain('t.Run("answers 501 until RefundOrder is implemented"');
    expect(handlerTest).toContain('readProblem(t, send(t, "/v1/orders/abc/refund"), http.StatusNotImplemented)');
    expect(handlerTest).toContain('readProblem(t, send(t, "/v1/orders/%20/refund"), http.StatusUnprocessableEntity)');
  });

  it.each(['POST', 'PUT', 'PATCH', 'GET', 'DELETE'])('%s: every path wildcard is an input field read with PathValue', async (method) => {
    const root = await makeService();
    const result = await runAdd(root, usecase('ChangeItem', { http: `${method} /v1/orders/{order_id}/items/{sku}` }));
    expect(result.code, result.all).toBe(0);
    const handler = read(root, 'internal/adapter/http/change_item.go');
    expect(handler).toContain('app.ChangeItemInput{\n\t\t\tOrderID: r.PathValue("order_id"),\n\t\t\tSKU:     r.PathValue("sku"),\n\t\t})');
    expect(handler).not.toContain('DecodeJSON');
    expect(read(root, 'internal/app/change_item.go')).toContain('type ChangeItemInput struct {\n\tOrderID string\n\tSKU     string\n}');
    expect(read(root, 'internal/app/change_item.go')).toContain('v.Add("order_id", "is required")');
    const test = read(root, 'internal/adapter/http/change_item_test.go');
    expect(test).toContain(`httptest.NewRequestWithContext(t.Context(), http.Method${method.charAt(0)}${method.slice(1).toLowerCase()}, target, http.NoBody)`);
    expect(test).toContain('send(t, "/v1/orders/abc/items/abc"), http.StatusNotImplemented)');
    expect(test).toContain('send(t, "/v1/orders/%20/items/abc"), http.StatusUnprocessableEntity)');
    expect(test).toContain('send(t, "/v1/orders/abc/items/%20"), http.StatusUnprocessableEntity)');
  });

  it('refuses two wildcards that would be one field', async () => {
    const root = await makeService();
    const result = await runAdd(root, usecase('Move', { http: 'POST /v1/{order_id}/{orderId}' }));
    expect(result.code).toBe(2);
    expect(result.all).toContain('the wildcards {order_id} and {orderId} would both be the input field OrderID');
  });
});

describe('services without domain.ErrNotImplemented or its 501 row', () => {
  it('get both through the edit engine', async () => {
    const root = await makeService();
    dropNotImplemented(root, MODULE);
    expect(read(root, 'internal/domain/errors.go')).not.toContain('ErrNotImplemented');
    const result = await runAdd(root, usecase('CreateInvoice', { http: 'POST /v1/invoices' }));
    expect(result.code, result.all).toBe(0);
    // At the end of the var block, after the last kind the template declares.
    expect(read(root, 'internal/domain/errors.go')).toContain('\tErrUnavailable = errors.New("unavailable")\n\t// ErrNotImplemented means the operation exists but its work is not\n\t// written yet: the skeleton of a new use case fails with it until then.\n\tErrNotImplemented = errors.New("not implemented")\n)');
    const problem = read(root, 'internal/adapter/http/problem.go');
    expect(problem).toContain('\t{context.Canceled, statusClientClosedRequest},\n\t{domain.ErrNotImplemented, http.StatusNotImplemented},\n}');
    expect(problem).toContain('\thttp.StatusNotImplemented:      "The operation is not implemented yet.",\n}');
  });

  it('declared one by one: the new error goes after ErrInvalid', async () => {
    const root = await makeService();
    dropNotImplemented(root, MODULE);
    ungroupDomainErrors(root);
    expect((await runAdd(root, usecase('CreateInvoice'))).code).toBe(0);
    expect(read(root, 'internal/domain/errors.go')).toContain('var ErrInvalid = errors.New("invalid")\n\n// ErrNotImplemented means the operation exists but its work is not\n// written yet: the skeleton of a new use case fails with it until then.\nvar ErrNotImplemented = errors.New("not implemented")\n');
  });

  it('a renamed error table: --http refuses with the lines to add; without --http the domain error is enough', async () => {
    const root = await makeService();
    dropNotImplemented(root, MODULE);
    renameErrorTable(root);
    const before = snapshot(root);
    const refused = await runAdd(root, usecase('CreateInvoice', { http: 'POST /v1/invoices' }));
    expect(refused.code, refused.all).toBe(1);
    expect((refused.error as AnchorNotFoundError).manualSnippet).toContain('{domain.ErrNotImplemented, http.StatusNotImplemented},');
    expect(snapshot(root)).toEqual(before);
    const plain = await runAdd(root, usecase('CreateInvoice'));
    expect(plain.code, plain.all).toBe(0);
    expect(read(root, 'internal/domain/errors.go')).toContain('ErrNotImplemented = errors.New("not implemented")');
    expect(read(root, 'internal/adapter/http/problem.go')).toBe(before['internal/adapter/http/problem.go']);
    // The user adds the lines printed, in the table as it is now named: the route goes in.
    userFile(
      root,
      'internal/adapter/http/problem.go',
      read(root, 'internal/adapter/http/problem.go')
        .replace('\t{domain.ErrConflict, http.StatusConflict},\n', '\t{domain.ErrConflict, http.StatusConflict},\n\t{domain.ErrNotImplemented, http.StatusNotImplemented},\n')
        .replace('\thttp.StatusGatewayTimeout: ', '\thttp.StatusNotImplemented:      "Not yet.",\n\thttp.StatusGatewayTimeout: '),
    );
    const routed = await runAdd(root, usecase('CreateInvoice', { http: 'POST /v1/invoices' }));
    expect(routed.code, routed.all).toBe(0);
    expect(read(root, 'internal/adapter/http/router.go')).toContain('mux.Handle("POST /v1/invoices", createInvoice(log, a.CreateInvoice))');
  });
});

describe('--http on a use case that exists', () => {
  it('serves a hand-written use case from its own input and output', async () => {
    const root = await makeService();
    handWrittenRefund(root, MODULE);
    const result = await runAdd(root, usecase('Refund', { http: 'POST /v1/orders/{id}/refunds' }));
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).not.toContain('internal/app/refund.go');
    const handler = read(root, 'internal/adapter/http/refund.go');
    expect(handler).toContain('type refundRequest struct {\n\tAmount int64  `json:"amount"`\n\tReason string `json:"reason"`\n}');
    expect(handler).toContain('type refundResponse struct {\n\tRefundID string `json:"refund_id"`\n\tAmount   int64  `json:"amount"`\n}');
    expect(handler).toContain('app.RefundInput{\n\t\t\tID:     domain.OrderID(r.PathValue("id")),\n\t\t\tAmount: req.Amount,\n\t\t\tReason: req.Reason,\n\t\t})');
    expect(handler).toContain('refundResponse{\n\t\t\tRefundID: out.RefundID,\n\t\t\tAmount:   out.Amount,\n\t\t}');
    expect(handler).toContain('\t"example.com/orders/internal/domain"\n');
    expect(read(root, 'internal/adapter/http/router.go')).toContain('mux.Handle("POST /v1/orders/{id}/refunds", refund(log, a.Refund))');
    // The document describes what the handler reads and answers, not the skeleton's reference.
    const api = parse(read(root, 'api/openapi.yaml')) as { paths: Record<string, Record<string, OpenApiOperation>> };
    const operation = api.paths['/v1/orders/{id}/refunds']?.post;
    expect(operation?.requestBody?.content['application/json']?.schema).toEqual({
      type: 'object',
      additionalProperties: false,
      required: ['amount', 'reason'],
      properties: { amount: { type: 'integer' }, reason: { type: 'string' } },
    });
    expect(operation?.responses['200']?.content?.['application/json']?.schema?.required).toEqual(['refund_id', 'amount']);
  });

  const refusals: [string, string, AddUsecaseOptions, RegExp][] = [
    ['a number in the query', 'Refund', { http: 'GET /v1/orders/{id}/refunds' }, /RefundInput\.Amount is int64, which a GET request can only carry in its query, as a string/],
    ['a wildcard without a field', 'Refund', { http: 'POST /v1/refunds/{refund_id}' }, /RefundInput has no field for the path wildcard \{refund_id\}/],
    ['a struct in the result', 'Summarize', { http: 'GET /v1/orders/{id}/summary' }, /SummarizeOutput\.Order is domain\.Order: domain\.Order is not a named string or number type/],
    ['a route elsewhere', 'CreateOrder', { http: 'POST /v1/x' }, /CreateOrder is already served at POST \/v1\/orders in internal\/adapter\/http\/router\.go/],
  ];
  it.each(refusals)('refuses %s with exit 2 and writes nothing', async (_label, name, options, message) => {
    const root = await makeService();
    handWrittenRefund(root, MODULE);
    handWrittenSummary(root, MODULE);
    const before = snapshot(root);
    const result = await runAdd(root, usecase(name, options));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });

  it('a handler written by hand but not routed: exit 2 with the route line to add', async () => {
    const root = await makeService();
    handWrittenRefund(root, MODULE);
    userFile(root, 'internal/adapter/http/refund.go', 'package httpadapter\n\n// refund is written by hand, not routed yet.\nfunc refund() {}\n');
    const before = snapshot(root);
    const result = await runAdd(root, usecase('Refund', { http: 'POST /v1/orders/{id}/refunds' }));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toContain('internal/adapter/http/refund.go already exists');
    expect(result.all).toContain('register it by hand in func routes: mux.Handle("POST /v1/orders/{id}/refunds", refund(log, a.Refund))');
    expect(snapshot(root)).toEqual(before);
  });

  it('is nothing to do at the route that serves it already, OpenAPI included', async () => {
    const root = await makeService();
    const before = snapshot(root);
    const result = await runAdd(root, usecase('CreateOrder', { http: 'POST  /v1/orders' }));
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('leaves the document alone when the served operation is documented under another path', async () => {
    const root = await makeService();
    userFile(root, 'api/openapi.yaml', read(root, 'api/openapi.yaml').replace('\n  /v1/orders:\n', '\n  /v1/legacy-orders:\n'));
    const before = snapshot(root);
    const result = await runAdd(root, usecase('CreateOrder', { http: 'POST /v1/orders' }));
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  });

  it('never gives a second operation the same operationId', async () => {
    const root = await makeService();
    handWrittenRefund(root, MODULE);
    const legacy = "  /v1/legacy/refunds:\n    post:\n      operationId: refund\n      responses:\n        '200':\n          description: ok\n";
    userFile(root, 'api/openapi.yaml', read(root, 'api/openapi.yaml').replace('\npaths:\n', `\npaths:\n${legacy}`));
    const before = snapshot(root);
    const result = await runAdd(root, usecase('Refund', { http: 'POST /v1/orders/{id}/refunds' }));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toContain('operationId refund is already used by POST /v1/legacy/refunds in api/openapi.yaml');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('svc add port against hand-edited packages', () => {
  it('a name the memory package declares: exit 2, and the suggestion is accepted', async () => {
    const root = await makeService();
    userFile(root, 'internal/adapter/memory/audit_log.go', "package memory\n\n// Audit is the user's own type.\ntype Audit struct{}\n");
    const before = snapshot(root);
    const method = 'Record(ctx context.Context, event string) error';
    const refused = await runAdd(root, addPortOperation('Audit', { methods: [method] }));
    expect(refused.code, refused.all).toBe(2);
    expect(refused.all).toContain('Audit is already declared in internal/adapter/memory/audit_log.go');
    expect(refused.all).toContain(`e.g. svc add port AuditV2 --method "${method}"`);
    expect(snapshot(root)).toEqual(before);
    expect((await runAdd(root, addPortOperation('AuditV2', { methods: [method] }))).code).toBe(0);
  });
});

interface OpenApiOperation {
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: { required?: string[] } }> }>;
}
