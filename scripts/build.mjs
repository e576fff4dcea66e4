// `npm run build`: TypeScript to dist/, then the templates precompiled beside it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
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

// Each command as a bundle (dist/bundle/), split where the code imports lazily so that `--help` still
// loads commander alone: Node 20 spent ~60 ms of every run resolving, reading and linking ~150
// modules of dist/ and node_modules. dist/ stays as tsc wrote it for the tests that import modules.
// web-tree-sitter finds its wasm beside itself; ts-morph, handlebars and diff are loaded with
// require() and stay in node_modules. The bundle sits two levels down, as dist/<folder>/ modules do,
// so paths relative to import.meta.url (templates/, the package root) still hold; version.js reads
// ../package.json, which the bundle inlines instead.
const { build } = await import('esbuild');
const bundleDir = path.join(root, 'dist/bundle');
fs.rmSync(bundleDir, { recursive: true, force: true });
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
await build({
  entryPoints: ['create-main', 'svc-main'].map((name) => path.join(root, 'dist/cli', `${name}.js`)),
  outdir: bundleDir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['web-tree-sitter'],
  logLevel: 'warning',
  // CommonJS dependencies (fs-extra and the vendor bundles' own) require node built-ins. The vendor
  // bundles already declare __createRequire, hence another name.
  banner: { js: `import { createRequire as __bundleCreateRequire } from 'node:module'; const require = __bundleCreateRequire(import.meta.url);` },
  plugins: [
    {
      name: 'inline-version',
      setup(builder) {
        builder.onLoad({ filter: /[\\/]dist[\\/]version\.js$/ }, () => ({ contents: `export const VERSION = ${JSON.stringify(version)};` }));
      },
    },
  ],
});
