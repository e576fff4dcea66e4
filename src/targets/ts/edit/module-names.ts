import type { FunctionDeclaration, Node, SourceFile } from 'ts-morph';
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

/** Every name a function binds: its parameters (destructured ones too) and every declaration in its body. */
export function functionScopeNames(morph: TsMorph, fn: FunctionDeclaration): Set<string> {
  const { SyntaxKind } = morph;
  const names = new Set<string>();
  for (const parameter of fn.getParameters()) for (const name of boundNames(morph, parameter.getNameNode())) names.add(name);
  for (const node of fn.getBody()?.getDescendants() ?? []) {
    if (node.isKind(SyntaxKind.VariableDeclaration) || node.isKind(SyntaxKind.Parameter)) {
      for (const name of boundNames(morph, node.getNameNode())) names.add(name);
    } else if (node.isKind(SyntaxKind.FunctionDeclaration) || node.isKind(SyntaxKind.ClassDeclaration) || node.isKind(SyntaxKind.EnumDeclaration)) {
      const name = node.getName();
      if (name !== undefined) names.add(name);
    } else if (node.isKind(SyntaxKind.CatchClause)) {
      const variable = node.getVariableDeclaration();
      if (variable !== undefined) for (const name of boundNames(morph, variable.getNameNode())) names.add(name);
    }
  }
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
