import crypto from 'node:crypto';
import type { Choices } from '../choices/options.js';
import { compareStrings } from './compare.js';
import type { Tree } from './tree.js';

export const MANIFEST_FILE = 'svc.json';

/** Files the Go toolchain rewrites after generation; their hashes would be stale at once. */
const TOOLCHAIN_OWNED = new Set(['go.mod', 'go.sum']);

export interface Manifest {
  tool: 'create-service';
  version: string;
  name: string;
  module: string;
  choices: Choices;
  /** sha256 of every file the generator owns, by path; `svc` refuses to overwrite a file whose hash differs. */
  files: Record<string, string>;
  history: string[];
}

export function hashContent(content: string): string {
  return `sha256:${crypto.createHash('sha256').update(content, 'utf8').digest('hex')}`;
}

/** Records every file written to the tree in this run, merged over what an earlier manifest owned. */
export function writeManifest(tree: Tree, manifest: Omit<Manifest, 'files'>, previous?: Manifest): void {
  const files: Record<string, string> = { ...(previous?.files ?? {}) };
  for (const file of tree.written()) {
    if (file === MANIFEST_FILE || TOOLCHAIN_OWNED.has(file)) continue;
    files[file] = hashContent(tree.read(file) ?? '');
  }
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => compareStrings(a, b)));
  tree.write(MANIFEST_FILE, `${JSON.stringify({ ...manifest, files: sorted }, null, 2)}\n`);
}

export function readManifest(tree: Tree): Manifest | undefined {
  const text = tree.read(MANIFEST_FILE);
  return text === undefined ? undefined : (JSON.parse(text) as Manifest);
}
