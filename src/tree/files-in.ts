import fs from 'node:fs';
import path from 'node:path';
import { compareStrings } from './compare.js';
import type { Tree } from './tree.js';

/**
 * The files directly in `dir` (not its subdirectories) whose names end in `extension`, as the tree
 * sees them: on disk or staged, sorted. Listing reads no file: callers that scan a package of
 * hundreds of files read each one once themselves.
 */
export function filesIn(tree: Tree, dir: string, extension: string): string[] {
  const files = new Set<string>();
  try {
    for (const entry of fs.readdirSync(tree.absolute(dir), { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(extension)) files.add(`${dir}/${entry.name}`);
    }
  } catch {
    // a missing directory holds no files
  }
  for (const file of tree.written()) {
    if (path.posix.dirname(file) === dir && file.endsWith(extension)) files.add(file);
  }
  return [...files].sort(compareStrings);
}

/** The directories directly in `dir` on disk, sorted; none when `dir` does not exist. */
export function dirsIn(tree: Tree, dir: string): string[] {
  try {
    return fs
      .readdirSync(tree.absolute(dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort(compareStrings);
  } catch {
    return [];
  }
}
