import fs from 'node:fs';
import { UsageError } from '../errors.js';
import type { Change } from './change.js';

/**
 * A new project goes into a missing or empty directory. With --force it may go into a
 * non-empty one, but it still never replaces a file the user has: that would lose their lines.
 */
export function checkTarget(root: string, changes: readonly Change[], force: boolean): void {
  const stat = fs.statSync(root, { throwIfNoEntry: false });
  if (stat === undefined) return;
  if (!stat.isDirectory()) {
    throw new UsageError(`${root} exists and is not a directory`, 'choose another target, e.g. create-service ./orders');
  }
  const entries = fs.readdirSync(root);
  if (entries.length === 0) return;
  if (!force) {
    throw new UsageError(
      `${root} is not empty (${entries.length} entries, e.g. ${entries.slice(0, 3).join(', ')})`,
      'choose a new directory, e.g. create-service ./orders, or add --force to write beside the existing files (none is ever overwritten)',
    );
  }
  const collisions = changes.filter((change) => change.kind === 'update').map((change) => change.path);
  if (collisions.length > 0) {
    throw new UsageError(
      `--force never overwrites existing files, and these would change: ${collisions.join(', ')}`,
      'move them away or choose an empty directory',
    );
  }
}
