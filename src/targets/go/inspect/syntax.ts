import type { Node } from 'web-tree-sitter';
import { withDocument, type GoDocument } from '../edit/document.js';
import type { GoParser } from '../edit/parser.js';

export type { GoDocument };

/** Parses `text` (refusing it with a GoParseError when it has syntax errors) and reads it with `use`. */
export function readGo<T>(parser: GoParser, file: string, text: string, use: (doc: GoDocument) => T): T {
  return withDocument(parser, file, text, use);
}

export interface ImportEntry {
  /** The name the file refers to the package by: the alias, or the last path element. */
  name: string;
  path: string;
  alias?: string;
}

/** Every import of a file, with the name each package is referred to by. */
export function fileImports(doc: GoDocument): ImportEntry[] {
  const imports: ImportEntry[] = [];
  for (const declaration of doc.root.namedChildren) {
    if (declaration?.type !== 'import_declaration') continue;
    const specs = declaration.descendantsOfType('import_spec');
    for (const spec of specs) {
      if (spec === null) continue;
      const pathNode = spec.childForFieldName('path');
      if (pathNode === null) continue;
      const path = unquote(pathNode.text);
      const alias = spec.childForFieldName('name')?.text;
      imports.push({ name: alias ?? defaultPackageName(path), path, ...(alias === undefined ? {} : { alias }) });
    }
  }
  return imports;
}

/** The package name Go assumes for an import path: its last element, without a `/vN` major suffix. */
export function defaultPackageName(path: string): string {
  const parts = path.split('/');
  let last = parts[parts.length - 1] ?? path;
  if (/^v[0-9]+$/.test(last) && parts.length > 1) last = parts[parts.length - 2] ?? last;
  return last.replace(/[.-]/g, '_');
}

export function unquote(literal: string): string {
  if (literal.startsWith('`')) return literal.slice(1, -1);
  try {
    return JSON.parse(literal) as string;
  } catch {
    return literal.slice(1, -1);
  }
}

/** `type Name …` declarations at package level: name -> type node. */
export function topLevelTypes(doc: GoDocument): Map<string, Node> {
  const types = new Map<string, Node>();
  for (const declaration of doc.root.namedChildren) {
    if (declaration?.type !== 'type_declaration') continue;
    for (const spec of declaration.namedChildren) {
      if (spec === null || (spec.type !== 'type_spec' && spec.type !== 'type_alias')) continue;
      const name = spec.childForFieldName('name');
      const type = spec.childForFieldName('type');
      if (name !== null && type !== null) types.set(name.text, type);
    }
  }
  return types;
}

/** Every package-level name a file declares (types, funcs, vars, consts; not methods). */
export function topLevelNames(doc: GoDocument): string[] {
  const names: string[] = [];
  for (const declaration of doc.root.namedChildren) {
    if (declaration === null) continue;
    switch (declaration.type) {
      case 'function_declaration': {
        const name = declaration.childForFieldName('name');
        if (name !== null) names.push(name.text);
        break;
      }
      case 'type_declaration':
        for (const spec of declaration.namedChildren) {
          const name = spec?.childForFieldName('name');
          if (name) names.push(name.text);
        }
        break;
      case 'var_declaration':
      case 'const_declaration':
        for (const spec of declaration.descendantsOfType(['var_spec', 'const_spec'])) {
          for (const name of spec?.childrenForFieldName('name') ?? []) if (name !== null) names.push(name.text);
        }
        break;
      default:
        break;
    }
  }
  return names;
}

export interface StructField {
  name: string;
  /** The type as written, e.g. `port.OrderRepository`. */
  type: string;
  typeNode: Node;
}

/** Named fields of a struct type (embedded fields are listed under their type name). */
export function structFieldsOf(structType: Node): StructField[] {
  const fields: StructField[] = [];
  for (const declaration of structType.descendantsOfType('field_declaration')) {
    if (declaration === null || declaration.parent?.parent?.id !== structType.id) continue;
    const type = declaration.childForFieldName('type');
    if (type === null) continue;
    const names = declaration.childrenForFieldName('name').filter((name): name is Node => name !== null);
    if (names.length === 0) fields.push({ name: type.text.replace(/^\*/, '').split('.').pop() ?? type.text, type: type.text, typeNode: type });
    for (const name of names) fields.push({ name: name.text, type: type.text, typeNode: type });
  }
  return fields;
}

export interface Parameter {
  name?: string;
  type: string;
  variadic: boolean;
}

export interface MethodSignature {
  name: string;
  params: Parameter[];
  /** Result types, in order (a single unparenthesised result is one entry). */
  results: string[];
  /** The method as written, e.g. `Charge(ctx context.Context, amount int64) error`. */
  text: string;
  /** Package qualifiers its types use, e.g. `context`, `domain`. */
  qualifiers: string[];
}

/** The methods of an interface type; embedded interfaces and type constraints are returned apart. */
export function interfaceMethods(iface: Node): { methods: MethodSignature[]; embedded: string[] } {
  const methods: MethodSignature[] = [];
  const embedded: string[] = [];
  for (const element of iface.namedChildren) {
    if (element === null) continue;
    if (element.type === 'type_elem') embedded.push(element.text);
    if (element.type !== 'method_elem') continue;
    methods.push(methodSignature(element));
  }
  return { methods, embedded };
}

export function methodSignature(element: Node): MethodSignature {
  const name = element.childForFieldName('name')?.text ?? '';
  const params: Parameter[] = [];
  const parameters = element.childForFieldName('parameters');
  for (const declaration of parameters?.namedChildren ?? []) {
    if (declaration === null || declaration.type === 'comment') continue;
    const type = declaration.childForFieldName('type')?.text ?? '';
    const variadic = declaration.type === 'variadic_parameter_declaration';
    const names = declaration.childrenForFieldName('name').filter((n): n is Node => n !== null);
    if (names.length === 0) params.push({ type, variadic });
    for (const n of names) params.push({ name: n.text, type, variadic });
  }
  const results: string[] = [];
  const result = element.childForFieldName('result');
  if (result !== null) {
    if (result.type === 'parameter_list') {
      for (const declaration of result.namedChildren) {
        if (declaration === null || declaration.type === 'comment') continue;
        const type = declaration.childForFieldName('type')?.text ?? '';
        const count = Math.max(1, declaration.childrenForFieldName('name').length);
        for (let i = 0; i < count; i++) results.push(type);
      }
    } else {
      results.push(result.text);
    }
  }
  const qualifiers = new Set<string>();
  for (const qualified of element.descendantsOfType('qualified_type')) {
    const pkg = qualified?.childForFieldName('package');
    if (pkg) qualifiers.add(pkg.text);
  }
  return { name, params, results, text: element.text, qualifiers: [...qualifiers].sort() };
}

/** The body of the package-level `func name`, or null. */
export function functionBody(doc: GoDocument, name: string): Node | null {
  for (const declaration of doc.root.namedChildren) {
    if (declaration?.type !== 'function_declaration') continue;
    if (declaration.childForFieldName('name')?.text === name) return declaration.childForFieldName('body');
  }
  return null;
}

/** Package-level funcs whose body holds a composite literal of `typeName` (e.g. `app.Ports`). */
export function functionsWithLiteral(doc: GoDocument, typeName: string): { func: string; literal: Node }[] {
  const found: { func: string; literal: Node }[] = [];
  for (const declaration of doc.root.namedChildren) {
    if (declaration?.type !== 'function_declaration') continue;
    const name = declaration.childForFieldName('name')?.text;
    const body = declaration.childForFieldName('body');
    if (name === undefined || body === null) continue;
    for (const literal of body.descendantsOfType('composite_literal')) {
      if (literal?.childForFieldName('type')?.text === typeName) found.push({ func: name, literal });
    }
  }
  return found;
}

/** `key: value` pairs of a composite literal, values as written. */
export function keyedElements(literal: Node): { key: string; value: string }[] {
  const body = literal.childForFieldName('body');
  const pairs: { key: string; value: string }[] = [];
  for (const element of body?.namedChildren ?? []) {
    if (element?.type !== 'keyed_element') continue;
    const key = element.childForFieldName('key')?.text;
    const value = element.childForFieldName('value')?.text;
    if (key !== undefined && value !== undefined) pairs.push({ key, value });
  }
  return pairs;
}
