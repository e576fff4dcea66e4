/**
 * Facts read from an OpenAPI document (as plain data, aliases resolved): its operations, the path
 * item a route belongs to, and the shared parts a new operation should reuse rather than repeat.
 */

export type Json = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

export interface OperationAt {
  /** `/v1/orders/{id}`, or `webhook orderPlaced` for a webhook. */
  where: string;
  method: string;
  operation: Json;
}

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every operation of the document: under paths and under webhooks. */
export function operationsOf(api: Json): OperationAt[] {
  const found: OperationAt[] = [];
  const collect = (items: unknown, label: (key: string) => string) => {
    if (!isRecord(items)) return;
    for (const [key, item] of Object.entries(items)) {
      if (!isRecord(item)) continue;
      for (const method of METHODS) {
        const operation = item[method];
        if (isRecord(operation)) found.push({ where: label(key), method, operation });
      }
    }
  };
  collect(api.paths, (key) => key);
  collect(api.webhooks, (key) => `webhook ${key}`);
  return found;
}

/** The names of the templated segments of a path, in order: `/a/{x}/b/{y}` gives x, y. */
export function templateNames(path: string): string[] {
  return [...path.matchAll(/\{([^}/]+)\}/g)].map((match) => match[1] ?? '');
}

function templateShape(path: string): string {
  return path.replace(/\{[^}/]+\}/g, '{}');
}

/**
 * The key of the path item that serves `path`: the same key, or one that differs only in the names
 * of its templated segments (OpenAPI holds those to be the same path, and forbids both).
 */
export function findPathKey(api: Json, path: string): string | undefined {
  if (!isRecord(api.paths)) return undefined;
  if (path in api.paths) return path;
  return Object.keys(api.paths).find((key) => templateShape(key) === templateShape(path));
}

/** Follows a local `$ref` (`#/components/…`); undefined when it leads nowhere. */
export function resolveRef(api: Json, ref: unknown): unknown {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined;
  let node: unknown = api;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isRecord(node)) return undefined;
    node = node[key];
  }
  return node;
}

export function componentRef(section: string, name: string): string {
  return `#/components/${section}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** The path parameters declared by the path item itself, which its operations need not repeat. */
export function pathLevelParameters(api: Json, item: unknown): Set<string> {
  const names = new Set<string>();
  if (!isRecord(item) || !Array.isArray(item.parameters)) return names;
  for (const entry of item.parameters) {
    const parameter = isRecord(entry) && typeof entry.$ref === 'string' ? resolveRef(api, entry.$ref) : entry;
    if (isRecord(parameter) && parameter.in === 'path' && typeof parameter.name === 'string') names.add(parameter.name);
  }
  return names;
}

/** What a new operation reuses from the document; each is absent when the document has none. */
export interface SharedParts {
  /** The tag of the operations nearest the path (or the service's own tag). */
  tag?: string;
  /** `#/components/parameters/…`: the X-Request-ID request header. */
  requestIdParameter?: string;
  /** The shared Idempotency-Key header parameter, when the document declares one (POST operations take it). */
  idempotencyKeyParameter?: string;
  /** `#/components/headers/…`: the X-Request-ID response header. */
  requestIdHeader?: string;
  /** Status code to `#/components/responses/…`, for the problem responses the document shares. */
  problemResponses: Map<string, string>;
  /** `#/components/schemas/…`: the problem document schema. */
  problemSchema?: string;
}

/** Names the shared responses of these statuses usually have (RFC 9110 reason phrases and their older forms). */
const RESPONSE_NAMES: Record<string, string[]> = {
  '400': ['BadRequest'],
  '404': ['NotFound'],
  '409': ['Conflict'],
  '413': ['ContentTooLarge', 'PayloadTooLarge', 'RequestEntityTooLarge'],
  '415': ['UnsupportedMediaType'],
  '422': ['UnprocessableContent', 'UnprocessableEntity', 'ValidationFailed'],
  '500': ['InternalServerError', 'InternalError'],
  '501': ['NotImplemented'],
  '504': ['GatewayTimeout'],
};

export function sharedParts(api: Json, path: string, serviceName: string): SharedParts {
  const operations = operationsOf(api);
  const responses = operations.flatMap((op) => (isRecord(op.operation.responses) ? Object.entries(op.operation.responses) : []));
  const components = isRecord(api.components) ? api.components : {};
  const sharedResponses = isRecord(components.responses) ? Object.values(components.responses) : [];
  const parts: SharedParts = { problemResponses: new Map() };

  const tag = nearestTag(api, operations, path, serviceName);
  if (tag !== undefined) parts.tag = tag;

  const parameters = isRecord(components.parameters) ? components.parameters : {};
  const parameter = Object.entries(parameters).find(([, value]) => isRecord(value) && value.in === 'header' && String(value.name).toLowerCase() === 'x-request-id');
  if (parameter !== undefined) parts.requestIdParameter = componentRef('parameters', parameter[0]);
  const idempotencyKey = Object.entries(parameters).find(([, value]) => isRecord(value) && value.in === 'header' && String(value.name).toLowerCase() === 'idempotency-key');
  if (idempotencyKey !== undefined) parts.idempotencyKeyParameter = componentRef('parameters', idempotencyKey[0]);

  const headerRefs = [...responses.map(([, response]) => response), ...sharedResponses].flatMap((response) => {
    if (!isRecord(response) || !isRecord(response.headers)) return [];
    return Object.entries(response.headers).flatMap(([name, header]) =>
      name.toLowerCase() === 'x-request-id' && isRecord(header) && typeof header.$ref === 'string' && header.$ref.startsWith('#/components/headers/') && isRecord(resolveRef(api, header.$ref)) ? [header.$ref] : [],
    );
  });
  const headers = isRecord(components.headers) ? components.headers : {};
  const namedHeader = Object.keys(headers).find((name) => ['requestid', 'xrequestid'].includes(name.toLowerCase().replace(/[^a-z]/g, '')));
  const header = mostCommon(headerRefs) ?? (namedHeader === undefined ? undefined : componentRef('headers', namedHeader));
  if (header !== undefined) parts.requestIdHeader = header;

  for (const [status, names] of Object.entries(RESPONSE_NAMES)) {
    const used = responses.flatMap(([code, response]) =>
      code === status && isRecord(response) && typeof response.$ref === 'string' && response.$ref.startsWith('#/components/responses/') && isRecord(resolveRef(api, response.$ref)) ? [response.$ref] : [],
    );
    const named = names.find((name) => isRecord(components.responses) && isRecord(components.responses[name]));
    const ref = mostCommon(used) ?? (named === undefined ? undefined : componentRef('responses', named));
    if (ref !== undefined) parts.problemResponses.set(status, ref);
  }

  const problemRefs = [...responses.map(([, response]) => response), ...sharedResponses].flatMap((response) => {
    const schema = isRecord(response) && isRecord(response.content) && isRecord(response.content['application/problem+json']) ? response.content['application/problem+json'].schema : undefined;
    return isRecord(schema) && typeof schema.$ref === 'string' && schema.$ref.startsWith('#/components/schemas/') && isRecord(resolveRef(api, schema.$ref)) ? [schema.$ref] : [];
  });
  const schemas = isRecord(components.schemas) ? components.schemas : {};
  const problem = mostCommon(problemRefs) ?? (isRecord(schemas.Problem) ? componentRef('schemas', 'Problem') : undefined);
  if (problem !== undefined) parts.problemSchema = problem;
  return parts;
}

/**
 * The most common first tag of the operations whose paths share the most leading resource
 * segments with `path` (version segments such as `v1` and `api` do not count); with none, the
 * service's own tag when the document declares one.
 */
function nearestTag(api: Json, operations: readonly OperationAt[], path: string, serviceName: string): string | undefined {
  const target = resourceSegments(path);
  let best = 0;
  let tags: string[] = [];
  for (const { where, operation } of operations) {
    const first = Array.isArray(operation.tags) ? operation.tags[0] : undefined;
    if (typeof first !== 'string' || where.startsWith('webhook ')) continue;
    const segments = resourceSegments(where);
    let shared = 0;
    while (shared < target.length && shared < segments.length && segments[shared] === target[shared]) shared++;
    if (shared === 0 || shared < best) continue;
    if (shared > best) tags = [];
    best = shared;
    tags.push(first);
  }
  const declared = Array.isArray(api.tags) ? api.tags.some((tag) => isRecord(tag) && tag.name === serviceName) : false;
  return mostCommon(tags) ?? (declared ? serviceName : undefined);
}

function resourceSegments(path: string): string[] {
  return path
    .split('/')
    .filter((segment) => segment !== '' && segment.toLowerCase() !== 'api' && !/^v\d+(\.\d+)*$/i.test(segment))
    .map((segment) => (segment.startsWith('{') ? '{}' : segment));
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = value;
  return best;
}
