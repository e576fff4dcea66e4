import type { Tree } from '../../../tree/tree.js';
import { filesIn } from '../../../tree/files-in.js';
import type { TsEditSession } from '../edit/session.js';
import { routePatterns } from '../inspect/route-patterns.js';
import { fastifyPatterns } from './fastify-route.js';

export interface ServedRoute {
  method: string;
  /** The path as the code registers it: `/v1/orders/:id`. */
  path: string;
  file: string;
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
        if (path.startsWith('/') || path === '*') routes.push({ method, path, file });
      }
    }
  }
  return routes;
}

/** The served route Fastify would refuse to register `method path` beside (same method, same find-my-way pattern), if any. */
export function conflictingRoute(served: readonly ServedRoute[], method: string, path: string): ServedRoute | undefined {
  const wanted = new Set(fastifyPatterns(path));
  return served.find((route) => route.method === method && fastifyPatterns(route.path).some((pattern) => wanted.has(pattern)));
}
