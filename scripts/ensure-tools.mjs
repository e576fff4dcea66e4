// Installs what the test suite needs and is not an npm package: Go tools pinned in
// src/targets/go/go-modules.ts and Debian packages. Idempotent: present tools are kept.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const GOBIN = path.join(os.homedir(), 'go', 'bin');

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: 'inherit', ...options });
}

function output(command, args) {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

function onPath(executable) {
  return output('sh', ['-c', `command -v ${executable}`]) !== undefined;
}

export function ensureGoTool(binary, modulePath, version, versionArgs, expect) {
  const installed = path.join(GOBIN, binary);
  const current = fs.existsSync(installed) ? output(installed, versionArgs) : undefined;
  if (current !== undefined && current.includes(expect)) return installed;
  // Built once into ~/go/bin; later runs find it there at the expected version.
  console.log(`npm test: go install ${modulePath}@${version} (once, into ${GOBIN})`);
  run('go', ['install', `${modulePath}@${version}`], { env: { ...process.env, GOFLAGS: '-mod=mod' } });
  return installed;
}

export function ensureDebianPackages(packages) {
  const absent = packages.filter(({ binary }) => !onPath(binary));
  if (absent.length === 0) return;
  const missing = absent.map(({ name }) => name);
  console.log(`npm test: installing Debian packages with apt-get (README.md, "What npm test installs"):`);
  for (const { name, why } of absent) console.log(`  ${name}: ${why}`);
  if (process.getuid?.() !== 0) {
    throw new Error(`npm test needs ${missing.join(' ')}; install them first: sudo apt-get install ${missing.join(' ')}`);
  }
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}
