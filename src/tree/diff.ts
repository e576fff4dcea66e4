import { createRequire } from 'node:module';
import type { Change } from './change.js';

// Loaded on first use: only dry runs and conflicts print diffs, and `diff` costs ~20 ms to import.
const load = createRequire(import.meta.url);
let patch: typeof import('diff').createTwoFilesPatch | undefined;

/** A unified diff of one change, as `git diff` would show it. */
export function unifiedDiff(change: Change): string {
  patch ??= (load('diff') as typeof import('diff')).createTwoFilesPatch;
  const before = change.kind === 'update' ? change.before : '';
  const from = change.kind === 'create' ? '/dev/null' : `a/${change.path}`;
  return patch(from, `b/${change.path}`, before, change.content, undefined, undefined, { context: 3 })
    .split('\n')
    .slice(1)
    .join('\n');
}
