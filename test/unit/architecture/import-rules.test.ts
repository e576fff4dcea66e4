/**
 * The architecture as rules on src/'s import graph, read with the TypeScript compiler API (static
 * imports, re-exports, import() with a literal): the targets share only the neutral contract, the
 * commands reach a target only through the registry, a target's features do not build on its add
 * commands, and no language conditional lives outside the targets and the catalog.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../../src/choices/catalog.js';
import { REPO_ROOT } from '../../helpers/cli.js';

const SRC = path.join(REPO_ROOT, 'src');

interface Edge {
  from: string;
  to: string;
  dynamic: boolean;
}

const files = (fs.readdirSync(SRC, { recursive: true }) as string[]).map((file) => file.split(path.sep).join('/')).filter((file) => file.endsWith('.ts'));
const sources = new Map(files.map((file) => [file, ts.createSourceFile(file, fs.readFileSync(path.join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, true)]));

/** Every import of a file of src/ by another, with whether it is an import() call. */
function importGraph(): Edge[] {
  const edges: Edge[] = [];
  for (const [file, source] of sources) {
    const add = (specifier: ts.Expression | undefined, dynamic: boolean) => {
      if (specifier === undefined || !ts.isStringLiteralLike(specifier) || !specifier.text.startsWith('.')) return;
      const to = path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier.text)).replace(/\.js$/, '.ts');
      edges.push({ from: file, to, dynamic });
    };
    const visit = (node: ts.Node): void => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier, false);
      else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression, false);
      else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) add(node.arguments[0], true);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return edges;
}

const within = (file: string, dir: string) => file.startsWith(`${dir}/`);
const show = (edges: Edge[]) => edges.map((edge) => `${edge.from} -> ${edge.to}${edge.dynamic ? ' (import())' : ''}`);

describe('the import graph of src/', () => {
  const edges = importGraph();

  it('is read whole: every edge lands on a file of src/', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.filter((edge) => !sources.has(edge.to)).map((edge) => `${edge.from} -> ${edge.to}`)).toEqual([]);
  });

  it('no target imports another', () => {
    const crossing = edges.filter((edge) => LANGS.some((lang) => within(edge.from, `targets/${lang}`) && within(edge.to, 'targets') && !within(edge.to, `targets/${lang}`)));
    expect(show(crossing)).toEqual([]);
  });

  it('nothing under targets/ imports from cli/', () => {
    expect(show(edges.filter((edge) => within(edge.from, 'targets') && within(edge.to, 'cli')))).toEqual([]);
  });

  it('the neutral contract imports no target and no command', () => {
    expect(show(edges.filter((edge) => within(edge.from, 'target-contract') && (within(edge.to, 'targets') || within(edge.to, 'cli'))))).toEqual([]);
  });

  it('outside the targets, only the registry reaches a target, and only through import()', () => {
    const intoTargets = edges.filter((edge) => !within(edge.from, 'targets') && within(edge.to, 'targets'));
    expect(show(intoTargets.filter((edge) => edge.to !== 'targets/registry.ts'))).toEqual([]);
    const fromRegistry = edges.filter((edge) => edge.from === 'targets/registry.ts' && LANGS.some((lang) => within(edge.to, `targets/${lang}`)));
    expect(fromRegistry.map((edge) => edge.to).sort()).toEqual(LANGS.map((lang) => `targets/${lang}/target.ts`));
    expect(show(fromRegistry.filter((edge) => !edge.dynamic))).toEqual([]);
  });

  it("a target's features build on none of its commands: nothing under features/ imports add/", () => {
    // Shared files that still live in add/; move them beside the features instead of listing more.
    const notYetMoved = new Set(['targets/go/add/go-files.ts', 'targets/go/add/go-code.ts', 'targets/go/add/asyncapi-broker.ts']);
    const upward = edges.filter((edge) => LANGS.some((lang) => within(edge.from, `targets/${lang}/features`) && within(edge.to, `targets/${lang}/add`)));
    expect(show(upward.filter((edge) => !notYetMoved.has(edge.to)))).toEqual([]);
    // A file moved out leaves the list too, so it only shrinks.
    expect([...notYetMoved].filter((file) => !upward.some((edge) => edge.to === file))).toEqual([]);
  });

  it('a target module loads its parts only through import()', () => {
    const eager = edges.filter((edge) => LANGS.some((lang) => edge.from === `targets/${lang}/target.ts`) && !edge.dynamic);
    const typeOnly = (edge: Edge) => {
      const source = sources.get(edge.from);
      return source?.statements.some((statement) => ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly === true && ts.isStringLiteral(statement.moduleSpecifier) && edge.to.endsWith(statement.moduleSpecifier.text.replace(/^(\.\.?\/)+/, '').replace(/\.js$/, '.ts')));
    };
    expect(show(eager.filter((edge) => !typeOnly(edge)))).toEqual([]);
  });
});

describe('language conditionals', () => {
  /** `x.lang === …`, `lang !== …`, `… === 'ts'` and `switch (lang)`: the places that choose by language. */
  function langConditionals(file: string, source: ts.SourceFile): string[] {
    const found: string[] = [];
    const isLang = (node: ts.Expression): boolean =>
      (ts.isIdentifier(node) && node.text === 'lang') ||
      (ts.isPropertyAccessExpression(node) && node.name.text === 'lang') ||
      (ts.isStringLiteralLike(node) && (LANGS as readonly string[]).includes(node.text)) ||
      (ts.isCallExpression(node) && /lang/i.test(node.expression.getText(source)));
    const equality = new Set([ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken]);
    const visit = (node: ts.Node): void => {
      const at = () => `${file}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${node.getText(source)}`;
      if (ts.isBinaryExpression(node) && equality.has(node.operatorToken.kind) && (isLang(node.left) || isLang(node.right))) found.push(at());
      if (ts.isSwitchStatement(node) && isLang(node.expression)) found.push(at());
      ts.forEachChild(node, visit);
    };
    visit(source);
    return found;
  }

  it('exist only in the targets and the catalog', () => {
    const allowed = (file: string) => within(file, 'targets') || file === 'choices/catalog.ts';
    const found = [...sources].flatMap(([file, source]) => langConditionals(file, source));
    expect(found.filter((hit) => !allowed(hit.split(':')[0] ?? ''))).toEqual([]);
  });
});
