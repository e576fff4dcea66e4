import { runeWidth } from '../layout.js';
import type { CellRow } from './tabwriter.js';

/**
 * What go/printer writes for one row, reduced to what alignment depends on:
 * source text, a blank, and the soft (vtab) or hard (htab) cell terminators.
 */
export type PrintToken =
  | { readonly kind: 'text'; readonly start: number; readonly end: number }
  | { readonly kind: 'blank' }
  | { readonly kind: 'vtab' }
  | { readonly kind: 'htab' };

export const BLANK: PrintToken = { kind: 'blank' };
export const VTAB: PrintToken = { kind: 'vtab' };
export const HTAB: PrintToken = { kind: 'htab' };

export function textToken(start: number, end: number): PrintToken {
  return { kind: 'text', start, end };
}

/** go/printer's rule for a comment on the same row: drop pending blanks, and add a tab unless a vtab is pending. */
export function withTrailingComment(tokens: PrintToken[], comment: { startIndex: number; endIndex: number }): PrintToken[] {
  const result = [...tokens];
  let hasSeparator = false;
  let index = result.length - 1;
  while (index >= 0) {
    const token = result[index];
    if (token === undefined || token.kind === 'text') break;
    if (token.kind === 'blank') result.splice(index, 1);
    else hasSeparator = true;
    index--;
  }
  if (!hasSeparator) result.push(HTAB);
  result.push(textToken(comment.startIndex, comment.endIndex));
  return result;
}

export function cellRow(text: string, tokens: readonly PrintToken[]): CellRow {
  const cells: Array<{ width: number; hard: boolean }> = [];
  let width = 0;
  for (const token of tokens) {
    if (token.kind === 'text') width += runeWidth(text.slice(token.start, token.end));
    else if (token.kind === 'blank') width += 1;
    else {
      cells.push({ width, hard: token.kind === 'htab' });
      width = 0;
    }
  }
  return { cells };
}

/** The whitespace gofmt puts between consecutive text tokens of the row, given its column widths. */
export function expectedGaps(row: CellRow, tokens: readonly PrintToken[], widths: readonly number[]): string[] {
  const gaps: string[] = [];
  let gap = '';
  let seenText = false;
  let cell = 0;
  for (const token of tokens) {
    if (token.kind === 'text') {
      if (seenText) gaps.push(gap);
      gap = '';
      seenText = true;
    } else if (token.kind === 'blank') {
      gap += ' ';
    } else {
      const padding = (widths[cell] ?? 0) - (row.cells[cell]?.width ?? 0);
      gap += ' '.repeat(Math.max(0, padding));
      cell++;
    }
  }
  return gaps;
}
