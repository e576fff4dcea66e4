import { createTwoFilesPatch } from 'diff';
import type { Change } from './change.js';

/** A unified diff of one change, as `git diff` would show it. */
export function unifiedDiff(change: Change): string {
  const before = change.kind === 'update' ? change.before : '';
  const from = change.kind === 'create' ? '/dev/null' : `a/${change.path}`;
  return createTwoFilesPatch(from, `b/${change.path}`, before, change.content, undefined, undefined, { context: 3 })
    .split('\n')
    .slice(1)
    .join('\n');
}
