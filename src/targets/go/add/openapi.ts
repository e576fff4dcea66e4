import { addOpenApiOperation as addOperation } from '../../../file-edits/openapi-add-operation.js';
import type { Tree } from '../../../tree/tree.js';
import { OPENAPI_FILE } from './go-files.js';
import type { HttpRoute } from './http-route.js';
import type { GoTypeName } from './names.js';

/**
 * Adds the route's operation to api/openapi.yaml (both targets call this), spliced in as text so
 * no line the user wrote changes; see src/file-edits/openapi-add-operation.ts.
 */
export function addOpenApiOperation(tree: Tree, serviceName: string, route: HttpRoute, useCase: GoTypeName, operationId: string): void {
  addOperation(tree, OPENAPI_FILE, {
    serviceName,
    method: route.method,
    path: route.openapiPath,
    body: route.body,
    operationId,
    summary: useCase.words.charAt(0).toUpperCase() + useCase.words.slice(1),
  });
}
