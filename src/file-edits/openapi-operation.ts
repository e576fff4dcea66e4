import { Document } from 'yaml';
import type { SharedParts } from './openapi-facts.js';

/** The operation a new use case adds, as its route and the use-case skeleton define it. */
export interface OperationShape {
  operationId: string;
  summary: string;
  /** The templated segments of the path, named as the path item's key names them. */
  pathParameters: readonly string[];
  /** Those the path item declares itself, which the operation does not repeat. */
  declaredByPathItem: ReadonlySet<string>;
  /** The request carries a JSON body (POST, PUT, PATCH). */
  body: boolean;
  /** A POST, which takes the document's Idempotency-Key parameter and may answer 409 while a retry is in flight. */
  idempotent?: boolean;
  /** What the handler reads and answers; without it, the skeleton's one `reference` field. */
  io?: OperationIO;
}

/** A field of a request body, query or response, as JSON Schema. */
export interface ApiField {
  name: string;
  schema: Record<string, unknown>;
}

/** The fields a handler reads from the body and the query, and answers with (null: 204, no body). */
export interface OperationIO {
  body: readonly ApiField[];
  query: readonly ApiField[];
  output: readonly ApiField[] | null;
}

const INLINE_PROBLEMS: Record<string, string> = {
  '400': 'The body is not valid JSON, or has unknown fields or fields of the wrong type.',
  '404': 'The resource does not exist.',
  '422': 'The input breaks the rules; errors lists the fields.',
  '500': 'An unexpected error. The cause is logged with the request ID, never returned.',
  '501': 'The use case is not implemented yet.',
};

/**
 * The operation, in the order the hand-written operations of the generated document use (tags,
 * operationId, summary, parameters, requestBody, responses). It reuses the document's shared
 * parts: its tag, the X-Request-ID parameter and header, and the problem responses; a problem
 * response the document does not share is written inline with its Problem schema.
 *
 * Responses: 200 (204 when the use case answers nothing); 400 for a body; 404 for a path parameter; 413 and 415 for a body and 504, only
 * when the document shares them (the service answers them, but they are not worth repeating
 * inline); 422; 500; 501, which a new use case answers until it is implemented.
 */
export function buildOperation(shape: OperationShape, parts: SharedParts, flowLists: boolean): unknown {
  const list = (items: string[]) => {
    const node = new Document().createNode(items);
    node.flow = flowLists;
    return node;
  };
  const requestId = parts.requestIdHeader === undefined ? {} : { headers: { 'X-Request-ID': { $ref: parts.requestIdHeader } } };
  const reference: ApiField = { name: 'reference', schema: { type: 'string' } };
  const io: OperationIO = shape.io ?? {
    body: shape.body ? [reference] : [],
    query: shape.body || shape.pathParameters.length > 0 ? [] : [reference],
    output: [reference],
  };
  const object = (fields: readonly ApiField[]) => ({
    type: 'object',
    additionalProperties: false,
    required: list(fields.map((field) => field.name)),
    properties: Object.fromEntries(fields.map((field) => [field.name, field.schema])),
  });
  const problem = (status: string) => {
    const shared = parts.problemResponses.get(status);
    if (shared !== undefined) return { $ref: shared };
    return {
      description: INLINE_PROBLEMS[status] ?? 'A problem.',
      ...requestId,
      content: { 'application/problem+json': { schema: parts.problemSchema === undefined ? { type: 'object' } : { $ref: parts.problemSchema } } },
    };
  };
  const idempotencyKey = shape.idempotent === true ? parts.idempotencyKeyParameter : undefined;
  const parameters: unknown[] = [
    ...shape.pathParameters.filter((name) => !shape.declaredByPathItem.has(name)).map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
    ...io.query.map((field) => ({ name: field.name, in: 'query', required: true, schema: field.schema })),
    ...(parts.requestIdParameter === undefined ? [] : [{ $ref: parts.requestIdParameter }]),
    ...(idempotencyKey === undefined ? [] : [{ $ref: idempotencyKey }]),
  ];
  const responses: Record<string, unknown> =
    io.output === null
      ? { '204': { description: 'Done; no content.', ...requestId } }
      : { '200': { description: 'The result.', ...requestId, content: { 'application/json': { schema: object(io.output) } } } };
  const body = io.body.length > 0;
  const statuses = [
    ...(body ? ['400'] : []),
    ...(shape.pathParameters.length > 0 ? ['404'] : []),
    ...(idempotencyKey !== undefined && parts.problemResponses.has('409') ? ['409'] : []),
    ...(body ? ['413', '415'].filter((status) => parts.problemResponses.has(status)) : []),
    '422',
    '500',
    '501',
    ...(parts.problemResponses.has('504') ? ['504'] : []),
  ];
  for (const status of statuses) responses[status] = problem(status);
  return {
    ...(parts.tag === undefined ? {} : { tags: list([parts.tag]) }),
    operationId: shape.operationId,
    summary: shape.summary,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body ? { requestBody: { required: true, content: { 'application/json': { schema: object(io.body) } } } } : {}),
    responses,
  };
}
