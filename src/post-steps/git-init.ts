import fs from 'node:fs';
import path from 'node:path';
import { execa } from '../vendor/process-tools.js';
import type { PostStep } from './post-step.js';

/**
 * git init + first commit, last of a create's steps so the commit holds every generated file.
 * It stages only `ours` (the files create wrote, and those its steps make, such as go.sum), by
 * name: a --force run beside the user's files must never commit them. Inside an existing
 * repository it does nothing at all: that index and history are the user's.
 */
export function gitInit(ours: readonly string[]): PostStep {
  return {
    title: 'git init + first commit',
    // Never `git add -A` by hand: with --force the directory may hold the user's own files.
    manual: 'git init',
    afterward: 'then review `git status` and commit the generated files (git add <files> && git commit); anything else in the directory is yours to keep out',
    needs: 'git',
    async skipReason(cwd) {
      const top = await execa('git', ['rev-parse', '--show-toplevel'], { cwd, reject: false });
      if (top.exitCode !== 0) return undefined;
      return `the directory is already inside the git repository ${top.stdout.trim()}; nothing was staged or committed, add the new files yourself`;
    },
    async run(cwd, signal) {
      const existing = ours.filter((file) => fs.existsSync(path.join(cwd, file)));
      await execa('git', ['init', '--quiet', '--initial-branch=main'], { cwd, cancelSignal: signal });
      await execa('git', ['--literal-pathspecs', 'add', '--pathspec-from-file=-', '--pathspec-file-nul'], { cwd, input: existing.join('\0'), cancelSignal: signal });
      await execa('git', ['commit', '--quiet', '--message', 'Initial commit from create-service'], { cwd, cancelSignal: signal });
    },
  };
}
