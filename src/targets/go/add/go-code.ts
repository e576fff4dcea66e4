import type { Node } from 'web-tree-sitter';
import { UsageError } from '../../../errors.js';
import { compareStrings } from '../../../tree/compare.js';
import { firstSyntaxError } from '../edit/document.js';
import type { GoParser } from '../edit/parser.js';
import { methodSignature, type ImportEntry, type MethodSignature } from '../inspect/syntax.js';

/** Standard-library packages a port signature may use, by the name it is referred to. */
const STD_TYPES: Record<string, string> = {
  big: 'math/big', bytes: 'bytes', context: 'context', fs: 'io/fs', io: 'io', iter: 'iter', json: 'encoding/json',
  netip: 'net/netip', slog: 'log/slog', time: 'time', url: 'net/url',
};

/** Import paths for the qualifiers a port's methods use: the standard library and internal/domain only. */
export function resolveQualifiers(qualifiers: readonly string[], module: string, known: readonly ImportEntry[] = []): Map<string, string> {
  const resolved = new Map<string, string>();
  for (const qualifier of qualifiers) {
    const fromFile = known.find((entry) => entry.name === qualifier);
    const path = fromFile?.path ?? (qualifier === 'domain' ? `${module}/internal/domain` : STD_TYPES[qualifier]);
    if (path === undefined) {
      throw new UsageError(
        `unknown package ${qualifier} in a method signature: a port may only use the standard library (${Object.keys(STD_TYPES).join(', ')}) and domain`,
        'put the type in internal/domain and refer to it as domain.Type, e.g. --method "Save(ctx context.Context, o domain.Order) error"',
      );
    }
    resolved.set(qualifier, path);
  }
  return resolved;
}

/**
 * A gofmt-clean import declaration (with the blank line after it), standard library first, then
 * the module's own packages; empty when there is nothing to import.
 */
export function importBlock(paths: Iterable<string>): string {
  const unique = [...new Set(paths)].sort(compareStrings);
  if (unique.length === 0) return '';
  if (unique.length === 1) return `import "${unique[0]}"\n\n`;
  const std = unique.filter((p) => !(p.split('/')[0] ?? '').includes('.'));
  const other = unique.filter((p) => !std.includes(p));
  const groups = [std, other].filter((group) => group.length > 0).map((group) => group.map((p) => `\t"${p}"\n`).join(''));
  return `import (\n${groups.join('\n')})\n\n`;
}

/** A method of a new port, as given by `--method`. */
export interface PortMethod extends MethodSignature {
  /** The package qualifiers each parameter's type uses, by position (`[[context], [], [domain]]`). */
  paramQualifiers: string[][];
}

/** Parses each `--method` as an interface method with tree-sitter; a UsageError names the first bad one. */
export function parseMethodSpecs(parser: GoParser, specs: readonly string[]): PortMethod[] {
  const methods: PortMethod[] = [];
  for (const spec of specs) {
    const trimmed = spec.trim();
    const fail = (reason: string): never => {
      throw new UsageError(
        `invalid --method ${JSON.stringify(spec)}: ${reason}`,
        'write one Go interface method per --method, e.g. --method "Charge(ctx context.Context, amount int64) error"',
      );
    };
    if (trimmed === '' || /[\n;{}]/.test(trimmed)) fail('give exactly one method on one line');
    const tree = parser.parse(`package p\n\ntype _ interface {\n\t${trimmed}\n}\n`);
    try {
      if (firstSyntaxError(tree.rootNode) !== null) fail('it does not parse as a Go interface method');
      const iface = tree.rootNode.descendantsOfType('interface_type')[0];
      const elements = iface?.namedChildren.filter((node) => node !== null && node.type !== 'comment') ?? [];
      const [only] = elements;
      if (elements.length !== 1 || only === undefined || only === null) fail('give exactly one method');
      else if (only.type !== 'method_elem') fail('that is an embedded type, not a method: write Name(params) results');
      else methods.push({ ...methodSignature(only), paramQualifiers: parameterQualifiers(only) });
    } finally {
      tree.delete();
    }
  }
  const seen = new Set<string>();
  for (const method of methods) {
    if (!/^[A-Z]/.test(method.name)) {
      throw new UsageError(`invalid --method ${method.text}: ${method.name} must be exported (start with an upper-case letter) so adapters in other packages can implement it`);
    }
    if (seen.has(method.name)) throw new UsageError(`--method ${method.name} is given twice`);
    seen.add(method.name);
    if (returnsError(method) && method.params[0]?.type !== 'context.Context') {
      throw new UsageError(
        `invalid --method ${method.text}: a method that can fail does I/O, so its first parameter must be ctx context.Context (for cancellation, deadlines and tracing)`,
        `e.g. --method "${method.name}(ctx context.Context${method.params.length > 0 ? ', ' : ''}${paramsText(method, true)}) ${resultsText(method)}"`,
      );
    }
  }
  return methods;
}

function parameterQualifiers(method: Node): string[][] {
  const perParameter: string[][] = [];
  for (const declaration of method.childForFieldName('parameters')?.namedChildren ?? []) {
    if (declaration === null || declaration.type === 'comment') continue;
    const type = declaration.childForFieldName('type');
    const qualifiers = type === null ? [] : [type, ...type.descendantsOfType('qualified_type')].flatMap((node) => (node?.type === 'qualified_type' ? [node.childForFieldName('package')?.text ?? ''] : []));
    const count = Math.max(1, declaration.childrenForFieldName('name').length);
    for (let i = 0; i < count; i++) perParameter.push([...new Set(qualifiers)]);
  }
  return perParameter;
}

export function returnsError(method: MethodSignature): boolean {
  return method.results[method.results.length - 1] === 'error';
}

export function takesContext(method: MethodSignature): boolean {
  return method.params[0]?.type === 'context.Context';
}

function paramsText(method: MethodSignature, named: boolean): string {
  return method.params.map((param, i) => `${named ? `${param.name ?? `arg${i + 1}`} ` : ''}${param.variadic ? '...' : ''}${param.type}`).join(', ');
}

/** `error`, `(domain.Order, error)` or `` for none. */
export function resultsText(method: MethodSignature): string {
  if (method.results.length === 0) return '';
  if (method.results.length === 1) return method.results[0] ?? '';
  return `(${method.results.join(', ')})`;
}

/** The signature of an implementation: `ctx` kept for a context (when `useContext`), every other parameter blank. */
export function implementationSignature(method: MethodSignature, useContext: boolean): string {
  // Consecutive parameters of one type share it (`_, _ string`), as gocritic's paramTypeCombine wants.
  const groups: { names: string[]; type: string }[] = [];
  method.params.forEach((param, i) => {
    const name = i === 0 && useContext && param.type === 'context.Context' ? 'ctx' : '_';
    const type = `${param.variadic ? '...' : ''}${param.type}`;
    const last = groups[groups.length - 1];
    if (last !== undefined && last.type === type && !param.variadic) last.names.push(name);
    else groups.push({ names: [name], type });
  });
  const params = groups.map((group) => `${group.names.join(', ')} ${group.type}`).join(', ');
  const results = resultsText(method);
  return `${method.name}(${params})${results === '' ? '' : ` ${results}`}`;
}

/** Declarations of zero values for each result but a trailing error, and the return expression list. */
export function zeroResults(method: MethodSignature, errorExpression: string): { vars: string[]; returns: string } {
  const vars: string[] = [];
  const values: string[] = [];
  method.results.forEach((type, i) => {
    if (i === method.results.length - 1 && type === 'error') {
      values.push(errorExpression);
      return;
    }
    const name = method.results.length === 1 ? 'zero' : `r${i}`;
    vars.push(`var ${name} ${type}`);
    values.push(name);
  });
  return { vars, returns: values.join(', ') };
}

/** `struct{}`, or a gofmt-aligned struct type with one field per row (a tag per field, or none). */
export function structType(fields: readonly { name: string; type: string; tag?: string }[]): string {
  if (fields.length === 0) return 'struct{}';
  const nameWidth = Math.max(...fields.map((field) => field.name.length));
  const typeWidth = Math.max(...fields.map((field) => field.type.length));
  const rows = fields.map((field) =>
    field.tag === undefined ? `\t${field.name.padEnd(nameWidth)} ${field.type}` : `\t${field.name.padEnd(nameWidth)} ${field.type.padEnd(typeWidth)} ${field.tag}`,
  );
  return `struct {\n${rows.map((row) => `${row.trimEnd()}\n`).join('')}}`;
}

/**
 * A keyed composite literal as gofmt prints it: on one row with at most one element, otherwise one
 * element per row with the values aligned, indented one tab deeper than `indent`.
 */
export function keyedLiteral(type: string, elements: readonly { key: string; value: string }[], indent: string): string {
  if (elements.length <= 1) return `${type}{${elements.map((element) => `${element.key}: ${element.value}`).join('')}}`;
  const width = Math.max(...elements.map((element) => element.key.length + 1));
  return `${type}{\n${elements.map((element) => `${indent}\t${`${element.key}:`.padEnd(width)} ${element.value},\n`).join('')}${indent}}`;
}
