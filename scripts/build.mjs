// `npm run build`: TypeScript to dist/, then the templates precompiled beside it.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { precompileTemplates } from './precompile-templates.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
precompileTemplates(root);

// One file for execa and ora instead of ~110 modules (see src/vendor/process-tools.ts), and one for
// commander (src/vendor/commander.ts).
for (const bundle of ['process-tools', 'commander']) {
  const vendor = path.join(root, 'dist/vendor', `${bundle}.js`);
  execFileSync(path.join(root, 'node_modules/.bin/esbuild'), [vendor, '--bundle', '--platform=node', '--format=esm', '--target=node20', `--outfile=${vendor}`, '--allow-overwrite', '--log-level=warning',
    // cross-spawn inside execa and commander are CommonJS and require node built-ins.
    `--banner:js=import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);`], { cwd: root, stdio: 'inherit' });
}
