import { style } from '../ui/styles.js';
import type { PostStep, StepResult } from './post-step.js';

/**
 * Runs steps that take milliseconds, one line each on stderr and no spinner: `svc add` on its hot
 * path stays free of execa and ora (together ~100 ms to import). Same results as runPostSteps.
 */
export async function runQuickSteps(steps: readonly PostStep[], cwd: string, stderr: NodeJS.WritableStream = process.stderr): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of steps) {
    const started = performance.now();
    const seconds = () => Math.round(performance.now() - started) / 1000;
    const skip = await step.skipReason?.(cwd);
    if (skip !== undefined) {
      results.push({ title: step.title, status: 'skipped', detail: skip, manual: step.manual, actionable: false, seconds: 0 });
      continue;
    }
    try {
      await step.run(cwd);
      results.push({ title: step.title, status: 'done', manual: step.manual, actionable: false, seconds: seconds() });
      stderr.write(`${style.create('✔')} ${step.title} ${style.hint(`${seconds()}s`)}\n`);
    } catch (error) {
      // No probe process up front: a missing executable shows as ENOENT when the step runs it.
      if (step.needs !== undefined && (error as NodeJS.ErrnoException).code === 'ENOENT') {
        results.push({ title: step.title, status: 'skipped', detail: `${step.needs} is not installed`, manual: step.manual, actionable: true, seconds: 0 });
        stderr.write(`${style.hint('!')} ${step.title} ${style.hint(`skipped: ${step.needs} is not installed; run ${step.manual} yourself`)}\n`);
        continue;
      }
      const detail = error instanceof Error ? error.message : String(error);
      results.push({ title: step.title, status: 'failed', detail, manual: step.manual, actionable: true, seconds: seconds() });
      stderr.write(`${style.error('✖')} ${step.title}: ${detail}\n`);
    }
  }
  return results;
}
