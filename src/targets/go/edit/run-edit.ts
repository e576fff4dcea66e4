import type { AlignKind } from './align/row-models.js';
import { realignAroundInsertion } from './align/realign.js';
import { errorIndex, firstSyntaxError, withDocument } from './document.js';
import type { GoDocument } from './document.js';
import { EditVerificationError } from './errors.js';
import { columnOf, rowOf } from './layout.js';
import { normalizeSource } from './line-endings.js';
import type { ListShape } from './list-insertion.js';
import type { GoParser } from './parser.js';
import { applySplices } from './splice.js';
import type { Splice } from './splice.js';

/** A Go file to edit: `file` names it in messages, `text` is its content. */
export interface GoSource {
  readonly file: string;
  readonly text: string;
}

export interface EditResult {
  readonly changed: boolean;
  readonly text: string;
  /** What the operation does, e.g. `add field Payments to struct Ports`. */
  readonly summary: string;
}

export interface EditPlan {
  readonly splices: readonly Splice[];
  /** Index of the inserted item in the edited text. */
  readonly focus: number;
  /** Realign the list the item went into, as gofmt would. */
  readonly align?: {
    readonly kind: AlignKind;
    readonly before: ListShape | null;
    readonly after: (doc: GoDocument) => ListShape | null;
  };
}

export interface Operation {
  /** Human summary, e.g. `add field Payments to struct Ports`. */
  readonly summary: string;
  /** Null when the result is already present; throws AnchorNotFoundError when the anchor is gone. */
  plan(doc: GoDocument): EditPlan | null;
  /** True when the edited document contains what the operation adds. */
  isPresent(doc: GoDocument): boolean;
}

/**
 * Parse (refusing broken input), plan, splice, re-parse and verify, then realign.
 * Either returns the complete new text or throws; the input is never partially edited.
 */
export function runEdit(parser: GoParser, source: GoSource, operation: Operation): EditResult {
  const normalized = normalizeSource(source.file, source.text);
  const edited = withDocument(parser, source.file, normalized.text, (before) => {
    const plan = operation.plan(before);
    if (plan === null) return null;
    const spliced = applySplices(before.text, plan.splices);
    const realignment = verified(parser, source.file, spliced, operation, (after) => {
      const splices = plan.align === undefined ? [] : realign(before, after, plan);
      // Realigning moves only blanks: what the edit adds is looked for once, in the final text.
      if (splices.length === 0) requirePresent(after, operation);
      return splices;
    });
    if (realignment.length === 0) return spliced;
    const aligned = applySplices(spliced, realignment);
    verified(parser, source.file, aligned, operation, (after) => requirePresent(after, operation));
    return aligned;
  });
  if (edited === null) return { changed: false, text: source.text, summary: operation.summary };
  return { changed: true, text: normalized.restore(edited), summary: operation.summary };
}

function realign(before: GoDocument, after: GoDocument, plan: EditPlan): Splice[] {
  const align = plan.align;
  if (align === undefined) return [];
  const list = align.after(after);
  if (list === null) return [];
  return realignAroundInsertion({
    kind: align.kind,
    before: align.before === null ? null : { doc: before, list: align.before },
    after: { doc: after, list },
    focus: plan.focus,
    edit: plan.splices,
  });
}

/** Parses an edited text, refusing it when it has syntax errors, and reads it with `use`. */
function verified<T>(parser: GoParser, file: string, text: string, operation: Operation, use: (doc: GoDocument) => T): T {
  const tree = parser.parse(text);
  try {
    const doc: GoDocument = { file, text, root: tree.rootNode, parser };
    const bad = firstSyntaxError(doc.root);
    if (bad !== null) {
      throw new EditVerificationError(
        file,
        `${file}: refusing to ${operation.summary}: the result would not parse as Go ` +
          `(line ${rowOf(text, errorIndex(bad)) + 1}, column ${columnOf(text, errorIndex(bad))}); nothing was changed`,
      );
    }
    return use(doc);
  } finally {
    tree.delete();
  }
}

function requirePresent(doc: GoDocument, operation: Operation): void {
  if (!operation.isPresent(doc)) {
    throw new EditVerificationError(doc.file, `${doc.file}: refusing to ${operation.summary}: the result does not contain it; nothing was changed`);
  }
}
