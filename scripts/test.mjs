// `npm test`: the full suite on a fresh clone. Sets up whatever is missing (npm packages, the
// build, Go tools, two Debian validators, the local PostgreSQL and Redis), then runs every
// vitest project. README.md "What npm test installs" lists each and why.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { ensureBuild, root } from './ensure-build.mjs';
import { ensureServices } from './ensure-services.mjs';
import { ensureDebianPackages, ensureGoTool } from './ensure-tools.mjs';

ensureBuild();
const { GO_TOOLS } = await import(path.join(root, 'dist/targets/go/go-modules.js'));
ensureGoTool('golangci-lint', 'github.com/golangci/golangci-lint/v2/cmd/golangci-lint', GO_TOOLS.golangciLint, ['version'], GO_TOOLS.golangciLint.replace(/^v/, ''));
ensureGoTool('actionlint', 'github.com/rhysd/actionlint/cmd/actionlint', 'v1.7.12', ['-version'], '1.7.12');
// Two small Debian packages, only when missing (README: "What npm test installs").
ensureDebianPackages([
  { name: 'yamllint', binary: 'yamllint', why: 'lints the generated Compose, Kubernetes and CI YAML (--strict)' },
  { name: 'shellcheck', binary: 'shellcheck', why: "actionlint checks the generated workflow's run: steps with it" },
]);

// Generated services' integration tests run against these and must not skip when they are up.
await ensureServices();

// The tests and helpers are TypeScript too: type-check them with the sources before running them.
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.test.json'], { stdio: 'inherit', cwd: root });

const env = { ...process.env, PATH: `${path.join(os.homedir(), 'go', 'bin')}:/usr/local/go/bin:${process.env.PATH}` };
execFileSync(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', ...process.argv.slice(2)], { stdio: 'inherit', cwd: root, env });
