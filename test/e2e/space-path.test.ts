import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { GO_TOOLS } from '../../src/targets/go/go-modules.js';
import { runCli } from '../helpers/cli.js';
import { makeTempDir, removeTempDirs, snapshot } from '../helpers/temp-dir.js';

afterAll(removeTempDirs);

/** Where a tool is on this machine's PATH; the test fails (not skips) without it. */
async function which(tool: string): Promise<string> {
  const found = await execa('sh', ['-c', `command -v ${tool}`], { reject: false });
  expect(found.exitCode, `${tool} must be on PATH for this test`).toBe(0);
  return found.stdout.trim();
}

/**
 * A `go` that runs the real one, except that `go install golangci-lint@v` puts a wrapper of this
 * machine's golangci-lint into GOBIN: the Makefile's install rule runs as written, with no network.
 * The wrapper lints with --allow-parallel-runners, as other suites may lint at the same time.
 */
function fakeGo(dir: string, realGo: string, realLint: string): void {
  const wrapper = path.join(dir, 'golangci-lint-wrapper');
  fs.writeFileSync(wrapper, `#!/bin/sh\nif [ "$1" = run ]; then shift; exec '${realLint}' run --allow-parallel-runners "$@"; fi\nexec '${realLint}' "$@"\n`, { mode: 0o755 });
  const script = [
    '#!/bin/sh',
    'if [ "$1" = install ]; then',
    '  case "$2" in',
    '  github.com/golangci/golangci-lint/v2/cmd/golangci-lint@*)',
    `    mkdir -p "$GOBIN" && cp '${wrapper}' "$GOBIN/golangci-lint" || exit 1`,
    '    printf "%s\\n" "$2" >> "$GOBIN/../installs.log"',
    '    exit 0 ;;',
    '  esac',
    'fi',
    `exec '${realGo}' "$@"`,
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'go'), `${script}\n`, { mode: 0o755 });
}

/** A service created under a directory whose path has spaces: its Makefile targets and npm scripts still work. */
describe('a generated service in a path with spaces', () => {
  it('make lint installs golangci-lint into bin/tools and lints; make fmt, build and help work', async () => {
    const parent = path.join(makeTempDir(), 'my projects');
    fs.mkdirSync(parent);
    const created = await runCli('create-service', ['order service', '--name', 'orders', '--yes', '--no-git', '--deploy', 'none'], {
      cwd: parent,
      env: { PATH: process.env.PATH ?? '', GOFLAGS: '-mod=mod' },
    });
    expect(created.exitCode, created.stderr).toBe(0);
    const root = path.join(parent, 'order service');

    const fakeBin = makeTempDir('fake-go-');
    fakeGo(fakeBin, await which('go'), await which('golangci-lint'));
    const env = { PATH: `${fakeBin}${path.delimiter}${process.env.PATH ?? ''}`, GOFLAGS: '-mod=mod' };
    const make = (target: string) => execa('make', [target], { cwd: root, env, reject: false, all: true, timeout: 600_000 });

    const lint = await make('lint');
    expect(lint.exitCode, lint.all).toBe(0);
    expect(lint.all).toContain('0 issues');
    expect(fs.existsSync(path.join(root, 'bin/tools', `golangci-lint-${GO_TOOLS.golangciLint}`))).toBe(true);
    expect(fs.readFileSync(path.join(root, 'bin/installs.log'), 'utf8')).toBe(`github.com/golangci/golangci-lint/v2/cmd/golangci-lint@${GO_TOOLS.golangciLint}\n`);

    // The tool is installed once: a second lint and fmt reuse it.
    const before = snapshot(path.join(root, 'internal'));
    const fmt = await make('fmt');
    expect(fmt.exitCode, fmt.all).toBe(0);
    expect(snapshot(path.join(root, 'internal'))).toEqual(before);
    expect((await make('lint')).exitCode).toBe(0);
    expect(fs.readFileSync(path.join(root, 'bin/installs.log'), 'utf8').split('\n').filter(Boolean)).toHaveLength(1);

    const build = await make('build');
    expect(build.exitCode, build.all).toBe(0);
    expect(fs.existsSync(path.join(root, 'bin/orders'))).toBe(true);
    const help = await make('help');
    expect(help.exitCode, help.all).toBe(0);
    expect(help.stdout).toMatch(/^\s+lint\s+Run golangci-lint$/m);
  }, 900_000);

  it('TypeScript (no Makefile): npm run lint, typecheck and build work', async () => {
    const parent = path.join(makeTempDir(), 'my projects');
    fs.mkdirSync(parent);
    const created = await runCli('create-service', ['order service', '--name', 'orders', '--lang', 'ts', '--yes', '--no-git', '--deploy', 'none'], {
      cwd: parent,
      env: { PATH: process.env.PATH ?? '', npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' },
    });
    expect(created.exitCode, created.stderr).toBe(0);
    const root = path.join(parent, 'order service');
    for (const script of ['lint', 'typecheck', 'build']) {
      const run = await execa('npm', ['run', script], { cwd: root, reject: false, all: true, timeout: 300_000 });
      expect(run.exitCode, `npm run ${script}\n${run.all}`).toBe(0);
    }
    expect(fs.existsSync(path.join(root, 'dist/main.js'))).toBe(true);
  }, 600_000);
});
