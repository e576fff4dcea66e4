import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa, type Options } from 'execa';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN_PATHS = {
  'create-service': path.join(REPO_ROOT, 'bin/create-service.js'),
  svc: path.join(REPO_ROOT, 'bin/svc.js'),
};

export interface CliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a built CLI as a user would: a child process without a TTY, never rejecting. */
export async function runCli(bin: keyof typeof BIN_PATHS, args: readonly string[], options: Options = {}): Promise<CliResult> {
  const result = await execa(process.execPath, [BIN_PATHS[bin], ...args], {
    reject: false,
    stdin: 'ignore',
    env: { NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
    ...options,
  });
  return { exitCode: result.exitCode ?? -1, stdout: String(result.stdout), stderr: String(result.stderr) };
}
