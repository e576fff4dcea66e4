import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { parseMethodSpecs, importBlock } from '../../../src/targets/go/add/go-code.js';
import { parseHttpRoute, requestTarget } from '../../../src/target-contract/http-route.js';
import { lowerFirstWord } from '../../../src/choices/naming.js';
import { goFieldName, safeLocalName, snakeOf, validateTypeName } from '../../../src/targets/go/add/names.js';
import { loadGoParser } from '../../../src/targets/go/edit/parser.js';
import { refusal } from '../../helpers/usage-error.js';

/** Names users give that are no Go type name; each hint must offer one that is. */
const BAD_NAMES = [
  'cancel_order', '1Order', '9', '_x', 'order_id', 'createInvoice', 'Create Invoice', 'Create.Invoice', 'Create_Invoice', 'type', 'Select',
  'string', 'error', 'http_client', 'ÄRGER', 'Ärger', 'a-b-c', '1type', '42string', 'x y', 'internal/app/X', '..', '',
];

describe('use case and port names', () => {
  it('gives every form of a valid name', () => {
    expect(validateTypeName('use case', 'CreateInvoice', 'X')).toEqual({ pascal: 'CreateInvoice', camel: 'createInvoice', snake: 'create_invoice', words: 'create invoice' });
    expect(validateTypeName('port', 'HTTPClient', 'X').snake).toBe('http_client');
  });

  it.each([
    ['', /empty/],
    ['createInvoice', /upper-case letter so the type is exported; did you mean CreateInvoice\?/],
    ['return', /Go keyword/],
    ['Select', /Go keyword/],
    ['internal/app/X', /path/],
    ['..', /path/],
    ['Create Invoice', /only letters and digits/],
    ['Create.Invoice', /only letters and digits/],
    ['Create_Invoice', /underscores/],
    ['Ärger', /ASCII/],
    ['String', /predeclared/],
  ])('refuses %j', (name, message) => {
    const error = (() => {
      try {
        validateTypeName('use case', name, 'CreateInvoice');
      } catch (caught) {
        return caught as UsageError;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect(error?.message).toMatch(message);
    expect(error?.hint).toContain('svc add usecase CreateInvoice');
  });

  it.each([
    ['cancel_order', /underscores|upper-case/, 'CancelOrder'],
    ['1Order', /must start with a letter; did you mean Order\?/, 'Order'],
    ['order_id', /underscores|upper-case/, 'OrderID'],
    ['http-client', /only letters and digits/, 'HTTPClient'],
    ['Cancel Order', /only letters and digits/, 'CancelOrder'],
  ])('hints a valid spelling of %j', (name, message, suggestion) => {
    const error = refusal(() => validateTypeName('use case', name, 'CreateInvoice'));
    expect(error.message).toMatch(message);
    expect(error.hint).toBe(`use a PascalCase Go identifier, e.g. svc add usecase ${suggestion}`);
  });

  it('every name a hint offers passes the same check (use cases and ports)', () => {
    for (const kind of ['use case', 'port'] as const) {
      for (const name of BAD_NAMES) {
        const error = refusal(() => validateTypeName(kind, name, 'CreateInvoice'));
        const offered = error.hint?.split(' ').at(-1) ?? '';
        expect(() => validateTypeName(kind, offered, 'X'), `${name} -> ${offered}`).not.toThrow();
        expect(offered, name).not.toBe(name);
      }
    }
  });

  it('splits words as Go writes initialisms, for file and API names', () => {
    expect(snakeOf('CustomerID')).toBe('customer_id');
    expect(snakeOf('UserIDs')).toBe('user_ids');
    expect(snakeOf('HTTPStatus')).toBe('http_status');
    expect(snakeOf('OrderV2')).toBe('order_v2');
    expect(snakeOf('Base64Data')).toBe('base64_data');
    expect(validateTypeName('use case', 'ListIDs', 'X').snake).toBe('list_ids');
  });

  it('turns path wildcards into exported Go field names', () => {
    expect(goFieldName('id')).toBe('ID');
    expect(goFieldName('order_id')).toBe('OrderID');
    expect(goFieldName('orderId')).toBe('OrderID');
    expect(goFieldName('ids')).toBe('IDs');
    expect(goFieldName('sku')).toBe('SKU');
    expect(goFieldName('path')).toBe('Path');
    expect(goFieldName('_id')).toBe('ID');
    expect(goFieldName('_')).toBeNull();
  });

  it('lower-cases the first word as Go initialisms want', () => {
    expect(lowerFirstWord('Orders')).toBe('orders');
    expect(lowerFirstWord('IDs')).toBe('ids');
    expect(lowerFirstWord('ID')).toBe('id');
    expect(lowerFirstWord('HTTPClient')).toBe('httpClient');
    expect(lowerFirstWord('PaymentGateway')).toBe('paymentGateway');
    expect(safeLocalName('type', new Set())).toBe('typePort');
    expect(safeLocalName('ctx', new Set(['ctx']))).toBe('ctx_');
  });
});

describe('--http routes', () => {
  it('parses method, path and wildcards', () => {
    const route = parseHttpRoute('post /v1/orders/{id}/cancel');
    expect(route).toMatchObject({ method: 'POST', pattern: 'POST /v1/orders/{id}/cancel', wildcards: ['id'], body: true, goMethod: 'http.MethodPost' });
    expect(parseHttpRoute('GET /files/{path...}').openapiPath).toBe('/files/{path}');
    expect(parseHttpRoute('GET /{$}').openapiPath).toBe('/');
    expect(requestTarget(parseHttpRoute('GET /v1/a/{x}/b/{id}/c'), (name) => (name === 'id' ? '%20' : 'abc'))).toBe('/v1/a/abc/b/%20/c');
    expect(requestTarget(parseHttpRoute('GET /files/{path...}'), () => 'abc')).toBe('/files/abc');
    expect(requestTarget(parseHttpRoute('GET /v1/{kind}/{$}'), () => 'abc')).toBe('/v1/abc/');
  });

  it.each([
    ['POST', /expected "METHOD \/path"/],
    ['POST /a /b', /expected/],
    ['TRACE /x', /method must be one of/],
    ['GET x', /must start with \//],
    ['GET /x/', /trailing/],
    ['GET /a//b', /empty path segment/],
    ['GET /{a', /bad wildcard/],
    ['GET /{rest...}/x', /may only end the path/],
    ['GET /{id}/{id}', /twice/],
    ['GET /a b', /expected/],
    ['GET /a"b', /characters/],
  ])('refuses %j', (value, message) => {
    expect(() => parseHttpRoute(value)).toThrow(message);
  });
});

describe('--method signatures', () => {
  it('parses with tree-sitter and keeps the written text', async () => {
    const parser = await loadGoParser();
    const [method] = parseMethodSpecs(parser, ['  Find(ctx context.Context, ids ...domain.OrderID) (orders []domain.Order, err error) ']);
    expect(method).toMatchObject({
      name: 'Find',
      results: ['[]domain.Order', 'error'],
      text: 'Find(ctx context.Context, ids ...domain.OrderID) (orders []domain.Order, err error)',
      qualifiers: ['context', 'domain'],
    });
    expect(method?.params[1]).toEqual({ name: 'ids', type: 'domain.OrderID', variadic: true });
  });

  it('allows a method that cannot fail to omit the context', async () => {
    const parser = await loadGoParser();
    expect(parseMethodSpecs(parser, ['Now() time.Time'])[0]?.name).toBe('Now');
  });

  it('refuses an error-returning method without a leading context', async () => {
    const parser = await loadGoParser();
    expect(() => parseMethodSpecs(parser, ['Save(o domain.Order, ctx context.Context) error'])).toThrow(/first parameter must be ctx context\.Context/);
  });
});

describe('import blocks', () => {
  it('groups the standard library first, sorted, as gofmt keeps them', () => {
    expect(importBlock([])).toBe('');
    expect(importBlock(['context'])).toBe('import "context"\n\n');
    expect(importBlock(['example.com/x/internal/port', 'sync', 'context', 'sync'])).toBe('import (\n\t"context"\n\t"sync"\n\n\t"example.com/x/internal/port"\n)\n\n');
  });
});

describe('implementation signatures', () => {
  it('keep ctx, blank the rest and share repeated types', async () => {
    const { implementationSignature } = await import('../../../src/targets/go/add/go-code.js');
    const parser = await loadGoParser();
    const [method] = parseMethodSpecs(parser, ['Notify(ctx context.Context, to string, message string, tags ...string) (int, error)']);
    if (method === undefined) throw new Error('no method');
    expect(implementationSignature(method, true)).toBe('Notify(ctx context.Context, _, _ string, _ ...string) (int, error)');
    expect(implementationSignature(method, false)).toBe('Notify(_ context.Context, _, _ string, _ ...string) (int, error)');
  });
});
