import type { PostStep, StepResult } from '../post-steps/post-step.js';
import type { NextStep } from '../target-contract/target.js';
import { say, type Output } from './output.js';
import { style } from './styles.js';

export function reportPlan(out: Output, steps: readonly PostStep[]): void {
  say(out);
  say(out, style.title('Dry run: nothing was written.'));
  if (steps.length > 0) say(out, `A real run would then run: ${steps.map((step) => style.command(step.manual)).join(', ')}`);
}

/** How the user runs svc: on PATH, or where to get it (`npm link` in create-service's folder). */
export interface SvcAccess {
  onPath: boolean;
  packageRoot: string;
}

export function reportNextSteps(
  out: Output,
  directory: string,
  results: readonly StepResult[],
  nextSteps: readonly NextStep[],
  svc: SvcAccess = { onPath: true, packageRoot: '' },
): void {
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
  if (nextSteps.some((step) => step.command.startsWith('svc ')) && !svc.onPath) {
    say(out, style.hint(`  # svc is not on PATH: run \`npm link\` once in ${svc.packageRoot} to put it there`));
  }
}
