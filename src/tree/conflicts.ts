import type { Change } from './change.js';
import { hashContent, MANIFEST_FILE, type Manifest } from './manifest.js';
import type { Tree } from './tree.js';

/**
 * Whole-file writes over files the user changed since the generator wrote them (their hash no
 * longer matches svc.json, or svc.json never owned them). Merges through the syntax tree are
 * never conflicts: they keep every user line.
 */
export function findConflicts(tree: Tree, changes: readonly Change[], manifest: Manifest): Change[] {
  return changes.filter((change) => {
    if (change.kind !== 'update' || change.path === MANIFEST_FILE || tree.isMerge(change.path)) return false;
    return manifest.files[change.path] !== hashContent(change.before);
  });
}
