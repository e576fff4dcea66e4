import path from 'node:path';
import { execa } from '../vendor/process-tools.js';
import type { PostStep } from './post-step.js';

/** git init + first commit, last of a create's steps so the commit holds every generated file. */
export const gitInit: PostStep = {
  title: 'git init + first commit',
  manual: 'git init && git add -A && git commit -m "Initial commit from create-service"',
  needs: 'git',
  async skipReason(cwd) {
    const parent = path.dirname(cwd);
    const inside = await execa('git', ['rev-parse', '--is-inside-work-tree'], { cwd: parent, reject: false });
    return inside.exitCode === 0 && inside.stdout.trim() === 'true' ? 'the directory is already inside a git work tree' : undefined;
  },
  async run(cwd) {
    await execa('git', ['init', '--quiet', '--initial-branch=main'], { cwd });
    await execa('git', ['add', '--all'], { cwd });
    await execa('git', ['commit', '--quiet', '--message', 'Initial commit from create-service'], { cwd });
  },
};
