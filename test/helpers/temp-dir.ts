import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const created = new Set<string>();

/** A fresh directory under the OS temp dir; removed after the test file that made it (test/helpers/remove-temp-dirs.ts). */
export function makeTempDir(prefix = 'create-service-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.add(dir);
  return dir;
}

/** Removes every directory makeTempDir made in this test file. */
export function removeTempDirs(): void {
  for (const dir of created) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  created.clear();
}

/** Every file under root with its bytes, for before/after comparisons. */
export function snapshot(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  if (!fs.existsSync(root)) return files;
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    const relative = path.relative(root, full);
    if (entry.isFile()) files[relative] = fs.readFileSync(full, 'latin1');
    else if (entry.isDirectory()) files[`${relative}/`] = '';
  }
  return files;
}
