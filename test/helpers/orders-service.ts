import path from 'node:path';
import { expect } from 'vitest';
import { runCli, type CliResult } from './cli.js';
import { makeTempDir } from './temp-dir.js';

/** A Go service `orders` created with `--no-install` and `args` in a temporary folder; its root. */
export async function createService(args: readonly string[] = []): Promise<string> {
  const cwd = makeTempDir();
  const created = await runCli('create-service', ['orders', '--yes', '--no-git', '--no-install', ...args], { cwd });
  expect(created.exitCode, created.stderr).toBe(0);
  return path.join(cwd, 'orders');
}

/** `svc <args>` run at the root of a service. */
export async function svc(root: string, ...args: string[]): Promise<CliResult> {
  return runCli('svc', args, { cwd: root });
}
