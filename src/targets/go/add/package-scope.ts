import type { Tree } from '../../../tree/tree.js';
import type { GoParser } from '../edit/parser.js';
import { packageName } from '../inspect/project-model.js';
import { fileImports, readGo, topLevelNames, type ImportEntry } from '../inspect/syntax.js';
import { goFilesIn } from './go-files.js';
import { mayDeclareAny } from './identifier-scan.js';

/** A package an add imports under `name`. */
export interface ImportName {
  name: string;
  path: string;
}

/** What one add puts into one Go package. */
export interface PackageAddition {
  /** The folder: `internal/app`. */
  dir: string;
  /** The package clause of the files it adds: `app`, `app_test`, `httpadapter_test`. */
  pkg: string;
  /** Package-level names the add declares there. */
  declares: readonly string[];
  /** The packages the add imports there (in new files or into edited ones). */
  imports: readonly ImportName[];
  /** Files the add creates. */
  creates: readonly string[];
}

interface FileFacts {
  pkg: string;
  declared: ReadonlySet<string>;
  imports: readonly ImportEntry[];
}

/**
 * What the packages of a service declare and import, read through the syntax tree, to tell
 * whether an add fits. Go forbids a package-level name that another package-level name or any
 * file's import name already takes, so every file of the package counts, test files included.
 * Only files whose text could matter are parsed, which keeps a package of hundreds of files cheap.
 */
export class PackageScope {
  private readonly facts = new Map<string, FileFacts>();
  private readonly texts = new Map<string, string>();
  private readonly listings = new Map<string, string[]>();

  constructor(
    private readonly parser: GoParser,
    private readonly tree: Tree,
  ) {}

  /** Why the addition cannot go into its package, one sentence per reason; empty when it fits. */
  collisions(addition: PackageAddition): string[] {
    const problems: string[] = [];
    for (const file of addition.creates) if (this.tree.exists(file)) problems.push(`${file} already exists`);
    // One sentence per clash, naming the files it happens in.
    const clashes = new Map<string, string[]>();
    const clash = (sentence: string, file: string) => clashes.set(sentence, [...(clashes.get(sentence) ?? []), file]);
    const importNames = addition.imports.map((entry) => entry.name);
    for (const file of this.filesOf(addition.dir)) {
      const text = this.textOf(file);
      // A file can only declare or import a name its text contains.
      if (!addition.declares.some((name) => text.includes(name)) && !mayDeclareAny(text, importNames)) continue;
      const facts = this.factsOf(file, text);
      if (facts.pkg !== addition.pkg) continue;
      for (const name of addition.declares) {
        if (facts.declared.has(name)) clash(`${name} is already declared in`, file);
        const imported = facts.imports.find((entry) => entry.name === name);
        if (imported !== undefined) clash(`${name} would clash with the import of "${imported.path}" in`, file);
      }
      for (const entry of addition.imports) {
        if (facts.declared.has(entry.name)) clash(`the new code imports "${entry.path}" as ${entry.name}, which is declared in`, file);
      }
    }
    for (const [sentence, files] of clashes) problems.push(`${sentence} ${listed(files)}`);
    return problems;
  }

  private filesOf(dir: string): string[] {
    let files = this.listings.get(dir);
    if (files === undefined) {
      files = goFilesIn(this.tree, dir);
      this.listings.set(dir, files);
    }
    return files;
  }

  /** Files are read once per add: a package of hundreds of files is scanned for several additions. */
  private textOf(file: string): string {
    let text = this.texts.get(file);
    if (text === undefined) {
      text = this.tree.read(file) ?? '';
      this.texts.set(file, text);
    }
    return text;
  }

  private factsOf(file: string, text: string): FileFacts {
    let facts = this.facts.get(file);
    if (facts === undefined) {
      facts = readGo(this.parser, file, text, (doc) => ({ pkg: packageName(doc), declared: new Set(topLevelNames(doc)), imports: fileImports(doc) }));
      this.facts.set(file, facts);
    }
    return facts;
  }
}

function listed(files: readonly string[]): string {
  if (files.length <= 2) return files.join(' and ');
  return `${files.slice(0, 2).join(', ')} and ${files.length - 2} more`;
}
