import { createRequire } from 'node:module';
import type { Project, SourceFile } from 'ts-morph';
import type { Tree } from '../../../tree/tree.js';
import { AnchorNotFoundError, TsParseError } from './errors.js';
import { applyTsEdit, type TsEdit } from './edits.js';
import { parseDiagnostics, scratchProject } from './scratch-project.js';
import { applySplices, planSplices } from './splice.js';

type TsMorph = typeof import('ts-morph');

let loaded: Promise<TsMorph> | undefined;

/** ts-morph costs ~300 ms to load: only the TypeScript `svc` paths load it, once. */
export function loadTsMorph(): Promise<TsMorph> {
  // require() rather than import(): the ESM loader would scan ts-morph's 9 MB CommonJS bundle for
  // export names first (~70 ms of a ~300 ms load). Still lazy: only this call loads it.
  loaded ??= Promise.resolve(createRequire(import.meta.url)('ts-morph') as TsMorph);
  return loaded;
}

/** Edits TypeScript files of a Tree through ts-morph, in a scratch project holding only the files it is asked about. */
export class TsEditSession {
  private readonly project: Project;
  private readonly files = new Map<string, SourceFile>();

  private constructor(
    private readonly morph: TsMorph,
    private readonly tree: Tree,
    /** Plan edits as splices when possible; false applies every edit through ts-morph (tests compare both). */
    private readonly splice: boolean,
  ) {
    this.project = scratchProject(morph);
  }

  static async open(tree: Tree, options: { splice?: boolean } = {}): Promise<TsEditSession> {
    return new TsEditSession(await loadTsMorph(), tree, options.splice ?? true);
  }

  get ts(): TsMorph {
    return this.morph;
  }

  /** The parsed file; an AnchorNotFoundError (with `manualSnippet`) when it is missing, a TsParseError when it does not parse. */
  source(file: string, manualSnippet: string): SourceFile {
    const cached = this.files.get(file);
    if (cached !== undefined) return cached;
    const text = this.tree.read(file);
    if (text === undefined) {
      throw new AnchorNotFoundError(file, {
        problem: 'missing',
        reason: `${file} does not exist (it may have been moved or deleted)`,
        where: `in the file that now plays the role of ${file}`,
        manualSnippet,
      });
    }
    const source = this.parse(file, text);
    this.files.set(file, source);
    return source;
  }

  /**
   * Applies `edits` to `file` in order (each one a no-op when its result is already there) and
   * stages the result in the tree as a merge. Throws before staging anything if an anchor is missing
   * or the result does not parse. Returns whether the file changed.
   */
  apply(file: string, edits: readonly TsEdit[], manualSnippet: string): boolean {
    const source = this.source(file, manualSnippet);
    const before = source.getFullText();
    const splices = this.splice ? planSplices(this.morph, source, edits) : null;
    if (splices !== null) {
      if (splices.length === 0) return false;
      const after = applySplices(before, splices);
      // The one parse of the result: it checks it and is what later edits of this file see.
      this.files.set(file, this.parse(file, after));
      this.tree.merge(file, after);
      return true;
    }
    let changed = false;
    for (const edit of edits) changed = applyTsEdit(this.morph, source, file, edit, manualSnippet) || changed;
    const after = source.getFullText();
    if (!changed || after === before) return false;
    // ts-morph re-parsed the file after its last change: its diagnostics are those of the result.
    this.check(source, file, after);
    this.tree.merge(file, after);
    return true;
  }

  private parse(file: string, text: string): SourceFile {
    const source = this.project.createSourceFile(`/${file}`, text, { overwrite: true, scriptKind: this.morph.ts.ScriptKind.TS });
    this.check(source, file, text);
    return source;
  }

  private check(source: SourceFile, reportAs: string, text: string): void {
    const first = parseDiagnostics(source)[0];
    if (first !== undefined) {
      const { line, column } = source.getLineAndColumnAtPos(first.start);
      const excerpt = text.split('\n')[line - 1] ?? '';
      throw new TsParseError(reportAs, line, column, this.morph.ts.flattenDiagnosticMessageText(first.messageText, ' '), `  ${excerpt}\n  ${' '.repeat(Math.max(0, column - 1))}^`);
    }
  }
}
