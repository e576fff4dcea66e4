import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

describe('create-service flow', () => {
  it('--dry-run prints CREATE lines and the plan, and writes nothing', async () => {
    const cwd = makeTempDir();
    const result = await runCli('create-service', ['orders', '--yes', '--dry-run'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^CREATE cmd\/orders\/main\.go \(\d+ bytes\)$/m);
    expect(result.stdout).toMatch(/^CREATE svc\.json/m);
    expect(result.stdout).toMatch(/Dry run: nothing was written/);
    expect(result.stdout).toMatch(/go mod tidy/);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('--json prints one JSON document on stdout and records a hash of every generated file', async () => {
    const cwd = makeTempDir();
    const result = await runCli('create-service', ['orders', '--yes', '--json', '--no-git', '--no-install', '--module', 'github.com/acme/orders'], { cwd });
    expect(result.exitCode).toBe(0);
    const summary = JSON.parse(result.stdout) as { module: string; files: { action: string; path: string }[]; postSteps: { title: string; status: string }[] };
    expect(summary.module).toBe('github.com/acme/orders');
    expect(summary.files.every((file) => file.action === 'create')).toBe(true);
    expect(summary.postSteps.map((step) => [step.title, step.status])).toEqual([['gofmt', 'done']]);

    const root = path.join(cwd, 'orders');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'svc.json'), 'utf8')) as { files: Record<string, string>; choices: { logger: string } };
    expect(manifest.choices.logger).toBe('slog');
    const written = summary.files.map((file) => file.path).filter((file) => !['svc.json', 'go.mod'].includes(file));
    expect(Object.keys(manifest.files).sort()).toEqual(written.sort());
    expect(fs.readFileSync(path.join(root, 'go.mod'), 'utf8')).toMatch(/^module github\.com\/acme\/orders$/m);
  });

  it('records datastores from flags as prompts and svc add adapter do: memory only when it is the store in use', async () => {
    const cwd = makeTempDir();
    for (const [dir, lang] of [['go-orders', 'go'], ['ts-orders', 'ts']] as const) {
      const result = await runCli('create-service', [dir, '--lang', lang, '--yes', '--no-git', '--no-install', '--datastore', 'memory,postgres', '--datastore', 'memory'], { cwd });
      expect(result.exitCode, result.stderr).toBe(0);
      const manifest = JSON.parse(fs.readFileSync(path.join(cwd, dir, 'svc.json'), 'utf8')) as { choices: { datastore: string[] } };
      expect(manifest.choices.datastore).toEqual(['postgres']);
    }
  });

  it('is deterministic: two runs produce the same bytes', async () => {
    const cwd = makeTempDir();
    await runCli('create-service', ['a', '--name', 'orders', '--yes', '--no-git', '--no-install'], { cwd });
    await runCli('create-service', ['b', '--name', 'orders', '--yes', '--no-git', '--no-install'], { cwd });
    const { exitCode, stdout } = await execa('diff', ['-r', 'a', 'b'], { cwd, reject: false });
    expect(stdout).toBe('');
    expect(exitCode).toBe(0);
  });

  it('runs go mod tidy and git init with a first commit, then prints next steps', async () => {
    const cwd = makeTempDir();
    const env = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
    const result = await runCli('create-service', ['orders', '--yes', '--no-example', '--metrics', 'none', '--tracing', 'none', '--deploy', 'none'], { cwd, env });
    expect(result.stderr).toMatch(/go mod tidy/);
    expect(result.exitCode).toBe(0);
    const root = path.join(cwd, 'orders');
    expect(fs.existsSync(path.join(root, 'go.sum'))).toBe(true);
    const log = await execa('git', ['log', '--oneline'], { cwd: root });
    expect(log.stdout).toMatch(/Initial commit from create-service/);
    const status = await execa('git', ['status', '--porcelain'], { cwd: root });
    expect(status.stdout).toBe('');
    expect(result.stdout).toMatch(/cd orders\n.*make run\n.*curl -i localhost:8080\/healthz/s);
  });

  it('when Go is missing, writes the files, warns and prints the commands to run', async () => {
    const cwd = makeTempDir();
    const result = await runCli('create-service', ['orders', '--yes', '--no-git'], { cwd, env: { PATH: path.dirname(process.execPath) } });
    expect(result.exitCode).toBe(0);
    expect(fs.existsSync(path.join(cwd, 'orders', 'go.mod'))).toBe(true);
    expect(result.stderr).toMatch(/go mod tidy.*skipped: go is not installed/);
    expect(result.stdout).toMatch(/do them by hand:\n(.*\n)*.*go mod tidy/);
  });
});
