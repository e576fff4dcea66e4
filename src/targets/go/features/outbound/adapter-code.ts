import { UsageError } from '../../../../errors.js';
import { namesOf, type Names } from '../../../../choices/naming.js';
import { compareStrings } from '../../../../tree/compare.js';
import type { MethodSignature } from '../../inspect/syntax.js';

/** The port an http adapter implements, as its interface declares it. */
export interface HttpPort {
  name: Names;
  methods: readonly MethodSignature[];
  /** Import path of every package qualifier the methods use. */
  qualifiers: ReadonlyMap<string, string>;
}

/** Names the method bodies use besides the parameters: a parameter spelled like one is renamed. */
const BODY_NAMES = new Set(['a', 'answer', 'err', 'domainError', 'zero']);

/**
 * The Go text of internal/adapter/httpclient/<port>.go and its test, for the template of
 * templates/go/outbound/adapter: one request type per method (its parameters but ctx, as JSON
 * fields named in snake_case), one answer type per method with results, a routes table (POST
 * /<kebab-method>, with an Idempotency-Key) that is the wire contract, and the methods.
 * A method that returns no error cannot report a failed call: bad input (exit 2).
 */
export function httpAdapterCode(module: string, port: HttpPort, prometheus: boolean): Record<string, string> {
  for (const method of port.methods) {
    if (method.results.at(-1) !== 'error' || method.params[0]?.type !== 'context.Context') {
      throw new UsageError(
        `${port.name.pascal}.${method.name} does not take a context.Context first and return an error, so it cannot be an HTTP call (which can time out and fail)`,
        `change the port so every method is like Charge(ctx context.Context, ...) (..., error), or keep the memory adapter for ${port.name.pascal}`,
      );
    }
  }
  const routes = `${port.name.camel}Routes`;
  const width = Math.max(...port.methods.map((method) => method.name.length)) + 1;
  const routeFields = port.methods.map((method) => `\t${method.name.padEnd(width - 1)} outbound.Route\n`).join('');
  const routeValues = port.methods
    .map((method) => `\t${`${method.name}:`.padEnd(width)} outbound.Route{Method: http.MethodPost, Path: "/${namesOf(method.name).kebab}", IdempotencyKey: true},\n`)
    .join('');
  const types = port.methods.map((method) => typesOf(port, method)).join('');
  const methods = port.methods.map((method) => methodOf(port, routes, method)).join('').slice(0, -1);
  const qualifierPaths = [...new Set(port.methods.flatMap((method) => method.qualifiers))].map((q) => port.qualifiers.get(q) ?? q);
  const std = ['context', 'log/slog', 'net/http', ...qualifierPaths.filter(isStd)];
  const own = [`${module}/internal/platform/config`, `${module}/internal/platform/outbound`, `${module}/internal/port`, ...qualifierPaths.filter((p) => !isStd(p))];
  const imports = importGroups([std, prometheus ? ['github.com/prometheus/client_golang/prometheus'] : [], own]);
  const testQualifiers = [...new Set(port.methods.flatMap((method) => method.params.slice(1).flatMap((param) => qualifiersIn(method, param.type)) ))].map((q) => port.qualifiers.get(q) ?? q);
  const testImports = importGroups([
    ['context', 'errors', 'log/slog', 'net/http', 'net/http/httptest', 'net/url', 'slices', 'sync', 'testing', 'time', ...testQualifiers.filter(isStd)],
    prometheus ? ['github.com/prometheus/client_golang/prometheus'] : [],
    [`${module}/internal/domain`, `${module}/internal/platform/config`, `${module}/internal/platform/outbound`, ...testQualifiers.filter((p) => !isStd(p))],
  ]);
  const calls = port.methods.map((method) => callOf(port, routes, method)).join('');
  const routesLiteral = `struct {\n${routeFields}}{\n${routeValues}}`;
  return { imports, routes: routesLiteral, types, methods, testImports, calls };
}

function isStd(path: string): boolean {
  return !(path.split('/')[0] ?? '').includes('.');
}

function importGroups(groups: readonly (readonly string[])[]): string {
  const lines = groups
    .map((group) => [...new Set(group)].sort(compareStrings))
    .filter((group) => group.length > 0)
    .map((group) => group.map((path) => `\t"${path}"\n`).join(''));
  return `import (\n${lines.join('\n')})\n\n`;
}

/** The qualifiers a type written in a method uses (`domain` of `[]domain.Item`). */
function qualifiersIn(method: MethodSignature, type: string): string[] {
  return method.qualifiers.filter((q) => type.includes(`${q}.`));
}

interface Field {
  param: string;
  field: string;
  type: string;
  json: string;
}

/** The request fields of a method: every parameter after ctx, under a name free in the body. */
function requestFields(method: MethodSignature): Field[] {
  const taken = new Set<string>(BODY_NAMES);
  return method.params.slice(1).map((param, i) => {
    const declared = param.name !== undefined && param.name !== '_' ? param.name : `arg${i + 1}`;
    let name = declared;
    for (let n = 2; taken.has(name) || name === 'ctx'; n++) name = `${declared}${n}`;
    taken.add(name);
    const words = namesOf(declared);
    return { param: name, field: upperFirst(declared), type: param.variadic ? `[]${param.type}` : param.type, json: words.snake };
  });
}

function resultFields(method: MethodSignature): { field: string; type: string; json: string }[] {
  const values = method.results.slice(0, -1);
  return values.map((type, i) => (values.length === 1 ? { field: 'Result', type, json: 'result' } : { field: `Result${i + 1}`, type, json: `result${i + 1}` }));
}

/** The exported field for a parameter: `customerID` -> `CustomerID`, `id` -> `ID` (initialisms stay whole, as revive wants). */
function upperFirst(name: string): string {
  const first = /^[a-z0-9]+/.exec(name)?.[0] ?? '';
  if (INITIALISMS.has(first.toUpperCase())) return first.toUpperCase() + name.slice(first.length);
  return name.charAt(0).toUpperCase() + name.slice(1);
}

const INITIALISMS = new Set(
  'ACL API ASCII CPU CSS DNS EOF GUID HTML HTTP HTTPS ID IP JSON LHS QPS RAM RHS RPC SLA SMTP SQL SSH TCP TLS TTL UDP UI UID UUID URI URL UTF8 VM XML XMPP XSRF XSS'.split(' '),
);

/** A struct type with aligned fields and JSON tags, as gofmt writes it. */
function structType(comment: string, name: string, fields: readonly { field: string; type: string; json: string }[]): string {
  if (fields.length === 0) return `\n// ${comment}\ntype ${name} struct{}\n`;
  const nameWidth = Math.max(...fields.map((f) => f.field.length));
  const typeWidth = Math.max(...fields.map((f) => f.type.length));
  const lines = fields.map((f) => `\t${f.field.padEnd(nameWidth)} ${f.type.padEnd(typeWidth)} \`json:"${f.json}"\`\n`);
  return `\n// ${comment}\ntype ${name} struct {\n${lines.join('')}}\n`;
}

const requestType = (port: HttpPort, method: MethodSignature) => `${port.name.camel}${method.name}Request`;
const answerType = (port: HttpPort, method: MethodSignature) => `${port.name.camel}${method.name}Answer`;

function typesOf(port: HttpPort, method: MethodSignature): string {
  const request = structType(`${requestType(port, method)} is the JSON body ${method.name} sends.`, requestType(port, method), requestFields(method));
  const results = resultFields(method);
  return request + (results.length === 0 ? '' : structType(`${answerType(port, method)} is the JSON answer ${method.name} decodes.`, answerType(port, method), results));
}

function requestLiteral(port: HttpPort, method: MethodSignature): string {
  const fields = requestFields(method);
  if (fields.length === 0) return `${requestType(port, method)}{}`;
  return `${requestType(port, method)}{${fields.map((f) => `${f.field}: ${f.param}`).join(', ')}}`;
}

function methodOf(port: HttpPort, routes: string, method: MethodSignature): string {
  const fields = requestFields(method);
  const params = ['ctx context.Context', ...fields.map((f, i) => `${f.param} ${method.params[i + 1]?.variadic ? '...' : ''}${method.params[i + 1]?.type ?? ''}`)].join(', ');
  const results = method.results.length === 1 ? 'error' : `(${method.results.join(', ')})`;
  const op = `"${port.name.pascal}.${method.name}"`;
  const call = (out: string) => `a.client.Do(ctx, ${routes}.${method.name}, ${requestLiteral(port, method)}, ${out})`;
  const head = `\n// ${method.name} sends ${requestType(port, method)} to ${routes}.${method.name}.\nfunc (a *${port.name.pascal}) ${method.name}(${params}) ${results} {\n`;
  const answers = resultFields(method);
  if (answers.length === 0) return `${head}\treturn domainError(${op}, ${call('nil')})\n}\n`;
  const zeros = answers.map((_, i) => (answers.length === 1 ? 'zero' : `zero${i + 1}`));
  return (
    head +
    `\tvar answer ${answerType(port, method)}\n` +
    `\tif err := ${call('&answer')}; err != nil {\n` +
    answers.map((f, i) => `\t\tvar ${zeros[i]} ${f.type}\n`).join('') +
    `\t\treturn ${zeros.join(', ')}, domainError(${op}, err)\n\t}\n` +
    `\treturn ${answers.map((f) => `answer.${f.field}`).join(', ')}, nil\n}\n`
  );
}

/** One entry of the test's table: the method called with zero arguments. */
function callOf(port: HttpPort, routes: string, method: MethodSignature): string {
  const fields = requestFields(method);
  const args = fields.filter((_, i) => !method.params[i + 1]?.variadic);
  const declared = fields
    .map((f, i) => ({ f, param: method.params[i + 1] }))
    .filter(({ param }) => param !== undefined && !param.variadic)
    .map(({ f, param }) => `\t\t\tvar ${f.param} ${param?.type ?? ''}\n`)
    .join('');
  const argList = ['ctx', ...args.map((f) => f.param)].join(', ');
  const blanks = method.results.slice(0, -1).map(() => '_');
  const invoke = `a.${method.name}(${argList})`;
  const body = blanks.length === 0 ? `\t\t\treturn ${invoke}\n` : `\t\t\t${blanks.join(', ')}, err := ${invoke}\n\t\t\treturn err\n`;
  return `\t\t${routes}.${method.name}: func(ctx context.Context, a *${port.name.pascal}) error {\n${declared}${body}\t\t},\n`;
}
