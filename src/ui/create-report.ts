import type { PostStep, StepResult } from '../post-steps/post-step.js';
import type { NextStep } from '../target-contract/target.js';
import { say, type Output } from './output.js';
import { style } from './styles.js';

export function reportPlan(out: Output, steps: readonly PostStep[]): void {
  say(out);
  say(out, style.title('Dry run: nothing was written.'));
  if (steps.length > 0) say(out, `A real run would then run: ${steps.map((step) => style.command(step.manual)).join(', ')}`);
}

export function reportNextSteps(out: Output, directory: string, results: readonly StepResult[], nextSteps: readonly NextStep[]): void {
  const pending = results.filter((result) => result.actionable);
  say(out);
  if (pending.length > 0) {
    say(out, style.warn('Some steps did not run; do them by hand:'));
    for (const result of pending) say(out, `  ${style.command(result.manual)}  ${style.hint(`# ${result.title}: ${result.detail ?? result.status}`)}`);
    say(out);
  }
  say(out, style.ok('Your service is ready. Next steps:'));
  say(out, `  ${style.command(`cd ${directory}`)}`);
  for (const step of nextSteps) say(out, `  ${style.command(step.command)}${step.hint === undefined ? '' : `  ${style.hint(`# ${step.hint}`)}`}`);
}
