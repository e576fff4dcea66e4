import type { Node, SourceFile } from 'ts-morph';
import type { Splice } from './splice.js';

type TsMorph = typeof import('ts-morph');

/**
 * A braced (or bracketed) list of the user's code, as the edits see it: an interface body, an
 * object or array literal, the named imports of an import, a function body. Its elements carry
 * their own terminator (`;` of a member or a statement) or are separated by commas.
 */
export interface CodeList {
  /** Position of the opening `{` or `[`. */
  open: number;
  /** Position of the closing `}` or `]`. */
  close: number;
  elements: readonly Node[];
  /** `','` for literals and imports; `''` when each element (and each item added) ends with its own `;`. */
  separator: ',' | '';
  /** A comma after the last element. */
  trailingComma: boolean;
}

/**
 * The splices that add `item` (written without separator) at the end of `list`, keeping every
 * comment where the user put it: a comment on the row of the last element stays on that row, a
 * comment on a row of its own stays above the new element, and comments in an empty list stay
 * before it. A multi-line list gets a row of its own at the last element's indentation; a
 * one-line list stays on one line; an empty list opens one row one level deeper than its line.
 */
export function appendToList(morph: TsMorph, source: SourceFile, list: CodeList, item: string, options: { blankBefore?: boolean } = {}): Splice[] {
  const text = source.getFullText();
  const last = list.elements.at(-1);
  const base = lineIndent(text, list.open);
  if (last === undefined) {
    const lastComment = commentsAfter(morph, text, list.open + 1).at(-1);
    const at = lastComment?.end ?? list.open + 1;
    const indent = lastComment !== undefined && startsRow(text, lastComment.pos) ? lineIndent(text, lastComment.pos) : `${base}  `;
    const blank = options.blankBefore === true && lastComment !== undefined ? '\n' : '';
    return [{ start: at, end: list.close, text: `${blank}\n${indent}${reindent(item, indent)}${list.separator}\n${base}` }];
  }
  const multiLine = text.slice(list.open, list.close).includes('\n');
  const afterLast = list.trailingComma ? commaAfter(morph, last) : last.getEnd();
  if (!multiLine) {
    if (list.separator === ',') {
      return list.trailingComma ? [{ start: afterLast, end: afterLast, text: ` ${item},` }] : [{ start: afterLast, end: afterLast, text: `, ${item}` }];
    }
    // Members and statements carry their own `;` (so does `item`); the last one may lack it.
    const terminated = last.getText().endsWith(';') || last.getText().endsWith(',');
    return [{ start: last.getEnd(), end: last.getEnd(), text: `${terminated ? '' : ';'} ${item}` }];
  }
  const at = endOfComments(morph, text, afterLast);
  const indent = lineIndent(text, last.getStart());
  const splices: Splice[] = [];
  // A comma list the user writes without a trailing comma keeps that style, with the comma the new element needs.
  if (list.separator === ',' && !list.trailingComma) splices.push({ start: last.getEnd(), end: last.getEnd(), text: ',' });
  const separator = list.separator === ',' && !list.trailingComma ? '' : list.separator;
  splices.push({ start: at, end: at, text: `${options.blankBefore === true ? '\n' : ''}\n${indent}${reindent(item, indent)}${separator}` });
  return splices;
}

/** The splices that put `item` before element `index` of a non-empty `list` (a sorted insertion). */
export function insertIntoList(morph: TsMorph, source: SourceFile, list: CodeList, index: number, item: string): Splice[] {
  const before = list.elements[index];
  if (before === undefined) return appendToList(morph, source, list, item);
  const text = source.getFullText();
  const multiLine = text.slice(list.open, list.close).includes('\n');
  if (!multiLine) return [{ start: before.getStart(), end: before.getStart(), text: `${item}${list.separator === ',' ? ',' : ''} ` }];
  const at = rowStart(morph, text, before, false);
  const indent = lineIndent(text, before.getStart());
  return [{ start: at, end: at, text: `${indent}${reindent(item, indent)}${list.separator}\n` }];
}

/**
 * Where a new row goes above `node`: the start of the first row of the comments on rows of their
 * own directly above it (they belong to it), or of its own row. With `keepHeader` (the first
 * statement of a file) the comments stay above the new row, but not the node's JSDoc.
 */
export function rowStart(morph: TsMorph, text: string, node: Node, keepHeader: boolean): number {
  const start = node.getStart(true);
  if (keepHeader) return lineStart(text, start);
  const comments = (morph.ts.getLeadingCommentRanges(text, node.getFullStart()) ?? []).filter((comment) => startsRow(text, comment.pos) && comment.pos < start);
  return lineStart(text, comments[0]?.pos ?? start);
}

/** After `pos` and every comment that follows it before the next token (on its row or on rows of their own). */
export function endOfComments(morph: TsMorph, text: string, pos: number): number {
  return commentsAfter(morph, text, pos).at(-1)?.end ?? pos;
}

/** The comments between `pos` and the next token: those on the rest of its row, then those on rows of their own. */
function commentsAfter(morph: TsMorph, text: string, pos: number): { pos: number; end: number }[] {
  // TypeScript calls the first kind trailing and only collects the second as leading.
  const trailing = morph.ts.getTrailingCommentRanges(text, pos) ?? [];
  const leading = morph.ts.getLeadingCommentRanges(text, trailing.at(-1)?.end ?? pos) ?? [];
  return [...trailing, ...leading];
}

/** After `node` and the comments on the rest of its row. */
export function endOfRow(morph: TsMorph, text: string, node: Node): number {
  return (morph.ts.getTrailingCommentRanges(text, node.getEnd()) ?? []).at(-1)?.end ?? node.getEnd();
}

/** The white space that starts the row holding `pos`. */
export function lineIndent(text: string, pos: number): string {
  const start = lineStart(text, pos);
  let end = start;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(start, end);
}

/** Every row of `item` after the first indented by `indent` too (blank rows stay empty). */
export function reindent(item: string, indent: string): string {
  return item
    .split('\n')
    .map((row, index) => (index === 0 || row === '' ? row : `${indent}${row}`))
    .join('\n');
}

function lineStart(text: string, pos: number): number {
  return text.lastIndexOf('\n', pos - 1) + 1;
}

function startsRow(text: string, pos: number): boolean {
  return text.slice(lineStart(text, pos), pos).trim() === '';
}

function commaAfter(morph: TsMorph, node: Node): number {
  const next = node.getNextSibling();
  return next?.getKind() === morph.SyntaxKind.CommaToken ? next.getEnd() : node.getEnd();
}
