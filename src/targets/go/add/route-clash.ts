import { UsageError } from '../../../errors.js';
import type { Route } from '../inspect/project-model.js';
import type { HttpRoute } from '../../../target-contract/http-route.js';
import { commonRequest, comparePathsAndMethods, conflictsWith, MuxPatternError, parseMuxPattern, type MuxPattern } from './route-conflicts.js';

/**
 * Refuses (exit 2) a route that net/http would refuse to register beside the existing ones, naming
 * the route it clashes with and a request both would match. The one clash let through is the use
 * case's own route under an equivalent pattern: re-adding it changes nothing.
 */
export function refuseConflictingRoute(route: HttpRoute, existing: readonly Route[], useCase: string): void {
  const wanted = tryParse(route.pattern);
  if (wanted instanceof MuxPatternError) {
    throw new UsageError(`invalid --http ${JSON.stringify(route.pattern)}: net/http refuses it (${wanted.reason})`, 'write a clean path without . or .. segments, e.g. --http "GET /v1/invoices/{id}"');
  }
  for (const { route: other, pattern } of conflicting(wanted, existing)) {
    const equivalent = comparePathsAndMethods(wanted, pattern) === 'equivalent';
    if (equivalent && other.selectors.includes(useCase)) continue;
    const hint = suggestion(route, existing);
    const advice = hint === undefined ? 'choose another method or path' : `choose another method or path, e.g. --http "${hint}"`;
    if (equivalent) {
      const same = other.pattern === route.pattern ? '' : ` (as ${other.pattern}, which matches the same requests)`;
      throw new UsageError(`route ${route.pattern} is already served by ${other.handler} in ${other.file}${same}`, advice);
    }
    throw new UsageError(
      `route ${route.pattern} conflicts with ${other.pattern}, served by ${other.handler} in ${other.file}: both match ${commonRequest(wanted, pattern)} and neither is more specific, so net/http would panic at start`,
      advice,
    );
  }
}

function* conflicting(wanted: MuxPattern, existing: readonly Route[]): Generator<{ route: Route; pattern: MuxPattern }> {
  for (const route of existing) {
    const pattern = tryParse(route.pattern);
    // A pattern net/http itself refuses is the user's to fix; it cannot clash with ours at start.
    if (!(pattern instanceof MuxPatternError) && conflictsWith(wanted, pattern)) yield { route, pattern };
  }
}

function tryParse(text: string): MuxPattern | MuxPatternError {
  try {
    return parseMuxPattern(text);
  } catch (error) {
    if (error instanceof MuxPatternError) return error;
    throw error;
  }
}

/** The route with a literal segment named after a wildcard put before it, when that clashes with nothing. */
function suggestion(route: HttpRoute, existing: readonly Route[]): string | undefined {
  const segments = route.path.split('/');
  for (const [i, segment] of segments.entries()) {
    if (!segment.startsWith('{') || segment === '{$}') continue;
    const inner = segment.slice(1, -1);
    const name = inner.endsWith('...') ? inner.slice(0, -3) : inner;
    const candidate = `${route.method} ${[...segments.slice(0, i), name, ...segments.slice(i)].join('/')}`;
    const pattern = tryParse(candidate);
    if (!(pattern instanceof MuxPatternError) && conflicting(pattern, existing).next().done === true) return candidate;
  }
  return undefined;
}
