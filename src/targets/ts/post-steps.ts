import path from 'node:path';
import type { PostStep } from '../../post-steps/post-step.js';
import { execa } from '../../vendor/process-tools.js';

export interface TsPostStepOptions {
  install: boolean;
  git: boolean;
}

/** npm install, then git init + first commit — in that order, so the commit includes package-lock.json. */
export function tsPostSteps(options: TsPostStepOptions): PostStep[] {
  const steps: PostStep[] = [];
  if (options.install) steps.push(npmInstall);
  if (options.git) steps.push(gitInit);
  return steps;
}

const npmInstall: PostStep = {
  title: 'npm install',
  manual: 'npm install',
  needs: 'npm',
  async run(cwd) {
    await execa('npm', ['install', '--no-audit', '--no-fund'], { cwd, timeout: 600_000 });
  },
};

const gitInit: PostStep = {
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
