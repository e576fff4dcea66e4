import type { Node } from 'web-tree-sitter';
import type { ListShape } from './list-insertion.js';
import { isComment, stringLiteralValue } from './syntax.js';

/** A run of import specs (and their comments) without blank rows between: one gofmt sort group. */
export interface ImportBlock {
  readonly list: ListShape;
  readonly entries: readonly Node[];
  readonly specs: readonly Node[];
}

export function importBlocks(list: ListShape): ImportBlock[] {
  const blocks: ImportBlock[] = [];
  let entries: Node[] = [];
  let previousEndRow = -1;
  const flush = (): void => {
    const specs = entries.filter((entry) => !isComment(entry));
    if (specs.length > 0) blocks.push({ list, entries, specs });
    entries = [];
  };
  for (const entry of list.entries) {
    if (previousEndRow !== -1 && entry.startPosition.row - previousEndRow > 1) flush();
    entries.push(entry);
    previousEndRow = entry.endPosition.row;
  }
  flush();
  return blocks;
}

export function importPath(spec: Node): string {
  const path = spec.childForFieldName('path');
  return path === null ? '' : stringLiteralValue(path);
}

export function importName(spec: Node): string | null {
  return spec.childForFieldName('name')?.text ?? null;
}

/** goimports' rule: a path whose first element has no dot belongs to the standard library. */
export function isStandardLibrary(path: string): boolean {
  const slash = path.indexOf('/');
  const first = slash === -1 ? path : path.slice(0, slash);
  return !first.includes('.');
}

/** gofmt sorts specs of a group by path, then by name. */
export function compareImports(a: { path: string; name: string | null }, b: { path: string; name: string | null }): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  const nameA = a.name ?? '';
  const nameB = b.name ?? '';
  return nameA === nameB ? 0 : nameA < nameB ? -1 : 1;
}

/**
 * The block a new import belongs in: one holding imports of the same kind (standard library or not),
 * preferring the longest shared leading path elements (keeps module-local imports with each other).
 */
export function chooseBlock(blocks: readonly ImportBlock[], path: string): ImportBlock | null {
  const standard = isStandardLibrary(path);
  let best: ImportBlock | null = null;
  let bestScore = -1;
  for (const block of blocks) {
    const paths = block.specs.map(importPath);
    if (!paths.some((candidate) => isStandardLibrary(candidate) === standard)) continue;
    const score = Math.max(...paths.map((candidate) => sharedElements(candidate, path)));
    if (score > bestScore) {
      best = block;
      bestScore = score;
    }
  }
  return best;
}

function sharedElements(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  let shared = 0;
  while (shared < left.length && shared < right.length && left[shared] === right[shared]) shared++;
  return shared;
}
