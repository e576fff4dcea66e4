import type { Tree } from '../tree/tree.js';
import { orderedPlace } from './ordered-place.js';

/**
 * Appends a block of lines to a text file (.env.example, README.md) unless its first line is
 * already there; separated from what precedes it by one blank line.
 */
export function appendTextBlock(tree: Tree, file: string, block: string): void {
  placeTextBlock(tree, file, block, null);
}

/** Known blocks of a file in the order they go, and where each one ends. */
export interface BlockOrder {
  /** The start of each known block's first line, in order. */
  firsts: readonly string[];
  /** `heading`: a block runs to the next `## ` line; `paragraph`: to the next blank line. */
  extent: 'heading' | 'paragraph';
}

/**
 * Adds a block unless its first line is there, at its place among the known blocks present: above
 * the first that comes after it in `order`, else below the last that comes before it, else at the
 * end. Blocks the order does not know (the user's) are never moved, so the file reads the same
 * whichever order the blocks were added in.
 */
export function placeTextBlock(tree: Tree, file: string, block: string, order: BlockOrder | null): void {
  const text = tree.read(file);
  if (text === undefined) return;
  const first = block.split('\n')[0] ?? '';
  const lines = text.split('\n');
  if (lines.some((line) => line === first)) return;
  const body = block.replace(/\n*$/, '\n');
  const at = order === null ? null : insertionLine(lines, first, order);
  if (at === null) {
    tree.merge(file, `${text.replace(/\n*$/, '\n')}\n${body}`);
    return;
  }
  const before = at === 0 ? '' : `${lines.slice(0, at).join('\n').replace(/\n*$/, '\n')}\n`;
  const after = lines.slice(at).join('\n').replace(/^\n*/, '');
  tree.merge(file, `${before}${body}\n${after}`);
}

/** The line the block goes above, or null for the end of the file. */
function insertionLine(lines: readonly string[], first: string, order: BlockOrder): number | null {
  const rankOf = (line: string) => order.firsts.findIndex((start) => line.startsWith(start));
  // A known block starts the file or follows a blank line.
  const starts = lines.flatMap((line, index) => (index === 0 || lines[index - 1]?.trim() === '') && rankOf(line) !== -1 ? [index] : []);
  const place = orderedPlace(rankOf(first), starts, (index) => rankOf(lines[index] ?? ''));
  if (place === null) return null;
  if ('before' in place) return place.before;
  const end = lines.findIndex((line, index) => index > place.after && (order.extent === 'heading' ? line.startsWith('## ') : line.trim() === ''));
  // Nothing but blank lines after the earlier block: the new one simply ends the file.
  return end === -1 || lines.slice(end).every((line) => line.trim() === '') ? null : end;
}
