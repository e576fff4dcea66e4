import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../helpers/cli.js';

/** End-to-end tests run the built CLI, so build it once first. */
export default function setup(): void {
  execFileSync(process.execPath, [`${REPO_ROOT}/scripts/build.mjs`], { cwd: REPO_ROOT, stdio: 'inherit' });
}
