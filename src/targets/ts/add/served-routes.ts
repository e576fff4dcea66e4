import type { Tree } from '../../../tree/tree.js';
import { filesIn } from '../../../tree/files-in.js';
import type { TsEditSession } from '../edit/session.js';
import { routePatterns } from '../inspect/route-patterns.js';

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
 * The routes the handler files of `dir` register, read through ts-morph as `svc list` reads them
 * (`server.<method>('<path>', …)` and `server.route({ method, url })`); computed paths are not seen.
 */
export function servedRoutes(session: TsEditSession, tree: Tree, dir: string): ServedRoute[] {
  const routes: ServedRoute[] = [];
  for (const file of filesIn(tree, dir, '.ts')) {
    if (file.endsWith('.test.ts')) continue;
    for (const call of session.source(file, '').getDescendantsOfKind(session.ts.SyntaxKind.CallExpression)) {
      for (const pattern of routePatterns(session.ts, call)) {
        const [method = '', path = ''] = pattern.split(' ');
        if (path.startsWith('/')) routes.push({ method, path: routeKey(path), file });
      }
    }
  }
  return routes;
}
