import fs from 'node:fs';
import path from 'node:path';
import type { Change } from './change.js';
import { compareStrings } from './compare.js';

/**
 * A virtual view of a directory: reads fall through to disk, writes stay in memory until
 * commit. Generators only ever see this; nothing here touches disk but reads.
 */
export class Tree {
  private readonly pending = new Map<string, string>();
  private readonly merged = new Set<string>();

  constructor(readonly root: string) {}

  read(file: string): string | undefined {
    const key = normalize(file);
    const staged = this.pending.get(key);
    if (staged !== undefined) return staged;
    return this.readDisk(key);
  }

  exists(file: string): boolean {
    return this.read(file) !== undefined;
  }

  /** Replaces the whole file (a rendered template). Over a user-modified file this is a conflict. */
  write(file: string, content: string): void {
    const key = normalize(file);
    this.pending.set(key, content);
    this.merged.delete(key);
  }

  /** Writes a syntax-aware edit of the file's current content: the user's lines are kept. */
  merge(file: string, content: string): void {
    const key = normalize(file);
    this.pending.set(key, content);
    this.merged.add(key);
  }

  isMerge(file: string): boolean {
    return this.merged.has(normalize(file));
  }

  /** Paths written so far, in write order. */
  written(): string[] {
    return [...this.pending.keys()];
  }

  /** What a commit would do: files whose content differs from disk, sorted by path. */
  changes(): Change[] {
    const changes: Change[] = [];
    for (const [file, content] of this.pending) {
      const before = this.readDisk(file);
      if (before === content) continue;
      changes.push(before === undefined ? { kind: 'create', path: file, content } : { kind: 'update', path: file, content, before });
    }
    return changes.sort((a, b) => compareStrings(a.path, b.path));
  }

  absolute(file: string): string {
    return path.join(this.root, normalize(file));
  }

  private readDisk(file: string): string | undefined {
    try {
      return fs.readFileSync(this.absolute(file), 'utf8');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
  }
}

function normalize(file: string): string {
  const posix = path.posix.normalize(file.split(path.sep).join('/'));
  if (posix.startsWith('../') || posix === '..' || path.posix.isAbsolute(posix)) {
    throw new Error(`path escapes the project: ${file}`);
  }
  return posix;
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
