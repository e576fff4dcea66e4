import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { FailureError, UsageError } from '../../../src/errors.js';
import { addOpenApiOperation, type NewOperation } from '../../../src/file-edits/openapi-add-operation.js';
import type { CreateOptions } from '../../../src/choices/options.js';
import { resolveSpec } from '../../../src/choices/resolve-spec.js';
import { generateGoService } from '../../../src/targets/go/generate.js';
import { generateTsService } from '../../../src/targets/ts/generate.js';
import { Tree } from '../../../src/tree/tree.js';

const FILE = 'api/openapi.yaml';

/** Every document an add produced, checked by the OpenAPI validator at the end. */
const results = new Map<string, string>();

async function generated(options: Partial<CreateOptions> = {}): Promise<string> {
  const spec = resolveSpec({ directory: '/nowhere/orders', yes: true, git: false, install: false, ...options }, '/nowhere');
  const tree = new Tree(spec.root);
  if (spec.choices.lang === 'ts') await generateTsService(tree, spec);
  else await generateGoService(tree, spec);
  const text = tree.read(FILE);
  if (text === undefined) throw new Error('no api/openapi.yaml generated');
  return text;
}

/** A tree over an empty folder that reads `text` as api/openapi.yaml (undefined: no file). */
function treeWith(text: string | undefined): Tree {
  const tree = new Tree('/nowhere/orders');
  if (text !== undefined) tree.merge(FILE, text);
  return tree;
}

const CANCEL: NewOperation = { serviceName: 'orders', method: 'POST', path: '/v1/orders/{id}/cancel', body: true, operationId: 'cancelOrder', summary: 'Cancel order' };

function add(name: string, text: string | undefined, operation: NewOperation = CANCEL): string {
  const tree = treeWith(text);
  addOpenApiOperation(tree, FILE, operation);
  const after = tree.read(FILE) ?? '';
  results.set(name, after);
  return after;
}

/** The one block of whole lines `after` has in addition to `before`; fails when anything else differs. */
function insertedBlock(before: string, after: string): string {
  let prefix = 0;
  while (prefix < before.length && before.charAt(prefix) === after.charAt(prefix)) prefix++;
  // Back to a line start: the block is whole lines.
  while (prefix > 0 && after.charAt(prefix - 1) !== '\n') prefix--;
  const added = after.length - before.length;
  expect(added).toBeGreaterThan(0);
  expect(after.slice(0, prefix) + after.slice(prefix + added)).toBe(before);
  return after.slice(prefix, prefix + added);
}

function operationAt(text: string, pathKey: string, method: string): Record<string, unknown> {
  const api = parseDocument(text).toJS() as { paths: Record<string, Record<string, Record<string, unknown>>> };
  const operation = api.paths[pathKey]?.[method];
  if (operation === undefined) throw new Error(`no ${method} ${pathKey}`);
  return operation;
}

describe('addOpenApiOperation on the generated documents', () => {
  it('splices the operation in, reusing the tag, X-Request-ID and the shared problem responses (Go)', async () => {
    const before = await generated();
    const after = add('go-example', before);
    const block = insertedBlock(before, after);
    // After a blank line, as the document separates its paths.
    expect(after).toContain('                type: string\n\n  /v1/orders/{id}/cancel:\n    post:\n      tags: [orders]\n      operationId: cancelOrder\n      summary: Cancel order\n');
    const operation = operationAt(after, '/v1/orders/{id}/cancel', 'post');
    // A POST takes the document's Idempotency-Key, and may answer 409 while a retry is in flight.
    expect(operation.parameters).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
      { $ref: '#/components/parameters/RequestID' },
      { $ref: '#/components/parameters/IdempotencyKey' },
    ]);
    const responses = operation.responses as Record<string, Record<string, unknown>>;
    expect(Object.keys(responses)).toEqual(['200', '400', '404', '409', '413', '415', '422', '500', '501', '504']);
    expect(responses['409']).toEqual({ $ref: '#/components/responses/Conflict' });
    expect(responses['200']?.headers).toEqual({ 'X-Request-ID': { $ref: '#/components/headers/RequestID' } });
    expect(responses['400']).toEqual({ $ref: '#/components/responses/BadRequest' });
    expect(responses['404']).toEqual({ $ref: '#/components/responses/NotFound' });
    expect(responses['422']).toEqual({ $ref: '#/components/responses/UnprocessableContent' });
    expect(responses['500']).toEqual({ $ref: '#/components/responses/InternalServerError' });
    expect(responses['501']).toEqual({
      description: 'The use case is not implemented yet.',
      headers: { 'X-Request-ID': { $ref: '#/components/headers/RequestID' } },
      content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
    });
    expect(block).toContain("        '501':\n          description: The use case is not implemented yet.\n");
    expect(block).toContain('                required: [reference]\n');
  });

  it('does the same on the TypeScript service, whose document is the same shape', async () => {
    const before = await generated({ lang: 'ts' });
    const after = add('ts-example', before, { ...CANCEL, operationId: 'cancelOrder' });
    insertedBlock(before, after);
    expect(operationAt(after, '/v1/orders/{id}/cancel', 'post').tags).toEqual(['orders']);
  });

  it('adds a method to a path that has another, naming the parameter as the path does', async () => {
    const before = await generated();
    const after = add('go-delete', before, { serviceName: 'orders', method: 'DELETE', path: '/v1/orders/{orderId}', body: false, operationId: 'deleteOrder', summary: 'Delete order' });
    const block = insertedBlock(before, after);
    expect(block.startsWith('    delete:\n      tags: [orders]\n')).toBe(true);
    const operation = operationAt(after, '/v1/orders/{id}', 'delete');
    expect(operation.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { $ref: '#/components/parameters/RequestID' }]);
    expect(Object.keys(operation.responses as object)).toEqual(['200', '404', '422', '500', '501', '504']);
    expect(parseDocument(after).getIn(['paths', '/v1/orders/{orderId}'])).toBeUndefined();
  });

  it('takes a GET input without path parameters from the query, and no tag when none is near', async () => {
    const before = await generated({ example: false, metrics: 'none' });
    const after = add('go-bare', before, { serviceName: 'orders', method: 'GET', path: '/v1/invoices', body: false, operationId: 'listInvoices', summary: 'List invoices' });
    insertedBlock(before, after);
    const operation = operationAt(after, '/v1/invoices', 'get');
    expect(operation.tags).toBeUndefined();
    expect(operation.parameters).toEqual([{ name: 'reference', in: 'query', required: true, schema: { type: 'string' } }, { $ref: '#/components/parameters/RequestID' }]);
    // No operation uses the shared responses yet: they are found by their names.
    expect((operation.responses as Record<string, unknown>)['422']).toEqual({ $ref: '#/components/responses/UnprocessableContent' });
  });

  it('describes the fields a handler reads and answers when given them; nothing to answer is a 204', async () => {
    const before = await generated();
    const after = add('io', before, {
      ...CANCEL,
      path: '/v1/orders/{id}/notes',
      operationId: 'addNote',
      io: { body: [{ name: 'text', schema: { type: 'string' } }], query: [{ name: 'lang', schema: { type: 'string' } }], output: null },
    });
    const operation = operationAt(after, '/v1/orders/{id}/notes', 'post') as {
      parameters: { name?: string; in?: string }[];
      requestBody: { content: { 'application/json': { schema: { required: string[]; properties: Record<string, unknown> } } } };
      responses: Record<string, unknown>;
    };
    expect(operation.requestBody.content['application/json'].schema.required).toEqual(['text']);
    expect(operation.requestBody.content['application/json'].schema.properties).toEqual({ text: { type: 'string' } });
    expect(operation.parameters).toContainEqual(expect.objectContaining({ name: 'lang', in: 'query' }));
    expect(Object.keys(operation.responses)).toContain('204');
    expect(Object.keys(operation.responses)).not.toContain('200');
    const bodiless = operationAt(add('io-no-body', before, { ...CANCEL, operationId: 'cancelIt', io: { body: [], query: [], output: [] } }), '/v1/orders/{id}/cancel', 'post');
    expect(bodiless).not.toHaveProperty('requestBody');
    expect(Object.keys(bodiless.responses as object)).not.toContain('400');
  });

  it('changes nothing when the path already has the method, whatever its parameter names', async () => {
    const before = await generated();
    for (const operation of [
      { ...CANCEL, method: 'GET', path: '/v1/orders/{id}', operationId: 'getOrder' },
      { ...CANCEL, method: 'GET', path: '/v1/orders/{orderId}', operationId: 'readOrder' },
    ]) {
      const tree = treeWith(before);
      addOpenApiOperation(tree, FILE, operation);
      expect(tree.read(FILE)).toBe(before);
    }
  });

  it('refuses an operationId another operation uses (exit 2), naming it', async () => {
    const before = await generated();
    const tree = treeWith(before);
    let caught: unknown;
    try {
      addOpenApiOperation(tree, FILE, { ...CANCEL, path: '/v1/x', operationId: 'createOrder' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).exitCode).toBe(2);
    expect((caught as UsageError).message).toBe('operationId createOrder is already used by POST /v1/orders in api/openapi.yaml, so POST /v1/x cannot be added under that id');
    expect((caught as UsageError).hint).toContain('choose another use-case name');
    expect(tree.read(FILE)).toBe(before);
  });
});

describe('addOpenApiOperation on hand-written documents', () => {
  it('keeps flow collections, odd comments, quotes, anchors and CRLF of a user document, 4-space indented', () => {
    const before = [
      '# Orders API   (hand-written)',
      'openapi: "3.1.0"',
      'info: {title: Orders, version: "1"}   #  flow info',
      'tags: [{name: orders}]',
      'x-problem: &problem',
      '    description: A problem.',
      '    content:',
      '        application/problem+json:',
      '            schema: {$ref: "#/components/schemas/Problem"}',
      'paths:',
      '    /v1/orders:',
      '        get:',
      '            tags: [orders]',
      '            operationId: "listOrders"      # keep',
      '            responses:',
      '                "200": {description: ok}',
      '                "500": *problem',
      'components:',
      '    schemas:',
      '        Problem: {type: object}',
      '',
    ].join('\r\n');
    const after = add('hand-crlf', before, { ...CANCEL, method: 'POST', path: '/v1/orders' });
    const block = insertedBlock(before, after);
    expect(block.startsWith('        post:\r\n            tags: [orders]\r\n            operationId: cancelOrder\r\n')).toBe(true);
    expect(block.replace(/\r\n/g, '')).not.toContain('\n');
    expect(block).toContain('                "400":\r\n');
    const responses = operationAt(after, '/v1/orders', 'post').responses as Record<string, unknown>;
    expect(responses['422']).toEqual({ description: 'The input breaks the rules; errors lists the fields.', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } });
  });

  it('learns the shared responses and the X-Request-ID parts from what the operations use, whatever their names', () => {
    const before = [
      'openapi: 3.1.0',
      'info:',
      '  title: t',
      '  version: "1"',
      'paths:',
      '  /things/{id}:',
      '    parameters:',
      '      - {name: id, in: path, required: true, schema: {type: string}}',
      '    get:',
      '      operationId: getThing',
      '      tags: [things]',
      '      parameters:',
      "        - $ref: '#/components/parameters/Correlation'",
      '      responses:',
      "        '200':",
      '          description: ok',
      '          headers:',
      "            x-request-id: {$ref: '#/components/headers/Corr'}",
      "        '404': {$ref: '#/components/responses/Missing'}",
      "        '422': {$ref: '#/components/responses/Invalid'}",
      'components:',
      '  parameters:',
      '    Correlation: {name: X-Request-Id, in: header, schema: {type: string}}',
      '  headers:',
      '    Corr: {schema: {type: string}}',
      '  responses:',
      '    Missing: {description: not here}',
      '    Invalid: {description: invalid}',
      '    Boom: {description: boom}',
      '',
    ].join('\n');
    const after = add('hand-learned', before, { ...CANCEL, method: 'PUT', path: '/things/{name}' });
    insertedBlock(before, after);
    const operation = operationAt(after, '/things/{id}', 'put');
    expect(operation.tags).toEqual(['things']);
    // The path item declares {id}: the operation does not repeat it.
    expect(operation.parameters).toEqual([{ $ref: '#/components/parameters/Correlation' }]);
    const responses = operation.responses as Record<string, Record<string, unknown>>;
    expect(responses['200']?.headers).toEqual({ 'X-Request-ID': { $ref: '#/components/headers/Corr' } });
    expect(responses['404']).toEqual({ $ref: '#/components/responses/Missing' });
    expect(responses['422']).toEqual({ $ref: '#/components/responses/Invalid' });
    expect(responses['500']?.content).toEqual({ 'application/problem+json': { schema: { type: 'object' } } });
  });

  it('writes every problem inline in a document without components, and adds paths when it has none', () => {
    const before = 'openapi: 3.1.0\ninfo:\n  title: t\n  version: "1"\n';
    const after = add('no-components', before, { ...CANCEL, path: '/v1/orders/{id}/cancel' });
    expect(insertedBlock(before, after).startsWith('paths:\n  /v1/orders/{id}/cancel:\n    post:\n      operationId: cancelOrder\n')).toBe(true);
    const operation = operationAt(after, '/v1/orders/{id}/cancel', 'post');
    expect(operation.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }]);
    expect(Object.keys(operation.responses as object)).toEqual(['200', '400', '404', '422', '500', '501']);
    expect((operation.responses as Record<string, unknown>)['404']).toEqual({ description: 'The resource does not exist.', content: { 'application/problem+json': { schema: { type: 'object' } } } });
  });

  it('adds a new path when paths is the last key and when it is not', () => {
    const last = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      operationId: a\n      responses: {"200": {description: ok}}\n';
    expect(insertedBlock(last, add('paths-last', last)).startsWith('  /v1/orders/{id}/cancel:\n')).toBe(true);
    const middle = `${last}components:\n  schemas: {}\n`;
    const after = add('paths-middle', middle);
    expect(insertedBlock(middle, after).startsWith('  /v1/orders/{id}/cancel:\n')).toBe(true);
    expect(after.endsWith('components:\n  schemas: {}\n')).toBe(true);
  });

  it('creates a missing file with just the operation', () => {
    const after = add('new-file', undefined);
    expect(after.startsWith('openapi: 3.1.0\ninfo:\n  title: orders\n  version: 0.1.0\npaths:\n  /v1/orders/{id}/cancel:\n')).toBe(true);
  });

  it('refuses paths written as a flow mapping (exit 1) with the lines to paste, and writes nothing', () => {
    const before = 'openapi: 3.1.0\ninfo: {title: t, version: "1"}\npaths: {}\n';
    const tree = treeWith(before);
    let caught: unknown;
    try {
      addOpenApiOperation(tree, FILE, CANCEL);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FailureError);
    expect((caught as FailureError).message).toContain('paths is a flow mapping');
    expect((caught as FailureError).message).toContain('Add this by hand under paths:\n\n  /v1/orders/{id}/cancel:\n    post:\n      operationId: cancelOrder\n');
    expect(tree.read(FILE)).toBe(before);
  });
});

// Runs last: the documents of the tests above, checked as OpenAPI 3.1 by @readme/openapi-parser:
// the schema, $refs that resolve, unique operationIds, every path parameter declared.
it('leaves every document it changed valid OpenAPI 3.1', async () => {
  expect(results.size).toBeGreaterThan(8);
  const { compileErrors, validate } = await import('@readme/openapi-parser');
  for (const [name, text] of results) {
    const result = await validate(parse(text) as Parameters<typeof validate>[0]);
    expect(result.valid ? '' : compileErrors(result), name).toBe('');
  }
});
