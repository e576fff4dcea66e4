import { Edit } from 'web-tree-sitter';
import type { Point, Tree } from 'web-tree-sitter';

/**
 * Recently parsed texts and their trees, so that a parse of text seen before costs a tree copy and a
 * parse of an edited text re-parses only what changed. An edit parses its input, its result and its
 * realigned result, and the next edit of the same file parses that result again: most parses are of
 * a text one splice away from one already parsed. Trees here belong to the cache; callers get copies.
 */
export class TreeReuse {
  private readonly entries: Array<{ text: string; tree: Tree }> = [];

  constructor(private readonly capacity: number) {}

  /** A copy of the tree of exactly `text`, or null. */
  exact(text: string): Tree | null {
    const index = this.entries.findIndex((entry) => entry.text === text);
    if (index < 0) return null;
    const [entry] = this.entries.splice(index, 1);
    this.entries.push(entry!);
    return entry!.tree.copy();
  }

  /**
   * A copy of the cached tree that shares the most of `text` (common prefix plus suffix, at least
   * half of it), edited to match `text` so that tree-sitter can re-parse incrementally; or null.
   */
  nearest(text: string): Tree | null {
    let best: { tree: Tree; edit: Edit; shared: number } | null = null;
    for (const entry of this.entries) {
      const edit = textEdit(entry.text, text);
      const shared = edit.startIndex + (text.length - edit.newEndIndex);
      if (shared * 2 >= text.length && (best === null || shared > best.shared)) best = { tree: entry.tree, edit, shared };
    }
    if (best === null) return null;
    const tree = best.tree.copy();
    tree.edit(best.edit);
    return tree;
  }

  /** Keeps a copy of `tree` as the tree of `text`, forgetting the least recently used entry when full. */
  remember(text: string, tree: Tree): void {
    this.entries.push({ text, tree: tree.copy() });
    if (this.entries.length > this.capacity) this.entries.shift()!.tree.delete();
  }
}

/** The single replaced range that turns `before` into `after`, in UTF-16 code units (what web-tree-sitter indexes). */
export function textEdit(before: string, after: string): Edit {
  const limit = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < limit && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (
    suffix < limit - prefix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  const oldEndIndex = before.length - suffix;
  const newEndIndex = after.length - suffix;
  return new Edit({
    startIndex: prefix,
    oldEndIndex,
    newEndIndex,
    startPosition: pointAt(before, prefix),
    oldEndPosition: pointAt(before, oldEndIndex),
    newEndPosition: pointAt(after, newEndIndex),
  });
}

function pointAt(text: string, index: number): Point {
  let row = 0;
  let lineStart = 0;
  for (let newline = text.indexOf('\n'); newline >= 0 && newline < index; newline = text.indexOf('\n', newline + 1)) {
    row++;
    lineStart = newline + 1;
  }
  return { row, column: index - lineStart };
}
