import { gitInit } from '../../post-steps/git-init.js';
import type { PostStep } from '../../post-steps/post-step.js';
import { execa } from '../../vendor/process-tools.js';

export interface GoPostStepOptions {
  install: boolean;
  git: boolean;
}

/** gofmt check, go mod tidy, git init + first commit — in that order, so the commit includes go.sum. */
export function goPostSteps(options: GoPostStepOptions): PostStep[] {
  const steps: PostStep[] = [gofmtCheck];
  if (options.install) steps.push(goModTidy);
  if (options.git) steps.push(gitInit);
  return steps;
}

const gofmtCheck: PostStep = {
  title: 'gofmt',
  manual: 'gofmt -l .',
  needs: 'go',
  async run(cwd) {
    const { stdout } = await execa('gofmt', ['-l', '.'], { cwd });
    if (stdout.trim() !== '') throw new Error(`not gofmt-clean: ${stdout.trim().split('\n').join(', ')}`);
  },
};

const goModTidy: PostStep = {
  title: 'go mod tidy',
  manual: 'go mod tidy',
  needs: 'go',
  async run(cwd) {
    await execa('go', ['mod', 'tidy'], { cwd, timeout: 600_000 });
  },
};
