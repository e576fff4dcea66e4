import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { PostStep, StepResult } from '../../../src/post-steps/post-step.js';
import { goPostSteps } from '../../../src/targets/go/post-steps.js';
import { tsPostSteps } from '../../../src/targets/ts/post-steps.js';
import { reportInterrupted, reportMissingTools, reportNextSteps } from '../../../src/ui/create-report.js';

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

/** The results run-post-steps gives when Ctrl-C stops `title`: the steps before it done, none after. */
function interruptedAt(steps: readonly PostStep[], title: string): StepResult[] {
  const stopped = steps.findIndex((step) => step.title === title);
  return steps.slice(0, stopped + 1).map((step, index) => ({
    title: step.title,
    status: index === stopped ? 'interrupted' : 'done',
    manual: step.manual,
    actionable: index === stopped,
    seconds: 1,
  }));
}

/** The resume hints must never stage everything: with --force the directory may hold the user's own files. */
describe('resume hints after an interrupted or incomplete create', () => {
  for (const [lang, steps, stopped] of [
    ['go', goPostSteps({ install: true, git: true, files: ['go.mod'] }), 'go mod tidy'],
    ['ts', tsPostSteps({ install: true, git: true, files: ['package.json'] }), 'npm install'],
  ] as const) {
    it(`${lang}: Ctrl-C during ${stopped} says how to finish without git add -A`, () => {
      const err = collect();
      reportInterrupted(err.stream, 'my svc', interruptedAt(steps, stopped), steps);
      const text = err.text();
      expect(text).toContain(`Interrupted during ${stopped}.`);
      expect(text).toContain(`cd 'my svc' && ${stopped} && git init`);
      expect(text).toContain('review `git status` and commit the generated files');
      expect(text).not.toMatch(/git add (-A|--all|\.)/);
    });
  }

  it('neither the next steps nor the missing-tool box stage everything when git was missing', () => {
    const steps = goPostSteps({ install: true, git: true, files: ['go.mod'] });
    const results: StepResult[] = steps.map((step) => ({ title: step.title, status: 'skipped', detail: 'git is not installed', manual: step.manual, ...(step.afterward === undefined ? {} : { afterward: step.afterward }), actionable: true, seconds: 0 }));
    const out = collect();
    const err = collect();
    reportNextSteps({ stdout: out.stream, stderr: err.stream, json: false }, 'orders', results, []);
    reportMissingTools(err.stream, 'orders', results, steps);
    for (const text of [out.text(), err.text()]) {
      expect(text).toContain('git init');
      expect(text).toContain('commit the generated files');
      expect(text).not.toMatch(/git add (-A|--all|\.)/);
    }
  });
});
