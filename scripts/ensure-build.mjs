// npm packages and the TypeScript build, for the scripts that run on a fresh clone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

const STAMP = path.join(root, 'dist', '.build-stamp');
const INPUTS = ['src', 'templates', 'scripts/build.mjs', 'scripts/precompile-templates.mjs', 'tsconfig.json', 'package-lock.json'];

/** True once `npm ci` has filled node_modules. */
export function installed() {
  return fs.existsSync(path.join(root, 'node_modules', '.package-lock.json'));
}

function newestChange(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

/** True when dist/ was built (by ensureBuild or npm start) after the last change to its inputs. */
export function buildIsCurrent() {
  if (!fs.existsSync(STAMP)) return false;
  const built = fs.statSync(STAMP).mtimeMs;
  return INPUTS.every((input) => newestChange(path.join(root, input)) < built);
}

/** Records a successful build; the stamp's time is taken before building so edits made meanwhile count. */
export function markBuilt(startedAt) {
  fs.writeFileSync(STAMP, '');
  fs.utimesSync(STAMP, startedAt, startedAt);
}

/**
 * `npm ci` when node_modules is missing (it runs our `prepare`, which builds), then the build
 * unless it is current. package.json "allowScripts" declines the dependencies' install scripts.
 */
export function ensureBuild() {
  const run = (command, args) => execFileSync(command, args, { stdio: 'inherit', cwd: root });
  if (!installed()) run('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
  if (buildIsCurrent()) return;
  const startedAt = new Date();
  run(process.execPath, [path.join(root, 'scripts/build.mjs')]);
  markBuilt(startedAt);
}
