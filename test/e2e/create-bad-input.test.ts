import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

/** Every rejected input: exit 2, a message saying what is wrong and what is right, nothing written. */
describe('create-service rejects bad input and writes nothing', () => {
  const cases: [string, string[], RegExp][] = [
    ['a Go keyword as name', ['svc', '--name', 'func'], /invalid service name "func": it is a Go keyword\n.*--name orders/],
    ['a leading digit', ['svc', '--name', '9lives'], /starts with a digit/],
    ['spaces', ['svc', '--name', 'my service'], /contains whitespace/],
    ['a path separator', ['svc', '--name', 'a/b'], /path separator/],
    ['..', ['svc', '--name', '..'], /contains "\.\."/],
    ['an empty name', ['svc', '--name', ''], /it is empty/],
    ['a name over 64 characters', ['svc', '--name', 'a'.repeat(65)], /at most 64/],
    ['an invalid directory base name', ['My Service'], /invalid service name "My Service"/],
    ['an invalid module path', ['svc', '--module', 'acme//orders'], /invalid Go module path.*\n.*github\.com\/acme\/orders/],
    ['an unknown logger', ['svc', '--logger', 'logrus'], /unknown value "logrus" for --logger\n.*slog, zap/],
    ['an unknown deploy target', ['svc', '--deploy', 'docker,helm'], /unknown value "helm" for --deploy/],
    ['an unknown transport', ['svc', '--transport', 'carrier-pigeon'], /unknown value "carrier-pigeon" for --transport/],
    ['an unknown flag', ['svc', '--colour'], /unknown option '--colour'/],
    ['no directory without a TTY', [], /missing the target directory/],
  ];

  it.each(cases)('%s', async (_label, args, message) => {
    const cwd = makeTempDir();
    const result = await runCli('create-service', [...args, '--yes', '--no-git', '--no-install'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('refuses a non-empty directory without --force, touching nothing', async () => {
    const cwd = makeTempDir();
    const target = path.join(cwd, 'orders');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'notes.md'), 'mine\n');
    const before = snapshot(target);
    const result = await runCli('create-service', ['orders', '--yes', '--no-git', '--no-install'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/is not empty.*\n.*--force/s);
    expect(snapshot(target)).toEqual(before);
  });

  it('with --force still never overwrites a user file, and writes nothing at all', async () => {
    const cwd = makeTempDir();
    const target = path.join(cwd, 'orders');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'Makefile'), 'my own targets\n');
    const before = snapshot(target);
    const result = await runCli('create-service', ['orders', '--yes', '--force', '--no-git', '--no-install'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/never overwrites existing files.*Makefile/);
    expect(snapshot(target)).toEqual(before);
  });

  it('with --force writes beside unrelated user files and keeps them', async () => {
    const cwd = makeTempDir();
    const target = path.join(cwd, 'orders');
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'notes.md'), 'mine\n');
    const result = await runCli('create-service', ['orders', '--yes', '--force', '--no-git', '--no-install'], { cwd });
    expect(result.exitCode).toBe(0);
    expect(fs.readFileSync(path.join(target, 'notes.md'), 'utf8')).toBe('mine\n');
    expect(fs.existsSync(path.join(target, 'go.mod'))).toBe(true);
  });
});
