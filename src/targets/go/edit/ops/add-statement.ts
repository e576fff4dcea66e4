import type { Node } from 'web-tree-sitter';
import { describeFunction, requireFunctionBody } from '../anchors.js';
import type { GoDocument } from '../document.js';
import { AnchorNotFoundError } from '../errors.js';
import { isBlank, rowEndIndex, rowStartIndex } from '../layout.js';
import { appendToList, insertIntoListBefore, itemEntries } from '../list-insertion.js';
import type { ListShape, PlannedInsertion } from '../list-insertion.js';
import { blockStatements } from '../list-shapes.js';
import { findFunctionBodies } from '../lookup.js';
import type { GoParser } from '../parser.js';
import { runEdit } from '../run-edit.js';
import type { EditResult, GoSource } from '../run-edit.js';
import { parseProbeSnippet, parseStatementSnippet } from '../snippet.js';
import type { CodeSnippet } from '../snippet.js';
import { tokenKey } from '../syntax.js';

export type StatementPosition = 'end' | 'before-return';

export interface AddStatementArgs {
  /** `registerRoutes`, or `Router.routes` for a method. */
  readonly func: string;
  /** One Go statement; may span several lines (indent them with tabs relative to the statement). */
  readonly statement: string;
  /** `end` (default) appends to the body; `before-return` goes above the body's last top-level return. */
  readonly position?: StatementPosition;
  /**
   * Go expression or statement whose presence anywhere in the body means "already done",
   * e.g. the route pattern `"POST /v1/orders"`. Defaults to the statement itself.
   * Compared token by token, so formatting and comments do not matter.
   */
  readonly unlessPresent?: string;
  /**
   * With `before-return`: the statement starts a paragraph, separated by a blank row from the
   * statements above it (if any) and from the return below. Later statements of the same paragraph
   * (without this flag) then go above that blank row, next to it.
   */
  readonly paragraph?: boolean;
}

/** Adds a statement to a function body unless it (or `unlessPresent`) is already there. */
export function addStatement(parser: GoParser, source: GoSource, args: AddStatementArgs): EditResult {
  const snippet = parseStatementSnippet(parser, source.file, args.statement);
  const probe = args.unlessPresent === undefined ? snippet : parseProbeSnippet(parser, source.file, args.unlessPresent);
  const position = args.position ?? 'end';
  const place = position === 'end' ? 'at the end of' : 'before the final return of';
  return runEdit(parser, source, {
    summary: `add a statement to ${describeFunction(args.func)}`,
    plan(doc) {
      const body = requireFunctionBody(doc, args.func, snippet.text, place);
      if (contains(body, probe)) return null;
      const list = blockStatements(body);
      const planned = position === 'end' ? appendToList(doc, list, snippet) : insertBeforeReturn(doc, list, snippet, args.func);
      const insertion = position === 'before-return' && args.paragraph === true ? asParagraph(doc.text, planned) : planned;
      return {
        splices: [insertion.splice],
        focus: insertion.focus,
        align: { kind: 'statements', before: list, after: (edited) => findBody(edited, args.func) },
      };
    },
    isPresent: (doc) => {
      const [body] = findFunctionBodies(doc, args.func);
      return body !== undefined && contains(body, probe) && contains(body, snippet);
    },
  });
}

function insertBeforeReturn(doc: GoDocument, list: ListShape, snippet: CodeSnippet, func: string): PlannedInsertion {
  const finalReturn = itemEntries(list).findLast((statement) => statement.type === 'return_statement');
  if (finalReturn === undefined) {
    throw new AnchorNotFoundError(doc.file, {
      problem: 'missing',
      reason: `${describeFunction(func)} has no return statement at the top level of its body`,
      where: `in ${describeFunction(func)} in ${doc.file}, where it fits`,
      manualSnippet: snippet.text,
    });
  }
  return insertIntoListBefore(doc, list, finalReturn, snippet, { keepBlankLineAbove: true });
}

/**
 * Adds the blank rows that make the inserted statement a paragraph of its own: one above unless
 * the row above opens the body or is blank already, one below unless the row below is blank.
 */
function asParagraph(text: string, planned: PlannedInsertion): PlannedInsertion {
  const { splice, focus } = planned;
  let inserted = splice.text;
  const statementAt = focus - splice.start;
  const rowStart = inserted.lastIndexOf('\n', statementAt - 1) + 1;
  const rowAbove = rowStart > 0 ? rowBefore(inserted, rowStart, text, splice.start) : lineBefore(text, splice.start);
  const needsAbove = !isBlank(rowAbove) && !rowAbove.trimEnd().endsWith('{');
  const rowBelow = inserted.endsWith('\n') ? lineAt(text, splice.end) : lineAt(text, splice.end + 1);
  if (!isBlank(rowBelow)) inserted = `${inserted}\n`;
  if (needsAbove) inserted = `${inserted.slice(0, rowStart)}\n${inserted.slice(rowStart)}`;
  return { splice: { ...splice, text: inserted }, focus: focus + (needsAbove ? 1 : 0) };
}

/** The row that ends right before `rowStart` of the inserted text (partly original text when it starts mid-row). */
function rowBefore(inserted: string, rowStart: number, text: string, at: number): string {
  const previousStart = rowStart < 2 ? 0 : inserted.lastIndexOf('\n', rowStart - 2) + 1;
  const row = inserted.slice(previousStart, rowStart - 1);
  return previousStart === 0 ? text.slice(rowStartIndex(text, at), at) + row : row;
}

/** The row of `text` that ends right before index `at` (a row start). */
function lineBefore(text: string, at: number): string {
  return at === 0 ? '' : text.slice(rowStartIndex(text, at - 1), at - 1);
}

function lineAt(text: string, at: number): string {
  return at >= text.length ? '' : text.slice(at, rowEndIndex(text, at));
}

function findBody(doc: GoDocument, func: string): ListShape | null {
  const [body] = findFunctionBodies(doc, func);
  return body === undefined ? null : blockStatements(body);
}

function contains(scope: Node, probe: CodeSnippet): boolean {
  return scope.descendantsOfType(probe.nodeType).some((node) => tokenKey(node) === probe.tokens);
}
