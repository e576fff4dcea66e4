import type { Node } from 'web-tree-sitter';
import type { Tree } from '../../../tree/tree.js';
import { goFilesIn } from '../add/go-files.js';
import { findFunctionBodies } from '../edit/lookup.js';
import type { GoParser } from '../edit/parser.js';
import { packageName } from './project-model.js';
import { fileImports, readGo, topLevelNames, type GoDocument, type ImportEntry } from './syntax.js';

/** A parameter as declared: its name (null when unnamed or `_`) and its type as written, without spaces. */
export interface Param {
  name: string | null;
  type: string;
}

/** The declaration (`func` or method) the engine calls `target`: `name`, or `Recv.name` for a method. */
export function findFunctionDeclaration(doc: GoDocument, target: string): Node | null {
  const bodies = findFunctionBodies(doc, target);
  return bodies.length === 1 ? (bodies[0]?.parent ?? null) : null;
}

/** The parameters of a function or method declaration, one entry per name, in order. */
export function parametersOf(declaration: Node): Param[] {
  return paramList(declaration.childForFieldName('parameters'));
}

/** The receiver of a method declaration, or null for a function. */
export function receiverOf(declaration: Node): Param | null {
  return paramList(declaration.childForFieldName('receiver'))[0] ?? null;
}

/** The result types of a declaration, one per result, without spaces. */
export function resultsOf(declaration: Node): string[] {
  const result = declaration.childForFieldName('result');
  if (result === null) return [];
  if (result.type !== 'parameter_list') return [compact(result.text)];
  return paramList(result).map((param) => param.type);
}

function paramList(list: Node | null): Param[] {
  const params: Param[] = [];
  for (const declaration of list?.namedChildren ?? []) {
    if (declaration === null || declaration.type === 'comment') continue;
    const type = compact(declaration.childForFieldName('type')?.text ?? '');
    const names = declaration.childrenForFieldName('name').filter((name): name is Node => name !== null);
    if (names.length === 0) params.push({ name: null, type });
    for (const name of names) params.push({ name: name.text === '_' ? null : name.text, type });
  }
  return params;
}

/** Go text without white space, to compare types as written (`* slog.Logger` is `*slog.Logger`). */
export function compact(text: string): string {
  return text.split(/\s+/).join('');
}

/** Every name a subtree mentions: variables, packages, types, labels; field names after a dot are not names. */
export function mentionedNames(node: Node): Set<string> {
  const names = new Set<string>();
  for (const identifier of node.descendantsOfType(['identifier', 'package_identifier', 'type_identifier'])) {
    if (identifier !== null) names.add(identifier.text);
  }
  return names;
}

/** The callees of every call in a subtree, as written without spaces: `migrate`, `c.Postgres.validate`. */
export function calleesIn(node: Node): string[] {
  return node
    .descendantsOfType('call_expression')
    .map((call) => call?.childForFieldName('function')?.text)
    .filter((text): text is string => text !== undefined)
    .map(compact);
}

/** The name a file refers to an imported package by, or null when it does not import it (or only blank or dot). */
export function importNameOf(imports: readonly ImportEntry[], path: string): string | null {
  const entry = imports.find((candidate) => candidate.path === path && candidate.name !== '_' && candidate.name !== '.');
  return entry?.name ?? null;
}

/** The parameter of a type, by its type as written (`ctx` for `context.Context`), or null. */
export function paramOfType(params: readonly Param[], type: string): string | null {
  return params.find((param) => param.type === type)?.name ?? null;
}

/**
 * Package-level names of Go package `pkg` across every file of `dir`, its test files in that package
 * included (an import name must not collide with them either).
 */
export function packageLevelNames(parser: GoParser, tree: Tree, dir: string, pkg: string): Set<string> {
  const names = new Set<string>();
  for (const file of goFilesIn(tree, dir)) {
    readGo(parser, file, tree.read(file) ?? '', (doc) => {
      if (packageName(doc) !== pkg) return;
      for (const name of topLevelNames(doc)) names.add(name);
    });
  }
  return names;
}

/** The first candidate that is not taken, then the last candidate numbered from 2. */
export function freeName(candidates: readonly string[], taken: ReadonlySet<string>): string {
  const free = candidates.find((candidate) => !taken.has(candidate));
  if (free !== undefined) return free;
  const last = candidates[candidates.length - 1] ?? 'x';
  for (let n = 2; ; n++) if (!taken.has(`${last}${n}`)) return `${last}${n}`;
}

/** How a file should name a package it may have to import: its present name, or a free one (alias when not the default). */
export interface ImportBinding {
  path: string;
  name: string;
  /** The alias to import it under, when it is not imported yet and its own name is taken. */
  alias?: string;
  /** True when the file imports it already. */
  imported: boolean;
}

export function bindImport(imports: readonly ImportEntry[], path: string, defaultName: string, alternatives: readonly string[], taken: ReadonlySet<string>): ImportBinding {
  const present = importNameOf(imports, path);
  if (present !== null) return { path, name: present, imported: true };
  const otherImports = new Set(imports.filter((entry) => entry.path !== path).map((entry) => entry.name));
  const name = freeName([defaultName, ...alternatives], new Set([...taken, ...otherImports]));
  return { path, name, imported: false, ...(name === defaultName ? {} : { alias: name }) };
}

/** What an edit needs to know of one function to write code inside it with the names it uses. */
export interface FunctionFacts {
  /** The package clause of its file. */
  pkg: string;
  params: Param[];
  results: string[];
  /** The imports of its file. */
  imports: ImportEntry[];
  /** Every name the function mentions (parameters, locals, packages and package-level names it uses). */
  mentioned: Set<string>;
  /** Its calls' callees, as written without spaces. */
  callees: string[];
}

/** The facts of `target` (`name` or `Recv.name`) in a file, or null when it is not declared there exactly once. */
export function readFunctionFacts(parser: GoParser, file: string, text: string, target: string): FunctionFacts | null {
  return readGo(parser, file, text, (doc) => {
    const declaration = findFunctionDeclaration(doc, target);
    if (declaration === null) return null;
    return {
      pkg: packageName(doc),
      params: parametersOf(declaration),
      results: resultsOf(declaration),
      imports: fileImports(doc),
      mentioned: mentionedNames(declaration),
      callees: calleesIn(declaration),
    };
  });
}

/** The callees of the calls in one Go expression (as written without spaces), or null when it is not an expression. */
export function expressionCallees(parser: GoParser, expression: string): string[] | null {
  const tree = parser.parse(`package p\n\nvar _ = ${expression}\n`);
  try {
    if (tree.rootNode.hasError) return null;
    return calleesIn(tree.rootNode);
  } finally {
    tree.delete();
  }
}
