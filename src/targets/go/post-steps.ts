import { gitInit } from '../../post-steps/git-init.js';
import type { PostStep } from '../../post-steps/post-step.js';
import { execa } from '../../vendor/process-tools.js';

export interface GoPostStepOptions {
  install: boolean;
  git: boolean;
  /** The files create writes, the only ones the first commit may hold. */
  files?: readonly string[];
}

/** gofmt check, go mod tidy, git init + first commit — in that order, so the commit includes go.sum. */
export function goPostSteps(options: GoPostStepOptions): PostStep[] {
  const steps: PostStep[] = [gofmtCheck];
  if (options.install) steps.push(goModTidy);
  if (options.git) steps.push(gitInit([...(options.files ?? []), 'go.sum']));
  return steps;
}

const gofmtCheck: PostStep = {
  title: 'gofmt',
  manual: 'gofmt -l .',
  needs: 'go',
  async run(cwd, signal) {
    const { stdout } = await execa('gofmt', ['-l', '.'], { cwd, cancelSignal: signal });
    if (stdout.trim() !== '') throw new Error(`not gofmt-clean: ${stdout.trim().split('\n').join(', ')}`);
  },
};

const goModTidy: PostStep = {
  title: 'go mod tidy',
  manual: 'go mod tidy',
  needs: 'go',
  async run(cwd, signal) {
    await execa('go', ['mod', 'tidy'], { cwd, timeout: 600_000, cancelSignal: signal });
  },
};
