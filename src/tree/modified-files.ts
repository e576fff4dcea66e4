import { compareStrings } from './compare.js';
import { hashContent, type Manifest } from './manifest.js';
import type { Tree } from './tree.js';

/** Files the manifest owns whose bytes differ from what the generator wrote, and owned files that are gone. */
export function modifiedFiles(tree: Tree, manifest: Manifest): { modified: string[]; missing: string[] } {
  const modified: string[] = [];
  const missing: string[] = [];
  for (const [file, hash] of Object.entries(manifest.files ?? {})) {
    const text = tree.read(file);
    if (text === undefined) missing.push(file);
    else if (hashContent(text) !== hash) modified.push(file);
  }
  return { modified: modified.sort(compareStrings), missing: missing.sort(compareStrings) };
}
