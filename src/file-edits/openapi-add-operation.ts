import { parseDocument } from 'yaml';
import { FailureError, UsageError } from '../errors.js';
import type { Tree } from '../tree/tree.js';
import { findPathKey, isRecord, operationsOf, pathLevelParameters, sharedParts, templateNames } from './openapi-facts.js';
import { buildOperation, type OperationIO } from './openapi-operation.js';
import { detectLayout } from './yaml-layout.js';
import { insertYamlEntry } from './yaml-splice.js';

export interface NewOperation {
  /** The service's name (kebab case): the title of a new document, and its own tag. */
  serviceName: string;
  /** `POST`, any case. */
  method: string;
  /** The path as OpenAPI writes it: `/v1/orders/{id}/cancel`. */
  path: string;
  body: boolean;
  operationId: string;
  summary: string;
  /** The handler's fields; without it, the one `reference` field of a new use case's skeleton. */
  io?: OperationIO;
}

/**
 * Adds the operation to the OpenAPI document `file` as lines spliced into it: every other byte of
 * the file stays as the user wrote it (see insertYamlEntry). A missing file is created with just
 * this operation. No change when the path (or the same path with other parameter names) already
 * has the method. An operationId another operation already uses is refused (exit 2).
 */
export function addOpenApiOperation(tree: Tree, file: string, operation: NewOperation): void {
  const existing = tree.read(file);
  const text = existing ?? `openapi: 3.1.0\ninfo:\n  title: ${operation.serviceName}\n  version: 0.1.0\n`;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new FailureError(`${file} does not parse as YAML (${doc.errors[0]?.message.split('\n')[0] ?? 'unknown error'}); nothing was changed`, 'fix the file and run the command again');
  }
  const api: unknown = doc.toJS();
  if (!isRecord(api)) throw new FailureError(`${file} is not a YAML mapping; nothing was changed`, 'fix the file and run the command again');
  const method = operation.method.toLowerCase();
  const pathKey = findPathKey(api, operation.path) ?? operation.path;
  const item = isRecord(api.paths) ? api.paths[pathKey] : undefined;
  if (isRecord(item) && item[method] !== undefined) return;

  const clash = operationsOf(api).find((found) => found.operation.operationId === operation.operationId);
  if (clash !== undefined) {
    throw new UsageError(
      `operationId ${operation.operationId} is already used by ${clash.method.toUpperCase()} ${clash.where} in ${file}, so ${operation.method.toUpperCase()} ${operation.path} cannot be added under that id`,
      `an operationId names one operation: choose another use-case name, or rename the operationId of ${clash.method.toUpperCase()} ${clash.where} first`,
    );
  }

  const shape = {
    operationId: operation.operationId,
    summary: operation.summary,
    pathParameters: templateNames(pathKey),
    declaredByPathItem: pathLevelParameters(api, item),
    body: operation.body,
    idempotent: method === 'post',
    ...(operation.io === undefined ? {} : { io: operation.io }),
  };
  const layout = detectLayout(text, doc);
  const value = buildOperation(shape, sharedParts(api, pathKey, operation.serviceName), layout.flowLists);
  const { text: after } = insertYamlEntry(file, text, ['paths', pathKey], method, value, doc, layout);
  tree.merge(file, after);
}
