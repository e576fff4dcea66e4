import { UsageError } from '../../../errors.js';
import { parseHttpRoute, type HttpRoute } from '../../../target-contract/http-route.js';

export interface TsRoute extends HttpRoute {
  /** `/v1/orders/:id`: Fastify's syntax, a `:` of a static segment doubled. */
  fastifyPath: string;
}

/**
 * `--http "METHOD /path"` with `{name}` wildcards, as for Go services. `{name...}` and `{$}` have no
 * Fastify equivalent here, and a `*` in a static segment would be a Fastify wildcard.
 */
export function parseTsRoute(value: string): TsRoute {
  const route = parseHttpRoute(value);
  if (/\{\$\}|\.\.\.\}/.test(route.path)) {
    throw new UsageError(`invalid --http ${JSON.stringify(value)}: {name...} and {$} are Go ServeMux patterns`, 'use plain {name} wildcards, e.g. --http "GET /v1/invoices/{id}"');
  }
  if (route.wildcards.includes('__proto__')) {
    throw new UsageError(`invalid --http ${JSON.stringify(value)}: {__proto__} cannot be a field of the input`, 'name the path parameter otherwise, e.g. {id}');
  }
  const segments = route.path.split('/').map((segment) => {
    const wildcard = /^\{([A-Za-z_][A-Za-z0-9_]*)\}$/.exec(segment);
    if (wildcard !== null) return `:${wildcard[1] ?? ''}`;
    if (segment.includes('*')) {
      throw new UsageError(`invalid --http ${JSON.stringify(value)}: a * in a path is a Fastify wildcard`, 'leave the * out of the path, or write the route by hand');
    }
    // Fastify reads `:x` as a parameter; `::` is a literal colon.
    return segment.replaceAll(':', '::');
  });
  return { ...route, fastifyPath: segments.join('/') };
}

const OPTIONAL_PARAM = /(\/:[^/()]*?)\?(\/?)/;

/**
 * The patterns find-my-way (Fastify's router) files a path under, following its source (9.x,
 * `Router.prototype.on` and `_on`): parameter names and regexps are dropped, the static parts
 * inside a parametric segment kept, a trailing optional parameter gives two patterns. Registering
 * a second handler with the same method and pattern throws at start; any other pair is served by
 * precedence (static before parametric before wildcard), so it is no conflict. Fastify's defaults
 * are assumed: case-sensitive, trailing and duplicate slashes significant.
 */
export function fastifyPatterns(path: string): string[] {
  if (OPTIONAL_PARAM.test(path)) {
    return [...fastifyPatterns(path.replace(OPTIONAL_PARAM, '$1$2')), ...fastifyPatterns(path.replace(OPTIONAL_PARAM, '$2') || '/')];
  }
  let pattern = path;
  for (let i = 0; i <= pattern.length; i++) {
    if (pattern[i] === ':' && pattern[i + 1] === ':') {
      i++;
      continue;
    }
    if (pattern[i] !== ':') continue;
    let parts = '';
    let regexNode = false;
    for (let j = i + 1; ; j++) {
      const isRegexParam = pattern[j] === '(';
      const isStaticPart = pattern[j] === '-' || pattern[j] === '.';
      const isEndOfNode = pattern[j] === '/' || j === pattern.length;
      if (!isRegexParam && !isStaticPart && !isEndOfNode) continue;
      regexNode = regexNode || isRegexParam || isStaticPart;
      if (isRegexParam) j = closingParenthesis(pattern, j) + 1;
      const staticStart = j;
      for (; j < pattern.length; j++) {
        if (pattern[j] === '/') break;
        if (pattern[j] === ':') {
          if (pattern[j + 1] === ':') j++;
          else break;
        }
      }
      const staticPart = pattern.slice(staticStart, j).replaceAll('::', ':').replaceAll('%', '%25');
      parts += `()${staticPart}`;
      if (isEndOfNode || pattern[j] === '/' || j === pattern.length) {
        const nodePattern = regexNode ? parts : staticPart;
        pattern = pattern.slice(0, i + 1) + nodePattern + pattern.slice(j);
        i += nodePattern.length;
        break;
      }
    }
  }
  return [pattern === '*' ? '/*' : pattern];
}

/** The `)` closing the regexp that opens at `open` (escaped characters skipped), as find-my-way finds it. */
function closingParenthesis(path: string, open: number): number {
  let depth = 1;
  for (let index = open + 1; index < path.length; index++) {
    if (path[index] === '\\') {
      index++;
      continue;
    }
    if (path[index] === ')') depth--;
    else if (path[index] === '(') depth++;
    if (depth === 0) return index;
  }
  return path.length;
}
