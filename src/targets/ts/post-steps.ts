import { gitInit } from '../../post-steps/git-init.js';
import type { PostStep } from '../../post-steps/post-step.js';
import { execa } from '../../vendor/process-tools.js';

export interface TsPostStepOptions {
  install: boolean;
  git: boolean;
  /** The files create writes, the only ones the first commit may hold. */
  files?: readonly string[];
}

/** npm install, then git init + first commit — in that order, so the commit includes package-lock.json. */
export function tsPostSteps(options: TsPostStepOptions): PostStep[] {
  const steps: PostStep[] = [];
  if (options.install) steps.push(npmInstall);
  if (options.git) steps.push(gitInit([...(options.files ?? []), 'package-lock.json']));
  return steps;
}

const npmInstall: PostStep = {
  title: 'npm install',
  manual: 'npm install',
  needs: 'npm',
  async run(cwd, signal) {
    await execa('npm', ['install', '--no-audit', '--no-fund'], { cwd, timeout: 600_000, cancelSignal: signal });
  },
};
