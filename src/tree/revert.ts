import fs from 'node:fs';
import path from 'node:path';
import type { Change } from './change.js';
import { commitChanges } from './commit.js';

/** Undoes committed changes: updated files get their content before back (atomically), created files go. */
export function revertChanges(root: string, changes: readonly Change[]): void {
  const restored: Change[] = changes.flatMap((change) => (change.kind === 'update' ? [{ kind: 'update', path: change.path, content: change.before, before: change.content }] : []));
  commitChanges(root, restored);
  for (const change of changes) {
    if (change.kind === 'create') fs.rmSync(path.join(root, change.path), { force: true });
  }
}
