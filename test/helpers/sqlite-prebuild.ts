import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NPM_PACKAGES } from '../../src/targets/ts/npm-packages.js';
import { REPO_ROOT } from './cli.js';

const PACKAGE = 'better-sqlite3';
/** prebuild-install (better-sqlite3's install script) looks for `<name>-v<version>-node-v<abi>-<platform>-<arch>.tar.gz` here before it downloads or compiles. */
export const PREBUILDS_ENV = 'npm_config_better_sqlite3_local_prebuilds';

/** Where the prebuild of this Node and platform is kept between runs. */
export function prebuildPaths(): { dir: string; tarball: string } {
  const version = NPM_PACKAGES.sqlite.dependencies[PACKAGE];
  const dir = path.join(REPO_ROOT, 'node_modules', '.cache', 'sqlite-prebuilds');
  return { dir, tarball: path.join(dir, `${PACKAGE}-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`) };
}

/**
 * better-sqlite3 has no prebuilt binary reachable from this machine, so each `npm install` of a
 * generated SQLite service would compile it (minutes). The test run compiles it once, the way npm
 * would, and packs the binary as the prebuild tarball prebuild-install looks for in a local
 * directory; every npm the tests start finds that directory in PREBUILDS_ENV (set in each test
 * worker by sqlite-prebuild-env.ts). The generated projects are
 * unchanged: a user's `npm install` downloads or compiles as usual. Cached across runs under
 * node_modules/.cache, keyed by version, Node ABI, platform and architecture.
 */
export function prepareSqlitePrebuild(): string {
  const { dir, tarball } = prebuildPaths();
  if (fs.existsSync(tarball)) return dir;
  fs.mkdirSync(dir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-prebuild-'));
  try {
    fs.writeFileSync(path.join(work, 'package.json'), JSON.stringify({ name: 'sqlite-prebuild', version: '1.0.0', private: true }));
    const env: NodeJS.ProcessEnv = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false' };
    delete env[PREBUILDS_ENV];
    execFileSync('npm', ['install', '--no-save', '--no-package-lock', `${PACKAGE}@${NPM_PACKAGES.sqlite.dependencies[PACKAGE]}`], { cwd: work, env, stdio: 'inherit' });
    const packageDir = path.join(work, 'node_modules', PACKAGE);
    // Proves the binary loads before it is shared.
    execFileSync(process.execPath, ['-e', `new (require(${JSON.stringify(packageDir)}))(':memory:').close()`], { stdio: 'inherit' });
    const partial = `${tarball}.${String(process.pid)}.tmp`;
    execFileSync('tar', ['-czf', partial, '-C', packageDir, 'build/Release/better_sqlite3.node']);
    fs.renameSync(partial, tarball);
    return dir;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
