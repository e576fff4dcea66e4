import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir, removeTempDirs } from '../helpers/temp-dir.js';
import { KEY, runInPty } from '../helpers/pty.js';

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
      // memory is checked by default; check postgres and redis too.
      at = await answer('Datastores', `${KEY.down}${KEY.space}${KEY.down}${KEY.space}${KEY.enter}`, at);
      at = await answer('Logger', KEY.enter, at);
      at = await answer('Metrics', KEY.enter, at);
      at = await answer('Tracing', KEY.enter, at);
      at = await answer('Deployment', KEY.enter, at);
      await answer('sample Order domain', KEY.enter, at);
      expect(await run.exited).toBe(0);
      const manifest = JSON.parse(fs.readFileSync(path.join(cwd, 'My Svc', 'svc.json'), 'utf8')) as { name: string; module: string; choices: { datastore: string[] } };
      expect(manifest).toMatchObject({ name: 'my-svc', module: 'example.com/my-svc' });
      expect(manifest.choices.datastore).toEqual(['postgres', 'redis']);
      expect(run.output()).toContain("cd 'My Svc'");
    } finally {
      run.kill();
    }
  }, 60_000);
});
