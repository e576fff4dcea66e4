import { snakeCase } from 'change-case';
import type { Node } from 'web-tree-sitter';
import type { Tree } from '../../../tree/tree.js';
import { APP_FILE, BOOTSTRAP_DIR, BOOTSTRAP_FILE, goFilesIn, PORT_DIR } from '../add/go-files.js';
import type { GoParser } from '../edit/parser.js';
import {
  fileImports,
  functionBody,
  functionsWithLiteral,
  interfaceMethods,
  keyedElements,
  readGo,
  structFieldsOf,
  topLevelNames,
  topLevelTypes,
  type GoDocument,
  type ImportEntry,
  type MethodSignature,
  type StructField,
} from './syntax.js';

export interface AppModel {
  /** Fields of `type Ports struct`, or null when the type is gone. */
  ports: Omit<StructField, 'typeNode'>[] | null;
  /** Fields of `type App struct`, or null when the type is gone. */
  useCases: Omit<StructField, 'typeNode'>[] | null;
  /** `key: value` of the `&App{…}` literal in `New`, with the `p.Field` ports each value reads. */
  construction: { key: string; value: string; ports: string[] }[];
  imports: ImportEntry[];
}

/** What internal/app/app.go declares: the ports, the use cases and how New builds them. */
export function readAppModel(parser: GoParser, tree: Tree): AppModel | null {
  const text = tree.read(APP_FILE);
  if (text === undefined) return null;
  return readGo(parser, APP_FILE, text, (doc) => {
    const types = topLevelTypes(doc);
    const fields = (name: string) => {
      const type = types.get(name);
      return type?.type === 'struct_type' ? structFieldsOf(type).map(({ name: field, type: written }) => ({ name: field, type: written })) : null;
    };
    const body = functionBody(doc, 'New');
    const literal = body === null ? undefined : literalIn(body, 'App');
    const param = newParameterName(doc);
    return {
      ports: fields('Ports'),
      useCases: fields('App'),
      construction: literal === undefined ? [] : constructionOf(literal, param),
      imports: fileImports(doc),
    };
  });
}

function newParameterName(doc: GoDocument): string | null {
  for (const declaration of doc.root.namedChildren) {
    if (declaration?.type !== 'function_declaration' || declaration.childForFieldName('name')?.text !== 'New') continue;
    const first = declaration.childForFieldName('parameters')?.namedChildren.find((param) => param?.type === 'parameter_declaration');
    return first?.childForFieldName('name')?.text ?? null;
  }
  return null;
}

function constructionOf(literal: Node, param: string | null): { key: string; value: string; ports: string[] }[] {
  const body = literal.childForFieldName('body');
  const entries: { key: string; value: string; ports: string[] }[] = [];
  for (const element of body?.namedChildren ?? []) {
    if (element?.type !== 'keyed_element') continue;
    const key = element.childForFieldName('key')?.text;
    const value = element.childForFieldName('value');
    if (key === undefined || value === null) continue;
    const ports = value
      .descendantsOfType('selector_expression')
      .filter((sel) => sel !== null && param !== null && sel.childForFieldName('operand')?.text === param)
      .map((sel) => sel?.childForFieldName('field')?.text ?? '');
    entries.push({ key, value: value.text, ports });
  }
  return entries;
}

function literalIn(body: Node, typeName: string): Node | undefined {
  return body.descendantsOfType('composite_literal').find((literal) => literal?.childForFieldName('type')?.text === typeName) ?? undefined;
}

/** The package clause's name. */
export function packageName(doc: GoDocument): string {
  const clause = doc.root.namedChildren.find((child) => child?.type === 'package_clause');
  return clause?.namedChildren[0]?.text ?? '';
}

/**
 * Where any of `names` is declared at package level in the Go package `pkg` inside `dir`.
 * Only files whose text mentions a name are parsed, so this stays fast in a package of hundreds of files.
 */
export function findDeclarations(parser: GoParser, tree: Tree, dir: string, pkg: string, names: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of goFilesIn(tree, dir)) {
    const text = tree.read(file) ?? '';
    if (!names.some((name) => text.includes(name))) continue;
    readGo(parser, file, text, (doc) => {
      if (packageName(doc) !== pkg) return;
      for (const name of topLevelNames(doc)) if (names.includes(name) && !found.has(name)) found.set(name, file);
    });
  }
  return found;
}

export interface PortInterface {
  name: string;
  file: string;
  methods: MethodSignature[];
  embedded: string[];
  imports: ImportEntry[];
  /** The doc comment right above the type, if any. */
}

/** The interface `name` in internal/port: its conventional file first, then any port file that mentions it. */
export function findPortInterface(parser: GoParser, tree: Tree, name: string): PortInterface | null {
  const conventional = `${PORT_DIR}/${snakeCase(name)}.go`;
  const files = [conventional, ...goFilesIn(tree, PORT_DIR).filter((file) => file !== conventional && !file.endsWith('_test.go'))];
  for (const file of files) {
    const text = tree.read(file);
    if (text === undefined || !text.includes(name)) continue;
    const found = readGo(parser, file, text, (doc) => {
      const type = topLevelTypes(doc).get(name);
      if (type?.type !== 'interface_type') return null;
      return { name, file, ...interfaceMethods(type), imports: fileImports(doc) };
    });
    if (found !== null) return found;
  }
  return null;
}

/** Every interface declared in internal/port, by name. */
export function listPortInterfaces(parser: GoParser, tree: Tree): PortInterface[] {
  const ports: PortInterface[] = [];
  for (const file of goFilesIn(tree, PORT_DIR)) {
    if (file.endsWith('_test.go')) continue;
    const text = tree.read(file) ?? '';
    readGo(parser, file, text, (doc) => {
      for (const [name, type] of topLevelTypes(doc)) {
        if (type.type === 'interface_type') ports.push({ name, file, ...interfaceMethods(type), imports: fileImports(doc) });
      }
    });
  }
  return ports;
}

export interface Wiring {
  /** The file holding the `app.Ports{…}` literal (internal/bootstrap/bootstrap.go when there is none). */
  file: string;
  /** The function holding it, e.g. `newPorts`; null when there is none. */
  func: string | null;
  /** How many such literals there are (the engine refuses to guess between several). */
  literals: number;
  elements: { key: string; value: string }[];
  imports: ImportEntry[];
}

/**
 * The composition root's `app.Ports{…}` literal: which adapter value fills which port. Looks in
 * every non-test file of internal/bootstrap that mentions the type, so it may live in any of them.
 */
export function readWiring(parser: GoParser, tree: Tree, portsType = 'app.Ports'): Wiring | null {
  const files = goFilesIn(tree, BOOTSTRAP_DIR).filter((file) => !file.endsWith('_test.go'));
  if (files.length === 0) return null;
  let found: Wiring | null = null;
  for (const file of files) {
    const text = tree.read(file) ?? '';
    if (!text.includes(`${portsType}{`)) continue;
    const wiring = readGo(parser, file, text, (doc) => {
      const literals = functionsWithLiteral(doc, portsType);
      const first = literals[0];
      if (first === undefined) return null;
      return { file, func: first.func, literals: literals.length, elements: keyedElements(first.literal), imports: fileImports(doc) };
    });
    if (wiring === null) continue;
    if (found !== null) return { ...found, literals: found.literals + wiring.literals };
    found = wiring;
  }
  return found ?? { file: BOOTSTRAP_FILE, func: null, literals: 0, elements: [], imports: [] };
}

export { readRoutes, type Route } from './routes.js';

/** How many parameters `func New<name>` in package app takes, or null when it cannot be found. */
export function constructorArity(parser: GoParser, tree: Tree, name: string): number | null {
  const found = findDeclarations(parser, tree, 'internal/app', 'app', [`New${name}`]);
  const file = found.get(`New${name}`);
  if (file === undefined) return null;
  return readGo(parser, file, tree.read(file) ?? '', (doc) => {
    for (const declaration of doc.root.namedChildren) {
      if (declaration?.type !== 'function_declaration' || declaration.childForFieldName('name')?.text !== `New${name}`) continue;
      const params = declaration.childForFieldName('parameters')?.namedChildren ?? [];
      return params
        .filter((param) => param !== null && param.type !== 'comment')
        .reduce((count, param) => count + Math.max(1, param?.childrenForFieldName('name').length ?? 0), 0);
    }
    return null;
  });
}
