import type { Tree } from '../../../tree/tree.js';
import { filesIn } from '../../../tree/files-in.js';
import type { TsEditSession } from '../edit/session.js';

const METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

export interface ServedRoute {
  method: string;
  /** As Fastify matches it: every `:param` is the same segment whatever its name. */
  path: string;
  file: string;
}

/** `/v1/orders/:id` and `/v1/orders/:orderId` are one route to Fastify. */
export function routeKey(fastifyPath: string): string {
  return fastifyPath
    .split('/')
    .map((segment) => (segment.startsWith(':') ? ':' : segment))
    .join('/');
}

/**
 * The routes the HTTP adapter registers as `<server>.<method>('<path>', …)` in the files of `dir`,
 * read through ts-morph. Routes built otherwise (server.route({…}), computed paths) are not seen.
 */
export function servedRoutes(session: TsEditSession, tree: Tree, dir: string): ServedRoute[] {
  const { SyntaxKind } = session.ts;
  const routes: ServedRoute[] = [];
  for (const file of filesIn(tree, dir, '.ts')) {
    if (file.endsWith('.test.ts')) continue;
    for (const call of session.source(file, '').getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = call.getExpression().asKind(SyntaxKind.PropertyAccessExpression);
      const method = callee?.getName().toLowerCase();
      const path = call.getArguments()[0]?.asKind(SyntaxKind.StringLiteral)?.getLiteralValue();
      if (method === undefined || path === undefined || !METHODS.has(method) || !path.startsWith('/')) continue;
      routes.push({ method: method.toUpperCase(), path: routeKey(path), file });
    }
  }
  return routes;
}
