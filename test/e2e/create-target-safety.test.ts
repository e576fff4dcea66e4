import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

const git = (cwd: string, ...args: string[]) => execa('git', args, { cwd, reject: false });
const identity = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };

describe('create-service and the files around it', () => {
  it('never commits into an existing repository, and leaves the user files untracked', async () => {
    const root = makeTempDir();
    await git(root, 'init', '--quiet');
    fs.writeFileSync(path.join(root, 'secret.txt'), 'mine\n');
    const result = await runCli('create-service', [root, '--name', 'orders', '-y', '--force', '--no-install'], { env: identity });
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toContain('nothing was staged or committed');
    expect((await git(root, 'rev-parse', 'HEAD')).exitCode).not.toBe(0);
    expect((await git(root, 'diff', '--cached', '--name-only')).stdout).toBe('');
  });

  it('a first commit beside user files holds only the generated ones', async () => {
    const root = makeTempDir();
    fs.writeFileSync(path.join(root, 'secret.txt'), 'mine\n');
    const result = await runCli('create-service', [root, '--name', 'orders', '-y', '--force', '--no-install'], { env: identity });
    expect(result.exitCode).toBe(0);
    const committed = (await git(root, 'ls-files')).stdout.split('\n');
    expect(committed).toContain('svc.json');
    expect(committed).not.toContain('secret.txt');
    expect((await git(root, 'status', '--porcelain')).stdout).toBe('?? secret.txt');
  });

  it('without Go on PATH: exit 0 and a boxed warning last on stderr', async () => {
    const cwd = makeTempDir();
    const result = await runCli('create-service', ['orders', '-y', '--no-git'], { cwd, env: { PATH: '/usr/bin:/bin' } });
    expect(result.exitCode).toBe(0);
    const tail = result.stderr.trimEnd().split('\n').slice(-8).join('\n');
    expect(tail).toContain('WARNING: go is not installed');
    expect(tail).toContain('no go.sum');
    expect(tail).toMatch(/└─+┘$/);
  });

  it('a directory name longer than the file system allows: exit 2, no stack, nothing written', async () => {
    const cwd = makeTempDir();
    const result = await runCli('create-service', ['a'.repeat(256), '--name', 'orders', '-y'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('too long');
    expect(result.stderr).not.toContain('ENAMETOOLONG');
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});
