import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN_PATHS } from '../helpers/cli.js';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { KEY, runInPty } from '../helpers/pty.js';
import { alive } from '../helpers/process-alive.js';

afterAll(removeTempDirs);

/** Prompts through a real pseudo-terminal: the keys a user presses, the exit code a shell sees. */
describe('create-service prompts in a terminal', () => {
  it('Ctrl-C at a prompt prints one line and exits 130', async () => {
    const cwd = makeTempDir();
    const run = runInPty('create-service', [], { cwd });
    try {
      await run.waitFor('Language');
      run.type(KEY.ctrlC);
      expect(await run.exited).toBe(130);
      const output = run.output();
      expect(output).toContain('Cancelled: nothing was written.');
      expect(output).not.toContain('ExitPromptError');
      expect(output).not.toMatch(/^\s+at /m);
      expect(fs.readdirSync(cwd)).toEqual([]);
    } finally {
      run.kill();
    }
  });

  it('refuses a non-empty directory before the first question', async () => {
    const cwd = makeTempDir();
    fs.mkdirSync(path.join(cwd, 'taken'));
    fs.writeFileSync(path.join(cwd, 'taken', 'notes.txt'), 'mine\n');
    const run = runInPty('create-service', ['taken'], { cwd });
    try {
      expect(await run.exited).toBe(2);
      expect(run.output()).toContain('is not empty');
      expect(run.output()).not.toContain('Language');
    } finally {
      run.kill();
    }
  });

  it('validates the name as it is typed: an invalid name and a taken directory are refused at once', async () => {
    const cwd = makeTempDir();
    fs.mkdirSync(path.join(cwd, 'taken'));
    fs.writeFileSync(path.join(cwd, 'taken', 'notes.txt'), 'mine\n');
    const run = runInPty('create-service', [], { cwd });
    try {
      await run.waitFor('Language');
      run.type(KEY.enter);
      let seen = await run.waitFor('Service name');
      run.type(`Bad Name${KEY.enter}`);
      seen = await run.waitFor('invalid service name "Bad Name"', { from: seen });
      run.type(`${'\x7f'.repeat(8)}taken${KEY.enter}`);
      seen = await run.waitFor('is not empty', { from: seen });
      expect(run.output()).not.toContain('Go module path');
      run.type(KEY.ctrlC);
      expect(await run.exited).toBe(130);
      expect(fs.readdirSync(path.join(cwd, 'taken'))).toEqual(['notes.txt']);
    } finally {
      run.kill();
    }
  });

  it('offers a valid name and module path for "My Svc", and records datastores as the flags do', async () => {
    const cwd = makeTempDir();
    const run = runInPty('create-service', ['My Svc', '--no-install', '--no-git'], { cwd });
    try {
      const answer = async (question: string, keys: string, from = 0) => {
        const at = await run.waitFor(question, { from });
        run.type(keys);
        return at;
      };
      let at = await answer('Language', KEY.enter);
      at = await run.waitFor('Service name', { from: at });
      expect(run.output().slice(at)).toContain('(my-svc)');
      run.type(KEY.enter);
      at = await run.waitFor('Go module path', { from: at });
      expect(run.output().slice(at)).toContain('(example.com/my-svc)');
      run.type(KEY.enter);
      at = await answer('Transports', KEY.enter, at);
      // memory is checked by default; check postgres and mysql: refused on the spot, one SQL store per service.
      at = await answer('Datastores', `${KEY.down}${KEY.space}${KEY.down}${KEY.space}${KEY.enter}`, at);
      at = await run.waitFor('cannot both be the datastore of one service', { from: at });
      // Uncheck mysql, check redis instead (past sqlite: memory, postgres, mysql, sqlite, redis).
      run.type(`${KEY.space}${KEY.down}${KEY.down}${KEY.space}${KEY.enter}`);
      at = await answer('Logger', KEY.enter, at);
      at = await answer('Metrics', KEY.enter, at);
      at = await answer('Tracing', KEY.enter, at);
      at = await answer('Messaging', KEY.enter, at);
      at = await answer('Deployment', KEY.enter, at);
      await answer('sample Order domain', KEY.enter, at);
      expect(await run.exited).toBe(0);
      const manifest = JSON.parse(fs.readFileSync(path.join(cwd, 'My Svc', 'svc.json'), 'utf8')) as { name: string; module: string; choices: { datastore: string[]; messaging: string } };
      expect(manifest).toMatchObject({ name: 'my-svc', module: 'example.com/my-svc' });
      expect(manifest.choices.datastore).toEqual(['postgres', 'redis']);
      expect(manifest.choices.messaging).toBe('none');
      expect(run.output()).toContain("cd 'My Svc'");
    } finally {
      run.kill();
    }
  }, 60_000);
});

/**
 * A `go` whose `mod tidy` hangs (writing its pid first), and a clean `gofmt`, so a test can stop
 * create while a post-step runs. Returns the PATH to use and where the pid appears.
 */
function slowGo(): { path: string; pidFile: string } {
  const bin = makeTempDir('slow-go-');
  const pidFile = path.join(bin, 'tidy.pid');
  fs.writeFileSync(path.join(bin, 'go'), `#!/bin/sh\nif [ "$1" = mod ]; then echo $$ > '${pidFile}'; exec sleep 120; fi\necho 'go version go1.26.0 linux/amd64'\n`, { mode: 0o755 });
  fs.writeFileSync(path.join(bin, 'gofmt'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
  return { path: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, pidFile };
}

async function pidOnceWritten(pidFile: string): Promise<number> {
  for (let waited = 0; waited < 30_000; waited += 50) {
    const text = fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').trim() : '';
    if (text !== '') return Number(text);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('go mod tidy never started');
}

/** A line ora draws while the step runs: a frame (braille dots, or - \\ | / without unicode), then the title. */
const SPINNING = /(^|\r)[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏\-\\|/] go mod tidy/m;

describe('Ctrl-C while a post-step runs', () => {
  it('in a terminal: stops go mod tidy and the spinner, exits 130 and says how to finish', async () => {
    const cwd = makeTempDir();
    const go = slowGo();
    const run = runInPty('create-service', ['my orders', '--name', 'orders', '--yes'], { cwd, env: { PATH: go.path } });
    try {
      await run.waitFor('go mod tidy');
      const pid = await pidOnceWritten(go.pidFile);
      run.type(KEY.ctrlC);
      expect(await run.exited).toBe(130);
      const output = run.output();
      const stopped = output.indexOf('go mod tidy interrupted');
      expect(stopped, output).toBeGreaterThan(-1);
      // The spinner drew frames while tidy ran, and none after it was stopped.
      expect(output.slice(0, stopped)).toMatch(SPINNING);
      expect(output.slice(stopped)).not.toMatch(SPINNING);
      expect(output).toContain('Interrupted during go mod tidy.');
      expect(output).toContain("cd 'my orders' && go mod tidy && git init");
      expect(output).toContain('review `git status` and commit the generated files');
      expect(output).not.toContain('git add -A');
      expect(alive(pid)).toBe(false);
      expect(fs.existsSync(path.join(cwd, 'my orders', 'go.mod'))).toBe(true);
      expect(fs.existsSync(path.join(cwd, 'my orders', '.git'))).toBe(false);
    } finally {
      run.kill();
    }
  }, 60_000);

  it('without a terminal: SIGINT to create-service stops the step, exits 130 and prints the resume command', async () => {
    const cwd = makeTempDir();
    const go = slowGo();
    const child = execa(process.execPath, [BIN_PATHS['create-service'], 'orders', '--yes'], { cwd, reject: false, stdin: 'ignore', env: { PATH: go.path, NO_COLOR: '1' } });
    try {
      const pid = await pidOnceWritten(go.pidFile);
      child.kill('SIGINT');
      const result = await child;
      expect(result.exitCode, result.stderr).toBe(130);
      expect(result.stderr).toContain('Interrupted during go mod tidy.');
      expect(result.stderr).toContain('cd orders && go mod tidy && git init');
      expect(result.stderr).not.toContain('git add -A');
      expect(alive(pid)).toBe(false);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
