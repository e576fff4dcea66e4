import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

interface Closed {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Runs a CLI whose stdout reader is gone before it writes (`create-service --help | head -0`). */
function runWithClosedStdout(bin: 'create-service' | 'svc', args: string[], cwd: string, closeStderr = false): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', `${bin}.js`), ...args], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    child.stdout.destroy();
    if (closeStderr) child.stderr.destroy();
    let stderr = '';
    if (!closeStderr) child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode, signal) => resolve({ exitCode, signal, stderr }));
  });
}

describe('a closed stdout ends every command quietly', () => {
  it.each([
    ['create-service --help', 'create-service', ['--help']],
    ['create-service --version', 'create-service', ['--version']],
    ['svc --help', 'svc', ['--help']],
    ['svc add --help', 'svc', ['add', '--help']],
  ] as const)('%s: exit 0, nothing on stderr', async (_label, bin, args) => {
    const result = await runWithClosedStdout(bin, [...args], makeTempDir());
    expect(result).toEqual({ exitCode: 0, signal: null, stderr: '' });
  });

  it('create-service, svc add and svc list still do their work and exit 0', async () => {
    const cwd = makeTempDir();
    const created = await runWithClosedStdout('create-service', ['orders', '--yes', '--no-git', '--no-install'], cwd);
    expect(created.exitCode).toBe(0);
    expect(created.stderr).not.toMatch(/EPIPE|Error/);
    const service = path.join(cwd, 'orders');
    expect(fs.existsSync(path.join(service, 'go.mod'))).toBe(true);

    const added = await runWithClosedStdout('svc', ['add', 'usecase', 'ArchiveOrder', '--no-verify'], service);
    expect(added.exitCode).toBe(0);
    expect(added.stderr).not.toMatch(/EPIPE|Error/);
    expect(fs.existsSync(path.join(service, 'internal/app/archive_order.go'))).toBe(true);

    expect(await runWithClosedStdout('svc', ['list'], service)).toEqual({ exitCode: 0, signal: null, stderr: '' });
  });

  it('a failing command keeps its exit code when stdout and stderr are both closed', async () => {
    const result = await runWithClosedStdout('create-service', ['svc', '--name', 'func', '--yes'], makeTempDir(), true);
    expect(result.exitCode).toBe(2);
    expect(result.signal).toBeNull();
  });
});
