import type { Project, SourceFile } from 'ts-morph';
import type { Tree } from '../../../tree/tree.js';
import { requireWithCodeCache } from '../../../module-loading/code-cache.js';
import { AnchorNotFoundError, TsParseError } from './errors.js';
import { manipulateTsEdit, planTsEdit, type PlannedEdit, type TsEdit } from './edits.js';
import { parseDiagnostics, scratchProject } from './scratch-project.js';
import { applySplices, type Splice } from './splice.js';

type TsMorph = typeof import('ts-morph');

let loaded: Promise<TsMorph> | undefined;

/** ts-morph costs ~300 ms to load: only the TypeScript `svc` paths load it, once. */
export function loadTsMorph(): Promise<TsMorph> {
  // require() rather than import(): the ESM loader would scan ts-morph's 9 MB CommonJS bundle for
  // export names first (~70 ms of a ~300 ms load). Still lazy: only this call loads it. On Node 20
  // its compiled code comes from a cache on disk (Node >= 22.1 has module.enableCompileCache()).
  loaded ??= Promise.resolve(requireWithCodeCache(import.meta.url, 'ts-morph') as TsMorph);
  return loaded;
}

/** Edits TypeScript files of a Tree through ts-morph, in a scratch project holding only the files it is asked about. */
export class TsEditSession {
  private readonly project: Project;
  private readonly files = new Map<string, SourceFile>();

  private constructor(
    private readonly morph: TsMorph,
    private readonly tree: Tree,
    /** Splice a batch of edits in at once when their anchors differ; false plans each edit on the result of the one before (tests compare both). */
    private readonly batching: boolean,
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
   *
   * Edits of distinct anchors are planned together on the file as it is and spliced in at once, so
   * the result is parsed once (three re-parses of a 200-use-case app.ts cost ~150 ms); otherwise
   * (two edits of one anchor, an edit ts-morph applies itself, or `splice: false`) each edit is
   * planned on the file the previous one left. Both give the same bytes (test/unit/ts-edit/splice.test.ts).
   */
  apply(file: string, edits: readonly TsEdit[], manualSnippet: string): boolean {
    const source = this.source(file, manualSnippet);
    const before = source.getFullText();
    const batch = this.batching ? this.planBatch(source, file, edits, manualSnippet) : null;
    if (batch !== null) {
      const splices = batch.flatMap((planned) => planned.splices);
      return splices.length > 0 && this.stage(file, before, () => this.parse(file, applySplices(before, splices), false));
    }
    return this.stage(file, before, () => {
      let current = source;
      for (const edit of edits) {
        const planned = planTsEdit(this.morph, current, file, edit, manualSnippet);
        if (planned === null) manipulateTsEdit(this.morph, current, edit);
        else if (planned.splices.length > 0) current = this.parse(file, applySplices(current.getFullText(), planned.splices), false);
      }
      return current;
    });
  }

  /** Splices located by the caller on the file as this session has it, staged like an edit; whether the file changed. */
  splice(file: string, splices: readonly Splice[], manualSnippet: string): boolean {
    const before = this.source(file, manualSnippet).getFullText();
    return splices.length > 0 && this.stage(file, before, () => this.parse(file, applySplices(before, splices), false));
  }

  /** Runs `change`, checks that its result parses and stages it; on any failure the file is as it was. */
  private stage(file: string, before: string, change: () => SourceFile): boolean {
    try {
      const changed = change();
      const after = changed.getFullText();
      if (after === before) {
        this.files.set(file, changed);
        return false;
      }
      this.check(changed, file, after);
      this.files.set(file, changed);
      this.tree.merge(file, after);
      return true;
    } catch (error) {
      this.files.set(file, this.parse(file, before, false));
      throw error;
    }
  }

  /** Every edit planned on the unchanged file, or null when they cannot be spliced in together. */
  private planBatch(source: SourceFile, file: string, edits: readonly TsEdit[], manualSnippet: string): PlannedEdit[] | null {
    const anchors = new Set<string>();
    const plans: PlannedEdit[] = [];
    for (const edit of edits) {
      const planned = planTsEdit(this.morph, source, file, edit, manualSnippet);
      if (planned === null || anchors.has(planned.anchor)) return null;
      anchors.add(planned.anchor);
      plans.push(planned);
    }
    return plans;
  }

  private parse(file: string, text: string, check = true): SourceFile {
    const source = this.project.createSourceFile(`/${file}`, text, { overwrite: true, scriptKind: this.morph.ts.ScriptKind.TS });
    if (check) this.check(source, file, text);
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
