import path from 'node:path';
import type { Project, SourceFile } from 'ts-morph';
import type { Tree } from '../../../tree/tree.js';
import { parseDiagnostics, scratchProject } from '../edit/scratch-project.js';
import { loadTsMorph } from '../edit/session.js';

type TsMorph = typeof import('ts-morph');

/** Reads TypeScript files of a Tree through ts-morph, for `svc list` and `svc doctor`: a scratch project holding only the files asked about, each parsed once. */
export class TsReader {
  private readonly project: Project;
  private readonly files = new Map<string, SourceFile | null>();

  private constructor(
    readonly morph: TsMorph,
    private readonly tree: Tree,
  ) {
    this.project = scratchProject(morph);
  }

  static async open(tree: Tree): Promise<TsReader> {
    return new TsReader(await loadTsMorph(), tree);
  }

  /** The parsed file (root-relative path), or null when it does not exist. */
  source(file: string): SourceFile | null {
    if (this.files.has(file)) return this.files.get(file) ?? null;
    const text = this.tree.read(file);
    const source = text === undefined ? null : this.project.createSourceFile(`/${file}`, text, { overwrite: true, scriptKind: this.morph.ts.ScriptKind.TS });
    this.files.set(file, source);
    return source;
  }

  /** Whether the parser reported a syntax error in the file. */
  static hasParseErrors(source: SourceFile): boolean {
    return parseDiagnostics(source).length > 0;
  }
}

/**
 * The root-relative TypeScript file a relative module specifier of `from` names (`../port/x.js` from
 * `src/app/app.ts` is `src/port/x.ts`, as NodeNext resolution maps it); null for a package import.
 */
export function resolveModule(from: string, specifier: string): string | null {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return null;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  if (joined.startsWith('../')) return null;
  for (const [js, tsExt] of [['.js', '.ts'], ['.mjs', '.mts'], ['.cjs', '.cts']] as const) {
    if (joined.endsWith(js)) return joined.slice(0, -js.length) + tsExt;
  }
  return joined.endsWith('.ts') || joined.endsWith('.mts') || joined.endsWith('.cts') ? joined : `${joined}.ts`;
}

/** Where `name` comes from in `source`: the module of the import that binds it (named, default or namespace), or null. */
export function importOf(source: SourceFile, name: string): { module: string; imported: string } | null {
  for (const declaration of source.getImportDeclarations()) {
    const module = declaration.getModuleSpecifierValue();
    if (declaration.getDefaultImport()?.getText() === name) return { module, imported: 'default' };
    if (declaration.getNamespaceImport()?.getText() === name) return { module, imported: '*' };
    for (const named of declaration.getNamedImports()) {
      if ((named.getAliasNode()?.getText() ?? named.getName()) === name) return { module, imported: named.getName() };
    }
  }
  return null;
}
