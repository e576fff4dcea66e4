import fs from 'node:fs';
import type { ts } from 'ts-morph';

type Ts = typeof ts;

/**
 * The files among `candidates` that import one of `changed` directly (relative imports only,
 * resolved as the compiler resolves them, new files included). Read with the compiler's own
 * import scanner, without parsing the files.
 */
export function importersOf(morph: Ts, candidates: readonly string[], changed: ReadonlyMap<string, string>, options: ts.CompilerOptions): string[] {
  const host: ts.ModuleResolutionHost = {
    fileExists: (file) => changed.has(file) || morph.sys.fileExists(file),
    readFile: (file) => changed.get(file) ?? morph.sys.readFile(file),
    directoryExists: (dir) => [...changed.keys()].some((file) => file.startsWith(`${dir}/`)) || morph.sys.directoryExists(dir),
  };
  return candidates.filter((file) => {
    if (changed.has(file)) return false;
    const text = fs.readFileSync(file, 'utf8');
    return morph.preProcessFile(text, true, true).importedFiles.some(({ fileName }) => {
      if (!fileName.startsWith('.')) return false;
      const resolved = morph.resolveModuleName(fileName, file, options, host).resolvedModule?.resolvedFileName;
      return resolved !== undefined && changed.has(resolved);
    });
  });
}
