import type { Node } from 'web-tree-sitter';
import { describeFunction, requireFunctionBody } from '../anchors.js';
import type { GoDocument } from '../document.js';
import { AnchorNotFoundError, InvalidSnippetError } from '../errors.js';
import { isBlank, rowEndIndex, rowStartIndex } from '../layout.js';
import { appendToList, insertIntoListBefore, itemEntries } from '../list-insertion.js';
import type { ListShape, PlannedInsertion } from '../list-insertion.js';
import { blockStatements } from '../list-shapes.js';
import { findCompositeLiterals, findFunctionBodies } from '../lookup.js';
import type { GoParser } from '../parser.js';
import { runEdit } from '../run-edit.js';
import type { EditResult, GoSource } from '../run-edit.js';
import { parseProbeSnippet, parseStatementSnippet } from '../snippet.js';
import type { CodeSnippet } from '../snippet.js';
import { tokenKey } from '../syntax.js';

/**
 * `end` appends to the body; `before-return` goes above the body's last top-level return;
 * `before-literal` goes above the top-level statement that holds the one `literal{…}` of the body
 * (`return app.Ports{…}, nil`, `ports := app.Ports{…}`, `return wrap(app.Ports{…})`), so what the
 * literal needs is declared before it whatever the shape of the function; `after-declaration` goes
 * right below the top-level statement that declares `declaration` (`fail := func…`), above whatever
 * followed it.
 */
export type StatementPosition = 'end' | 'before-return' | 'before-literal' | 'after-declaration';

export interface AddStatementArgs {
  /** `registerRoutes`, or `Router.routes` for a method. */
  readonly func: string;
  /** One Go statement; may span several lines (indent them with tabs relative to the statement). */
  readonly statement: string;
  /** Where the statement goes (see StatementPosition); `end` by default. */
  readonly position?: StatementPosition;
  /** With `before-literal`: the literal's type as written, e.g. `app.Ports` (also matches `&app.Ports{…}`). */
  readonly literal?: string;
  /** With `after-declaration`: the name the statement to follow declares, e.g. `fail`. */
  readonly declaration?: string;
  /**
   * Go expression or statement whose presence anywhere in the body means "already done",
   * e.g. the route pattern `"POST /v1/orders"`. Defaults to the statement itself.
   * Compared token by token, so formatting and comments do not matter.
   */
  readonly unlessPresent?: string;
  /**
   * With any position but `end`: the statement starts a paragraph, separated by a blank row from the
   * statements above it (if any) and from the return below. Later statements of the same paragraph
   * (without this flag) then go above that blank row, next to it.
   */
  readonly paragraph?: boolean;
  /**
   * With `before-return`: the statement goes right before (or after) the first top-level statement
   * that calls `callee` (`c.NATS.validate`), when the body has one; above the return otherwise.
   * This keeps sections in an order of their own, whatever order they were added in.
   */
  readonly near?: { readonly callee: string; readonly side: 'before' | 'after' };
}

/** Adds a statement to a function body unless it (or `unlessPresent`) is already there. */
export function addStatement(parser: GoParser, source: GoSource, args: AddStatementArgs): EditResult {
  const snippet = parseStatementSnippet(parser, source.file, args.statement);
  const probe = args.unlessPresent === undefined ? snippet : parseProbeSnippet(parser, source.file, args.unlessPresent);
  const position = args.position ?? 'end';
  const place = placeOf(args, position);
  if (position === 'before-literal' && (args.literal === undefined || args.literal === '')) {
    throw new InvalidSnippetError(source.file, args.statement, 'a before-literal statement needs the literal type');
  }
  if (position === 'after-declaration' && (args.declaration === undefined || args.declaration === '')) {
    throw new InvalidSnippetError(source.file, args.statement, 'an after-declaration statement needs the declared name');
  }
  return runEdit(parser, source, {
    summary: `add a statement to ${describeFunction(args.func)}`,
    plan(doc) {
      const body = requireFunctionBody(doc, args.func, snippet.text, place);
      if (isDone(body, probe, snippet, args)) return null;
      const list = blockStatements(body);
      const planned =
        position === 'end'
          ? appendToList(doc, list, snippet)
          : position === 'before-return'
            ? (insertNearCall(doc, list, snippet, args.near) ?? insertBeforeReturn(doc, list, snippet, args.func))
            : position === 'before-literal'
              ? insertBeforeLiteral(doc, body, list, snippet, args.func, args.literal ?? '')
              : insertAfterDeclaration(doc, list, snippet, args.func, args.declaration ?? '');
      const insertion = position !== 'end' && args.paragraph === true ? asParagraph(doc.text, planned) : planned;
      return {
        splices: [insertion.splice],
        focus: insertion.focus,
        align: { kind: 'statements', before: list, after: (edited) => findBody(edited, args.func) },
      };
    },
    isPresent: (doc) => {
      const [body] = findFunctionBodies(doc, args.func);
      return body !== undefined && isDone(body, probe, snippet, args) && contains(body, snippet);
    },
  });
}

function placeOf(args: AddStatementArgs, position: StatementPosition): string {
  switch (position) {
    case 'end':
      return 'at the end of';
    case 'before-return':
      return 'before the final return of';
    case 'before-literal':
      return `before the ${args.literal ?? '?'}{…} literal of`;
    case 'after-declaration':
      return `after the declaration of ${args.declaration ?? '?'} in`;
  }
}

function insertAfterDeclaration(doc: GoDocument, list: ListShape, snippet: CodeSnippet, func: string, name: string): PlannedInsertion {
  const statements = itemEntries(list);
  const index = statements.findIndex((statement) => declaredBy(statement).includes(name));
  if (index === -1) {
    throw new AnchorNotFoundError(doc.file, {
      problem: 'missing',
      reason: `${describeFunction(func)} declares no ${name} at the top level of its body`,
      where: `in ${describeFunction(func)} in ${doc.file}, right after ${name} is declared`,
      manualSnippet: snippet.text,
    });
  }
  const next = statements[index + 1];
  return next === undefined ? appendToList(doc, list, snippet) : insertIntoListBefore(doc, list, next, snippet, { keepBlankLineAbove: true });
}

/**
 * Whether the edit is done: `unlessPresent` (or the statement) anywhere in the body; but an
 * after-declaration statement without `unlessPresent` is done only where it belongs, right below the
 * declaration, so that a common statement (`if err != nil {…}`) can follow each declaration.
 */
function isDone(body: Node, probe: CodeSnippet, snippet: CodeSnippet, args: AddStatementArgs): boolean {
  if (args.position !== 'after-declaration' || args.unlessPresent !== undefined) return contains(body, probe);
  const statements = itemEntries(blockStatements(body));
  const index = statements.findIndex((statement) => declaredBy(statement).includes(args.declaration ?? ''));
  const next = index === -1 ? undefined : statements[index + 1];
  return next !== undefined && next.type === snippet.nodeType && tokenKey(next) === snippet.tokens;
}

/** The names a `x, err := …` or `var x = …` statement declares. */
function declaredBy(statement: Node): string[] {
  const left =
    statement.type === 'short_var_declaration'
      ? statement.childForFieldName('left')
      : statement.type === 'var_declaration'
        ? statement.descendantsOfType('var_spec')[0] ?? null
        : null;
  return left === null ? [] : left.namedChildren.filter((child) => child.type === 'identifier').map((child) => child.text);
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

function insertNearCall(doc: GoDocument, list: ListShape, snippet: CodeSnippet, near: AddStatementArgs['near']): PlannedInsertion | null {
  if (near === undefined) return null;
  const statements = itemEntries(list);
  const index = statements.findIndex((statement) =>
    statement.descendantsOfType('call_expression').some((call) => call?.childForFieldName('function')?.text === near.callee),
  );
  if (index === -1) return null;
  const target = near.side === 'before' ? statements[index] : statements[index + 1];
  return target === undefined ? appendToList(doc, list, snippet) : insertIntoListBefore(doc, list, target, snippet, { keepBlankLineAbove: true });
}

function insertBeforeLiteral(doc: GoDocument, body: Node, list: ListShape, snippet: CodeSnippet, func: string, literal: string): PlannedInsertion {
  const literals = findCompositeLiterals(doc, body, literal);
  const where = `in ${describeFunction(func)} in ${doc.file}, above the statement that builds the ${literal}{…} literal`;
  const [only] = literals;
  if (only === undefined || literals.length > 1) {
    throw new AnchorNotFoundError(doc.file, {
      problem: only === undefined ? 'missing' : 'ambiguous',
      reason:
        only === undefined
          ? `${describeFunction(func)} builds no ${literal}{…} literal`
          : `${describeFunction(func)} builds ${literals.length} ${literal}{…} literals and the engine will not guess which one`,
      where,
      manualSnippet: snippet.text,
    });
  }
  const holder = itemEntries(list).find((statement) => statement.startIndex <= only.startIndex && only.endIndex <= statement.endIndex);
  if (holder === undefined) {
    throw new AnchorNotFoundError(doc.file, { problem: 'missing', reason: `the ${literal}{…} literal is not inside a statement of ${describeFunction(func)}`, where, manualSnippet: snippet.text });
  }
  return insertIntoListBefore(doc, list, holder, snippet, { keepBlankLineAbove: true });
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
