// npm packages and the TypeScript build, for the scripts that run on a fresh clone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

export function ensureBuild() {
  const run = (command, args) => execFileSync(command, args, { stdio: 'inherit', cwd: root });
  if (!fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'))) run('npm', ['ci', '--no-audit', '--no-fund']);
  run(process.execPath, [path.join(root, 'scripts/build.mjs')]);
}
