import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

/**
 * A temporary directory holding what the Go toolchain needs to compile a change without touching
 * the service: a copy of every changed .go file, the overlay that puts them in place of the
 * service's files, and a module file (go.mod + go.sum) the toolchain may rewrite at will.
 */
export interface Scratch {
  dir: string;
  /** The copies of the changed files. */
  copies: string[];
  /** `-overlay` argument: absolute service paths → scratch copies. */
  overlayFile: string;
  /** Rewrites scratch and absolute service paths in tool output to paths relative to the service root. */
  toServicePaths(text: string): string;
  /** A go.mod (and the go.sum beside it) in the scratch dir, for `-modfile`: the toolchain writes only there. */
  writeModFile(name: string, goMod: string, goSum: string | undefined): Promise<string>;
  remove(): Promise<void>;
}

/** `root` must be the real path of the service (the toolchain resolves symlinks of its working directory). */
export async function makeScratch(root: string, files: ReadonlyMap<string, string>): Promise<Scratch> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'create-service-verify-'));
  try {
    const copies = path.join(dir, 'tree');
    const replace: Record<string, string> = {};
    for (const [file, content] of files) {
      const copy = path.join(copies, file);
      await fs.mkdir(path.dirname(copy), { recursive: true });
      await fs.writeFile(copy, content);
      replace[path.join(root, file)] = copy;
    }
    const overlayFile = path.join(dir, 'overlay.json');
    await fs.writeFile(overlayFile, JSON.stringify({ Replace: replace }));
    // Longest prefixes first: the scratch copies, then any other scratch file, then the service itself.
    const prefixes = [copies, dir, root].flatMap((prefix) => [`${prefix}${path.sep}`, `${path.relative(root, prefix)}${path.sep}`]).filter((prefix) => prefix !== path.sep);
    return {
      dir,
      copies: Object.values(replace),
      overlayFile,
      toServicePaths: (text) => prefixes.reduce((result, prefix) => result.split(prefix).join(''), text),
      async writeModFile(name, goMod, goSum) {
        const modFile = path.join(dir, name, 'go.mod');
        await fs.mkdir(path.dirname(modFile), { recursive: true });
        await fs.writeFile(modFile, goMod);
        if (goSum !== undefined) await fs.writeFile(path.join(dir, name, 'go.sum'), goSum);
        return modFile;
      },
      remove: () => fs.rm(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
}
