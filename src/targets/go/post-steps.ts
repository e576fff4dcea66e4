import path from 'node:path';
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
