import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../helpers/cli.js';
import { prepareSqlitePrebuild } from '../helpers/sqlite-prebuild.js';

/**
 * End-to-end tests run the built CLI, so build it once first; and compile SQLite's native driver
 * once for every generated service that installs it (sqlite-prebuild.ts).
 */
export default function setup(): void {
  execFileSync(process.execPath, [`${REPO_ROOT}/scripts/build.mjs`], { cwd: REPO_ROOT, stdio: 'inherit' });
  prepareSqlitePrebuild();
}
