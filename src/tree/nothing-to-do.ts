import type { Change } from './change.js';
import { MANIFEST_FILE } from './manifest.js';

/** A re-run that would only touch the manifest's history changed nothing the user can see. */
export function onlyManifestChanges(changes: readonly Change[]): boolean {
  return changes.every((change) => change.path === MANIFEST_FILE);
}
