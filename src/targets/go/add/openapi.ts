import { addOpenApiOperation as addOperation } from '../../../file-edits/openapi-add-operation.js';
import type { ApiField, OperationIO } from '../../../file-edits/openapi-operation.js';
import type { Tree } from '../../../tree/tree.js';
import { OPENAPI_FILE } from './go-files.js';
import type { HttpRoute } from '../../../target-contract/http-route.js';
import type { GoTypeName } from './names.js';
import type { AdapterType, UseCaseIO } from './usecase-io.js';

/**
 * Adds the route's operation to api/openapi.yaml, spliced in as text so
 * no line the user wrote changes; see src/file-edits/openapi-add-operation.ts. With `io` (Go), the
 * request and response are the handler's own fields; without it, the skeleton's `reference`.
 */
export function addOpenApiOperation(tree: Tree, serviceName: string, route: HttpRoute, useCase: GoTypeName, operationId: string, io?: UseCaseIO): void {
  addOperation(tree, OPENAPI_FILE, {
    serviceName,
    method: route.method,
    path: route.openapiPath,
    body: route.body,
    operationId,
    summary: useCase.words.charAt(0).toUpperCase() + useCase.words.slice(1),
    ...(io === undefined ? {} : { io: operationIO(io) }),
  });
}

function operationIO(io: UseCaseIO): OperationIO {
  const fields = (source: 'body' | 'query'): ApiField[] => io.input.filter((field) => field.source === source).map((field) => ({ name: field.api, schema: jsonSchema(field.type) }));
  return {
    body: fields('body'),
    query: fields('query'),
    // A handler whose use case answers nothing says 204 (handler-code.ts).
    output: io.output.length === 0 ? null : io.output.map((field) => ({ name: field.api, schema: jsonSchema(field.type) })),
  };
}

const INTEGERS = new Set(['byte', 'rune', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64']);

/** The JSON Schema of a field as encoding/json writes and reads it. */
function jsonSchema(type: AdapterType): Record<string, unknown> {
  return schemaOf(type.text, type.kind);
}

/** `kind` is unknown for the elements of a slice: usecase-io.ts classifies the slice as a whole. */
function schemaOf(text: string, kind: AdapterType['kind'] | undefined): Record<string, unknown> {
  if (text.startsWith('[]')) return { type: 'array', items: schemaOf(text.slice(2), undefined) };
  if (text === 'string' || kind === 'named-string') return { type: 'string' };
  if (text === 'bool') return { type: 'boolean' };
  if (text === 'float32' || text === 'float64') return { type: 'number' };
  if (INTEGERS.has(text)) return { type: 'integer' };
  if (text === 'time.Time') return { type: 'string', format: 'date-time' };
  if (text === 'time.Duration') return { type: 'integer', description: 'Nanoseconds.' };
  // A named number or bool type of app or domain: its JSON value, whichever of the two it is;
  // inside a slice it may also be a named string.
  return kind === 'json' ? { type: ['number', 'boolean'] } : {};
}
