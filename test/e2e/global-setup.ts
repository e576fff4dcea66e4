import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../helpers/cli.js';

/** End-to-end tests run the built CLI, so build it once first. */
export default function setup(): void {
  execFileSync(process.execPath, [`${REPO_ROOT}/node_modules/typescript/bin/tsc`, '-p', 'tsconfig.json'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
