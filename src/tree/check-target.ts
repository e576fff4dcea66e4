import fs from 'node:fs';
import { UsageError } from '../errors.js';
import type { Change } from './change.js';

/**
 * A new project goes into a missing or empty directory. With --force it may go into a
 * non-empty one, but it still never replaces a file the user has: that would lose their lines.
 */
export function checkTarget(root: string, changes: readonly Change[], force: boolean): void {
  if (!checkEmptyTarget(root, force)) return;
  const collisions = changes.filter((change) => change.kind === 'update').map((change) => change.path);
  if (collisions.length > 0) {
    throw new UsageError(
      `--force never overwrites existing files, and these would change: ${collisions.join(', ')}`,
      'move them away or choose an empty directory',
    );
  }
}

/**
 * The target is missing or an empty directory, or (with force) a directory: checked before the
 * first question, so a user never answers them all for nothing. True when files are already there.
 */
export function checkEmptyTarget(root: string, force: boolean): boolean {
  checkPathLength(root);
  const stat = fs.statSync(root, { throwIfNoEntry: false });
  if (stat === undefined) return false;
  if (!stat.isDirectory()) {
    throw new UsageError(`${root} exists and is not a directory`, 'choose another target, e.g. create-service ./orders');
  }
  const entries = fs.readdirSync(root);
  if (entries.length === 0) return false;
  if (!force) {
    throw new UsageError(
      `${root} is not empty (${entries.length} entries, e.g. ${entries.slice(0, 3).join(', ')})`,
      'choose a new directory, e.g. create-service ./orders, or add --force to write beside the existing files (none is ever overwritten)',
    );
  }
  return true;
}

/** Linux and macOS allow 255 bytes a path element; longer fails deep inside a write with ENAMETOOLONG. */
const MAX_ELEMENT_BYTES = 255;

function checkPathLength(root: string): void {
  const long = root.split(/[\\/]/).find((element) => Buffer.byteLength(element) > MAX_ELEMENT_BYTES);
  if (long !== undefined) {
    throw new UsageError(
      `the directory name ${JSON.stringify(`${long.slice(0, 40)}...`)} is too long: ${Buffer.byteLength(long)} bytes, at most ${MAX_ELEMENT_BYTES} are allowed`,
      'choose a shorter directory, e.g. create-service ./orders',
    );
  }
}
