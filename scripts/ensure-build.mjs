// npm packages and the TypeScript build, for the scripts that run on a fresh clone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** True once `npm ci` has filled node_modules. */
export function installed() {
  return fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'));
}

/**
 * `npm ci` when node_modules is missing, then the build. --ignore-scripts: no dependency needs
 * its install script (package.json "allowScripts"), and our own `prepare` would build twice.
 */
export function ensureBuild() {
  const run = (command, args) => execFileSync(command, args, { stdio: 'inherit', cwd: root });
  if (!installed()) run('npm', ['ci', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund']);
  run(process.execPath, [path.join(root, 'scripts/build.mjs')]);
}
