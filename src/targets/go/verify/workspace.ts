import fs from 'node:fs';
import path from 'node:path';

/**
 * The go.work the toolchain would use in `root`, as `go env GOWORK` finds it: GOWORK=off means
 * none, another GOWORK value names the file, otherwise the first go.work in root or above.
 */
export function goWorkFile(root: string, env: NodeJS.ProcessEnv): string | undefined {
  const setting = env.GOWORK;
  if (setting === 'off') return undefined;
  if (setting !== undefined && setting !== '') return setting;
  for (let dir = root; ; ) {
    const candidate = path.join(dir, 'go.work');
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
