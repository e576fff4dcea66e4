import type { Node } from 'web-tree-sitter';
import { UsageError } from '../../../errors.js';
import type { Tree } from '../../../tree/tree.js';
import type { GoParser } from '../edit/parser.js';
import { packageName } from '../inspect/project-model.js';
import { fileImports, readGo, topLevelTypes, type ImportEntry } from '../inspect/syntax.js';
import { APP_DIR, goFilesIn } from './go-files.js';
import type { HttpRoute } from '../../../target-contract/http-route.js';
import { goFieldName, snakeOf, type GoTypeName } from './names.js';

/** A Go type as the HTTP adapter writes it. */
export interface AdapterType {
  /** `string`, `domain.OrderID`, `[]int64`, `app.Kind`. */
  text: string;
  /** `string`; a named type over string (converted from a path or query value); any other JSON value. */
  kind: 'string' | 'named-string' | 'json';
  /** Import paths the type needs besides package app. */
  imports: string[];
}

export type FieldSource = 'path' | 'body' | 'query';

export interface InputField {
  /** The Go field: `OrderID`. */
  name: string;
  /** As the API names it: the path wildcard, the JSON key or the query parameter (`order_id`). */
  api: string;
  type: AdapterType;
  source: FieldSource;
}

export interface OutputField {
  name: string;
  api: string;
  type: AdapterType;
}

/** The fields of a use case's input and output, and where a handler gets each input field. */
export interface UseCaseIO {
  input: InputField[];
  output: OutputField[];
}

const STRING: AdapterType = { text: 'string', kind: 'string', imports: [] };

/**
 * The fields of a new use case: one per path wildcard (`{order_id}` -> `OrderID`), or, without
 * wildcards, one example field `Reference` (the JSON body of POST/PUT/PATCH, the query of GET/DELETE).
 */
export function skeletonIO(route: HttpRoute | undefined): UseCaseIO {
  const output = [{ name: 'Reference', api: 'reference', type: STRING }];
  if (route === undefined || route.wildcards.length === 0) {
    return { input: [{ name: 'Reference', api: 'reference', type: STRING, source: route?.body === false ? 'query' : 'body' }], output };
  }
  const input: InputField[] = [];
  for (const wildcard of route.wildcards) {
    const name = goFieldName(wildcard);
    if (name === null) throw new UsageError(`--http ${route.pattern}: the wildcard {${wildcard}} gives no Go field name`, 'name each wildcard with letters, e.g. {id} or {order_id}');
    const twin = input.find((field) => field.name === name);
    if (twin !== undefined) {
      throw new UsageError(`--http ${route.pattern}: the wildcards {${twin.api}} and {${wildcard}} would both be the input field ${name}`, 'give the wildcards distinct names');
    }
    input.push({ name, api: wildcard, type: STRING, source: 'path' });
  }
  return { input, output };
}

/** A route-less reading (an rpc): every input field travels in the request message. */
const MESSAGE_ONLY = { method: 'POST', pattern: '', wildcards: [] as string[], body: true } as const;

/**
 * The fields of an existing use case, read from its XInput and XOutput structs: path wildcards map
 * to input fields by name, the other fields come from the JSON body (POST/PUT/PATCH) or the query
 * (GET/DELETE, string-like fields only); without a route (an rpc) every field is the message's.
 * A field that cannot be mapped honestly is a UsageError.
 */
export function readUseCaseIO(parser: GoParser, tree: Tree, module: string, useCase: GoTypeName, served: HttpRoute | null): UseCaseIO {
  const types = new TypeReader(parser, tree, module);
  const input = types.struct(`${useCase.pascal}Input`);
  const output = types.struct(`${useCase.pascal}Output`);
  const route = served ?? MESSAGE_ONLY;
  const fail = (reason: string): never => {
    if (served === null) throw new UsageError(`cannot serve ${useCase.pascal} over gRPC: ${reason}`, 'write the rpc and its server method by hand, or change the use case so its fields map to a message');
    throw new UsageError(`cannot serve ${useCase.pascal} at ${route.pattern}: ${reason}`, 'write the handler and its route by hand, or change the use case so its fields map to the request');
  };
  if (input === null || output === null) fail(`internal/app has no struct types ${useCase.pascal}Input and ${useCase.pascal}Output`);
  if (!types.hasExecute(useCase.pascal)) fail(`its Execute is not func (uc *${useCase.pascal}) Execute(ctx context.Context, in ${useCase.pascal}Input) (${useCase.pascal}Output, error)`);
  const inputFields: InputField[] = [];
  const unmatched = new Set(route.wildcards);
  for (const field of input ?? []) {
    if (field.name === null) fail(`${useCase.pascal}Input embeds ${field.typeText}, which a handler cannot fill field by field`);
    const name = field.name ?? '';
    if (!/^[A-Z]/.test(name)) fail(`${useCase.pascal}Input.${name} is unexported, so ${served === null ? 'the gRPC' : 'the HTTP'} adapter cannot set it`);
    const type = field.type;
    if ('reason' in type) return fail(`${useCase.pascal}Input.${name} is ${field.typeText}: ${type.reason}`);
    const wildcard = route.wildcards.find((candidate) => goFieldName(candidate)?.toLowerCase() === name.toLowerCase());
    if (wildcard !== undefined) {
      if (type.kind === 'json') fail(`the path wildcard {${wildcard}} is a string, but ${useCase.pascal}Input.${name} is ${field.typeText}`);
      unmatched.delete(wildcard);
      inputFields.push({ name, api: wildcard, type, source: 'path' });
    } else if (route.body) {
      inputFields.push({ name, api: snakeOf(name), type, source: 'body' });
    } else {
      if (type.kind === 'json') fail(`${useCase.pascal}Input.${name} is ${field.typeText}, which a ${route.method} request can only carry in its query, as a string`);
      inputFields.push({ name, api: snakeOf(name), type, source: 'query' });
    }
  }
  if (unmatched.size > 0) fail(`${useCase.pascal}Input has no field for the path wildcard ${[...unmatched].map((w) => `{${w}}`).join(', ')}`);
  const outputFields: OutputField[] = [];
  for (const field of output ?? []) {
    if (field.name === null) fail(`${useCase.pascal}Output embeds ${field.typeText}, whose JSON form is not an API the adapter can choose for you`);
    const name = field.name ?? '';
    if (!/^[A-Z]/.test(name)) continue;
    const type = field.type;
    if ('reason' in type) return fail(`${useCase.pascal}Output.${name} is ${field.typeText}: ${type.reason}`);
    outputFields.push({ name, api: snakeOf(name), type });
  }
  for (const fields of [inputFields.filter((field) => field.source !== 'path'), outputFields]) {
    const seen = new Map<string, string>();
    for (const field of fields) {
      const twin = seen.get(field.api);
      if (twin !== undefined) fail(`the fields ${twin} and ${field.name} would both be "${field.api}" in the API`);
      seen.set(field.api, field.name);
    }
  }
  return { input: inputFields, output: outputFields };
}

interface StructField {
  /** Null for an embedded field. */
  name: string | null;
  typeText: string;
  type: AdapterType | { reason: string };
}

const BASIC = new Set([
  'bool', 'byte', 'rune', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64',
]);

/** Reads type declarations of package app and internal/domain, parsing each file once. */
class TypeReader {
  private readonly structs = new Map<string, StructField[] | null>();

  constructor(
    private readonly parser: GoParser,
    private readonly tree: Tree,
    private readonly module: string,
  ) {}

  /** The fields of the struct type `name` in package app, each with how the adapter would carry it; null without the type. */
  struct(name: string): StructField[] | null {
    if (!this.structs.has(name)) {
      const found = this.inPackage(APP_DIR, 'app', name, (type, imports) => (type.type === 'struct_type' ? structFields(type).map((field) => ({ ...field, type: this.classify(field.node, imports) })) : null));
      this.structs.set(name, found);
    }
    return this.structs.get(name) ?? null;
  }

  /** Whether `func (uc *X) Execute(ctx context.Context, in XInput) (XOutput, error)` is declared in package app. */
  hasExecute(useCase: string): boolean {
    for (const file of goFilesIn(this.tree, APP_DIR)) {
      const text = this.tree.read(file) ?? '';
      if (file.endsWith('_test.go') || !text.includes('Execute')) continue;
      const found = readGo(this.parser, file, text, (doc) => {
        if (packageName(doc) !== 'app') return false;
        const context = fileImports(doc).find((entry) => entry.path === 'context')?.name ?? 'context';
        return doc.root.namedChildren.some((node) => node !== null && isExecute(node, useCase, context));
      });
      if (found) return true;
    }
    return false;
  }

  /** How the HTTP adapter writes and reads a field of this type, or why it cannot. */
  classify(type: Node, imports: readonly ImportEntry[]): AdapterType | { reason: string } {
    switch (type.type) {
      case 'type_identifier': {
        const name = type.text;
        if (name === 'string') return STRING;
        if (BASIC.has(name)) return { text: name, kind: 'json', imports: [] };
        if (!/^[A-Z]/.test(name)) return { reason: `an unexported type of package app` };
        const underlying = this.underlying(APP_DIR, 'app', name);
        return underlying === null ? { reason: `${name} is not a named string or number type` } : { text: `app.${name}`, kind: underlying, imports: [] };
      }
      case 'qualified_type': {
        const qualifier = type.childForFieldName('package')?.text ?? '';
        const name = type.childForFieldName('name')?.text ?? '';
        const path = imports.find((entry) => entry.name === qualifier)?.path;
        if (path === 'time' && (name === 'Time' || name === 'Duration')) return { text: `time.${name}`, kind: 'json', imports: ['time'] };
        if (path !== `${this.module}/internal/domain`) return { reason: 'its JSON form is not an API the adapter can choose for you' };
        const underlying = this.underlying('internal/domain', 'domain', name);
        if (underlying === null) return { reason: `domain.${name} is not a named string or number type, and its JSON form is an API decision` };
        return { text: `domain.${name}`, kind: underlying, imports: [`${this.module}/internal/domain`] };
      }
      case 'slice_type': {
        const element = type.childForFieldName('element');
        const inner = element === null ? { reason: 'an unknown slice' } : this.classify(element, imports);
        if ('reason' in inner || inner.text.startsWith('[]')) return { reason: 'a slice of something other than strings, numbers or named string types' };
        return { text: `[]${inner.text}`, kind: 'json', imports: inner.imports };
      }
      default:
        return { reason: 'its JSON form is not an API the adapter can choose for you' };
    }
  }

  /** `named-string` for `type Name string`, `json` for a named number or bool type, null otherwise. */
  private underlying(dir: string, pkg: string, name: string): 'named-string' | 'json' | null {
    return this.inPackage(dir, pkg, name, (type) => {
      if (type.type !== 'type_identifier') return null;
      if (type.text === 'string') return 'named-string';
      return BASIC.has(type.text) ? 'json' : null;
    });
  }

  private inPackage<T>(dir: string, pkg: string, name: string, read: (type: Node, imports: ImportEntry[]) => T | null): T | null {
    for (const file of goFilesIn(this.tree, dir)) {
      const text = this.tree.read(file) ?? '';
      if (file.endsWith('_test.go') || !text.includes(name)) continue;
      const found = readGo(this.parser, file, text, (doc) => {
        if (packageName(doc) !== pkg) return null;
        const type = topLevelTypes(doc).get(name);
        return type === undefined ? null : read(type, fileImports(doc));
      });
      if (found !== null) return found;
    }
    return null;
  }
}

function structFields(struct: Node): { name: string | null; node: Node; typeText: string }[] {
  const fields: { name: string | null; node: Node; typeText: string }[] = [];
  for (const declaration of struct.descendantsOfType('field_declaration')) {
    if (declaration === null || declaration.parent?.parent?.id !== struct.id) continue;
    const type = declaration.childForFieldName('type');
    if (type === null) continue;
    const names = declaration.childrenForFieldName('name').filter((name): name is Node => name !== null);
    if (names.length === 0) fields.push({ name: null, node: type, typeText: type.text });
    for (const name of names) fields.push({ name: name.text, node: type, typeText: type.text });
  }
  return fields;
}

function isExecute(node: Node, useCase: string, context: string): boolean {
  if (node.type !== 'method_declaration' || node.childForFieldName('name')?.text !== 'Execute') return false;
  const receiver = node.childForFieldName('receiver')?.namedChildren.find((param) => param?.type === 'parameter_declaration');
  if (receiver?.childForFieldName('type')?.text.replace(/\s+/g, '') !== `*${useCase}`) return false;
  const types = (list: Node | null): string[] =>
    (list?.namedChildren ?? []).flatMap((param) => {
      if (param === null || param.type === 'comment') return [];
      const type = param.childForFieldName('type')?.text.replace(/\s+/g, '') ?? '';
      return Array.from({ length: Math.max(1, param.childrenForFieldName('name').length) }, () => type);
    });
  const result = node.childForFieldName('result');
  const params = types(node.childForFieldName('parameters'));
  const results = result?.type === 'parameter_list' ? types(result) : [];
  return params.join(',') === `${context}.Context,${useCase}Input` && results.join(',') === `${useCase}Output,error`;
}
