import { isMap, parseDocument, type Document } from 'yaml';
import { FailureError } from '../../../errors.js';
import type { Tree } from '../../../tree/tree.js';
import { OPENAPI_FILE } from './go-files.js';
import type { HttpRoute } from './http-route.js';
import type { GoTypeName } from './names.js';

/**
 * Adds the operation to api/openapi.yaml through the yaml Document API, so the user's comments,
 * key order and formatting survive. No change when the path already has that method.
 * A missing file is created with just this operation.
 */
export function addOpenApiOperation(tree: Tree, serviceName: string, route: HttpRoute, useCase: GoTypeName, operationId: string): void {
  const text = tree.read(OPENAPI_FILE);
  const doc: Document = text === undefined ? newDocument(serviceName) : parseDocument(text);
  if (doc.errors.length > 0) {
    const first = doc.errors[0];
    throw new FailureError(
      `${OPENAPI_FILE} does not parse as YAML (${first?.message.split('\n')[0] ?? 'unknown error'}); nothing was changed`,
      'fix the file and run the command again',
    );
  }
  if (!isMap(doc.contents)) throw new FailureError(`${OPENAPI_FILE} is not a YAML mapping; nothing was changed`, 'fix the file and run the command again');
  const method = route.method.toLowerCase();
  if (doc.hasIn(['paths', route.openapiPath, method])) return;
  const paths = doc.get('paths', true);
  if (paths === undefined || paths === null) doc.set('paths', doc.createNode({}));
  else if (isMap(paths)) paths.flow = false;
  else throw new FailureError(`${OPENAPI_FILE}: paths is not a mapping; nothing was changed`, 'fix the file and run the command again');
  const hasProblem = doc.hasIn(['components', 'schemas', 'Problem']);
  const problem = {
    description: 'Problem details (RFC 9457).',
    content: { 'application/problem+json': { schema: hasProblem ? { $ref: '#/components/schemas/Problem' } : { type: 'object' } } },
  };
  const reference = { type: 'object', additionalProperties: false, required: ['reference'], properties: { reference: { type: 'string' } } };
  const parameters = [
    ...route.wildcards.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...(route.body || route.wildcards.length > 0 ? [] : [{ name: 'reference', in: 'query', required: true, schema: { type: 'string' } }]),
  ];
  const operation: Record<string, unknown> = {
    operationId,
    summary: useCase.words.charAt(0).toUpperCase() + useCase.words.slice(1),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: reference } } } } : {}),
    responses: {
      '200': { description: 'The result.', content: { 'application/json': { schema: reference } } },
      ...(route.body ? { '400': problem } : {}),
      '422': problem,
      '500': problem,
    },
  };
  if (doc.hasIn(['paths', route.openapiPath])) doc.setIn(['paths', route.openapiPath, method], doc.createNode(operation, { aliasDuplicateObjects: false }));
  else doc.setIn(['paths', route.openapiPath], doc.createNode({ [method]: operation }, { aliasDuplicateObjects: false }));
  tree.merge(OPENAPI_FILE, doc.toString({ lineWidth: 0 }));
}

function newDocument(serviceName: string): Document {
  return parseDocument(`openapi: 3.1.0\ninfo:\n  title: ${serviceName}\n  version: 0.1.0\n`);
}
