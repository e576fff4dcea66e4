import { UsageError } from '../errors.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

export interface HttpRoute {
  method: (typeof METHODS)[number];
  /** As given, in Go 1.22 ServeMux syntax: `/v1/orders/{id}/cancel`. */
  path: string;
  /** `POST /v1/orders/{id}/cancel`, the mux pattern. */
  pattern: string;
  /** Wildcard names in order, e.g. `id` (a trailing `{rest...}` gives `rest`). */
  wildcards: string[];
  /** The path as OpenAPI writes it: `{$}` dropped, `{rest...}` as `{rest}`. */
  openapiPath: string;
  /** Whether the request carries a JSON body. */
  body: boolean;
  /** `http.MethodPost` */
  goMethod: string;
}

/** Parses `--http "METHOD /path"`; a UsageError shows the expected form. */
export function parseHttpRoute(value: string): HttpRoute {
  const fail = (reason: string): never => {
    throw new UsageError(`invalid --http ${JSON.stringify(value)}: ${reason}`, 'write the method and the path, e.g. --http "POST /v1/invoices" or --http "GET /v1/invoices/{id}"');
  };
  const parts = value.trim().split(/\s+/);
  if (parts.length !== 2) fail('expected "METHOD /path"');
  const [rawMethod = '', path = ''] = parts;
  const method = rawMethod.toUpperCase();
  if (!(METHODS as readonly string[]).includes(method)) fail(`method must be one of ${METHODS.join(', ')}`);
  if (!path.startsWith('/')) fail('the path must start with /');
  if (path.length > 1 && path.endsWith('/')) fail('leave out the trailing / (or end the path with {$})');
  const segments = path.split('/').slice(1);
  const wildcards: string[] = [];
  segments.forEach((segment, i) => {
    if (segment === '' && path !== '/') fail('empty path segment (//)');
    if (segment.startsWith('{')) {
      const match = /^\{([A-Za-z_][A-Za-z0-9_]*)?(\.\.\.)?\}$|^\{\$\}$/.exec(segment);
      if (match === null) fail(`bad wildcard ${segment}: write {name}, {name...} or {$}`);
      if (segment === '{$}' || match?.[2] !== undefined) {
        if (i !== segments.length - 1) fail(`${segment} may only end the path`);
      }
      if (match?.[1] !== undefined) {
        if (wildcards.includes(match[1])) fail(`wildcard {${match[1]}} appears twice`);
        wildcards.push(match[1]);
      }
      return;
    }
    if (!/^[A-Za-z0-9._~!$&'()*+,;=:@%-]*$/.test(segment)) fail(`segment ${JSON.stringify(segment)} has characters a URL path cannot hold`);
  });
  const openapiPath = path.replace(/\/\{\$\}$/, '/').replace(/\{([A-Za-z_][A-Za-z0-9_]*)\.\.\.\}/, '{$1}');
  const typed = method as HttpRoute['method'];
  return {
    method: typed,
    path,
    pattern: `${method} ${path}`,
    wildcards,
    openapiPath,
    body: BODY_METHODS.has(method),
    goMethod: `http.Method${method.charAt(0)}${method.slice(1).toLowerCase()}`,
  };
}

/** A request target for tests: the path with each wildcard replaced by `value(name)` (URL-escaped as needed) and `{$}` dropped. */
export function requestTarget(route: HttpRoute, value: (wildcard: string) => string): string {
  return route.path.replace(/\/\{\$\}$/, '/').replace(/\{([A-Za-z_][A-Za-z0-9_]*)(\.\.\.)?\}/g, (_match, name: string) => value(name));
}
