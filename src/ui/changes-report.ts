import type { Change } from '../tree/change.js';
import { unifiedDiff } from '../tree/diff.js';
import { say, type Output } from './output.js';
import { style } from './styles.js';

/** CREATE/UPDATE lines like Angular schematics print them, with sizes; diffs on request. */
export function reportChanges(out: Output, changes: readonly Change[], options: { diffs: boolean }): void {
  for (const change of changes) {
    const bytes = Buffer.byteLength(change.content, 'utf8');
    const label = change.kind === 'create' ? style.create('CREATE') : style.update('UPDATE');
    say(out, `${label} ${change.path} (${bytes} bytes)`);
  }
  if (!options.diffs) return;
  for (const change of changes) {
    if (change.kind !== 'update') continue;
    say(out, colorDiff(unifiedDiff(change)));
  }
}

function colorDiff(diff: string): string {
  return diff
    .split('\n')
    .map((line) => (line.startsWith('+') ? style.create(line) : line.startsWith('-') ? style.error(line) : line))
    .join('\n');
}
