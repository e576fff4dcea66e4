import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** Choices that exist only for Go are refused for --lang ts: exit 2, a message, nothing written. */
describe('create-service --lang ts refuses Go-only choices and writes nothing', () => {
  const cases: [string, string[], RegExp][] = [
    ['--logger', ['orders', '--lang', 'ts', '--logger', 'slog'], /--logger does not apply to --lang ts.*pino/],
    ['--logger zap', ['orders', '--lang', 'ts', '--logger', 'zap'], /--logger does not apply to --lang ts/],
    ['--module', ['orders', '--lang', 'ts', '--module', 'github.com/acme/orders'], /--module does not apply to --lang ts.*Go module path/],
    ['an unknown language', ['orders', '--lang', 'rust'], /unknown value "rust" for --lang\n.*go, ts/],
  ];

  it.each(cases)('%s', async (_label, args, message) => {
    const cwd = makeTempDir();
    const result = await runCli('create-service', [...args, '--yes', '--no-git', '--no-install'], { cwd });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('says in --help that --logger and --module are Go only', async () => {
    const result = await runCli('create-service', ['--help']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/--logger <logger>.*Go only/s);
    expect(result.stdout).toMatch(/--module <path>.*Go only/s);
    expect(result.stdout).toMatch(/--lang <lang>\s+target language: go, ts/);
  });

  it('--dry-run --json plans a TypeScript service without Go files and writes nothing', async () => {
    const cwd = makeTempDir();
    const result = await runCli('create-service', ['orders', '--lang', 'ts', '--yes', '--dry-run', '--json'], { cwd });
    expect(result.exitCode, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as { files: { path: string }[]; choices: { lang: string } };
    expect(summary.choices.lang).toBe('ts');
    const files = summary.files.map((file) => file.path);
    expect(files).toContain('package.json');
    expect(files).toContain('src/main.ts');
    expect(files.filter((file) => file.endsWith('.go') || file === 'go.mod')).toEqual([]);
    expect(fs.readdirSync(cwd)).toEqual([]);
  });
});
