import type { FunctionDeclaration, Node, SourceFile, ts as Ts } from 'ts-morph';
import type { Tree } from '../../../tree/tree.js';
import { filesIn } from '../../../tree/files-in.js';
import type { TsEditSession } from './session.js';

type TsMorph = typeof import('ts-morph');

/** The names a module binds at its top level: what it declares and what it imports, under their local names. */
export function topLevelNames(morph: TsMorph, source: SourceFile): Set<string> {
  const { SyntaxKind } = morph;
  const names = new Set<string>();
  for (const declaration of source.getImportDeclarations()) {
    const clause = declaration.getImportClause();
    const defaultName = clause?.getDefaultImport()?.getText();
    if (defaultName !== undefined) names.add(defaultName);
    const namespace = declaration.getNamespaceImport()?.getText();
    if (namespace !== undefined) names.add(namespace);
    for (const named of declaration.getNamedImports()) names.add(named.getAliasNode()?.getText() ?? named.getName());
  }
  for (const statement of source.getStatements()) {
    if (statement.isKind(SyntaxKind.VariableStatement)) {
      for (const declaration of statement.getDeclarations()) for (const name of boundNames(morph, declaration.getNameNode())) names.add(name);
      continue;
    }
    if (statement.isKind(SyntaxKind.ImportEqualsDeclaration)) {
      names.add(statement.getName());
      continue;
    }
    const named = statement as Node & { getName?: () => string | undefined };
    const isDeclaration =
      statement.isKind(SyntaxKind.ClassDeclaration) ||
      statement.isKind(SyntaxKind.InterfaceDeclaration) ||
      statement.isKind(SyntaxKind.FunctionDeclaration) ||
      statement.isKind(SyntaxKind.TypeAliasDeclaration) ||
      statement.isKind(SyntaxKind.EnumDeclaration) ||
      statement.isKind(SyntaxKind.ModuleDeclaration);
    const name = isDeclaration ? named.getName?.() : undefined;
    if (name !== undefined) names.add(name);
  }
  // `export { a as b }` and `export * as ns` add exported names a module's importers see.
  for (const declaration of source.getExportDeclarations()) {
    for (const specifier of declaration.getNamedExports()) names.add(specifier.getAliasNode()?.getText() ?? specifier.getName());
    const namespace = declaration.getNamespaceExport()?.getName();
    if (namespace !== undefined) names.add(namespace);
  }
  return names;
}

/**
 * Every name a function binds: its parameters (destructured ones too) and every declaration in its
 * body. The body is walked as TypeScript's own nodes: wrapping each of them in a ts-morph node cost
 * ~15 ms per add in a createApp of 200 use cases, and ts-morph forgets them again at the next edit.
 */
export function functionScopeNames(morph: TsMorph, fn: FunctionDeclaration): Set<string> {
  const { ts } = morph;
  const file = fn.getSourceFile().compilerNode;
  const names = new Set<string>();
  const bind = (name: Ts.BindingName) => {
    for (const bound of compilerBoundNames(ts, file, name)) names.add(bound);
  };
  for (const parameter of fn.getParameters()) for (const name of boundNames(morph, parameter.getNameNode())) names.add(name);
  const visit = (node: Ts.Node): void => {
    if (ts.isVariableDeclaration(node) || ts.isParameter(node)) bind(node.name);
    else if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node) || ts.isEnumDeclaration(node)) {
      if (node.name !== undefined) names.add(node.name.getText(file));
    } else if (ts.isCatchClause(node) && node.variableDeclaration !== undefined) bind(node.variableDeclaration.name);
    ts.forEachChild(node, visit);
  };
  const body = fn.getBody()?.compilerNode;
  if (body !== undefined) ts.forEachChild(body, visit);
  return names;
}

/** `boundNames` on TypeScript's nodes: `a`, or every identifier bound in `{ a, b: [c] }`. */
function compilerBoundNames(ts: TsMorph['ts'], file: Ts.SourceFile, name: Ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.getText(file)];
  const names: string[] = [];
  const visit = (node: Ts.Node): void => {
    if (ts.isBindingElement(node) && ts.isIdentifier(node.name)) names.push(node.name.getText(file));
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(name, visit);
  return names;
}

/** The identifiers a binding name introduces: `a`, or every name in `{ a, b: [c] }`. */
function boundNames(morph: TsMorph, node: Node): string[] {
  if (node.isKind(morph.SyntaxKind.Identifier)) return [node.getText()];
  return node.getDescendantsOfKind(morph.SyntaxKind.BindingElement).flatMap((element) => {
    const name = element.getNameNode();
    return name.isKind(morph.SyntaxKind.Identifier) ? [name.getText()] : [];
  });
}

/**
 * The first module of `dir` (tests left out) that binds one of `names` at its top level, and the
 * name. Only the files whose text mentions a name are parsed, so a folder of 200 modules costs a
 * text search.
 */
export function bindingInFolder(session: TsEditSession, tree: Tree, dir: string, names: readonly string[]): { file: string; name: string } | undefined {
  for (const file of filesIn(tree, dir, '.ts')) {
    if (file.endsWith('.test.ts') || file.endsWith('.d.ts')) continue;
    const text = tree.read(file) ?? '';
    const mentioned = names.filter((name) => text.includes(name));
    if (mentioned.length === 0) continue;
    const bound = topLevelNames(session.ts, session.source(file, ''));
    const name = mentioned.find((candidate) => bound.has(candidate));
    if (name !== undefined) return { file, name };
  }
  return undefined;
}
