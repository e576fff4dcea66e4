import type { Tree } from '../tree/tree.js';

/**
 * Appends a block of lines to a text file (.env.example, README.md) unless its first line is
 * already there; separated from what precedes it by one blank line.
 */
export function appendTextBlock(tree: Tree, file: string, block: string): void {
  const text = tree.read(file);
  if (text === undefined) return;
  const first = block.split('\n')[0] ?? '';
  if (text.split('\n').some((line) => line === first)) return;
  tree.merge(file, `${text.replace(/\n*$/, '\n')}\n${block.replace(/\n*$/, '\n')}`);
}
