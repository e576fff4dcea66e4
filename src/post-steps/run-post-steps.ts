import { execa, ora } from '../vendor/process-tools.js';
import { style } from '../ui/styles.js';
import type { PostStep, StepResult } from './post-step.js';

/**
 * Runs the steps in order, each under a spinner on stderr; a failing step does not stop the rest.
 * Ctrl-C (SIGINT, or the ^C byte ora reads while it holds a TTY's stdin) stops the running
 * process and the spinner, and ends the run with that step `interrupted`.
 */
export async function runPostSteps(steps: readonly PostStep[], cwd: string): Promise<StepResult[]> {
  const stop = new AbortController();
  const interrupt = () => stop.abort();
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  try {
    return await runAll(steps, cwd, stop.signal);
  } finally {
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }
}

async function runAll(steps: readonly PostStep[], cwd: string, signal: AbortSignal): Promise<StepResult[]> {
  const results: StepResult[] = [];
  const available = new Map<string, boolean>();
  for (const step of steps) {
    if (signal.aborted) {
      results.push({ title: step.title, status: 'interrupted', detail: 'interrupted', ...manualOf(step), actionable: true, seconds: 0 });
      break;
    }
    const started = performance.now();
    const seconds = () => Math.round(performance.now() - started) / 1000;
    if (step.needs !== undefined) {
      if (!available.has(step.needs)) available.set(step.needs, await isInstalled(step.needs));
      if (!available.get(step.needs)) {
        results.push({ title: step.title, status: 'skipped', detail: `${step.needs} is not installed`, ...manualOf(step), actionable: true, seconds: 0 });
        ora({ stream: process.stderr }).warn(`${step.title} ${style.hint(`skipped: ${step.needs} is not installed`)}`);
        continue;
      }
    }
    const skip = await step.skipReason?.(cwd);
    if (skip !== undefined) {
      results.push({ title: step.title, status: 'skipped', detail: skip, ...manualOf(step), actionable: false, seconds: 0 });
      ora({ stream: process.stderr }).info(`${step.title} ${style.hint(`skipped: ${skip}`)}`);
      continue;
    }
    const spinner = ora({ text: step.title, stream: process.stderr }).start();
    try {
      await step.run(cwd, signal);
      results.push({ title: step.title, status: 'done', ...manualOf(step), actionable: false, seconds: seconds() });
      spinner.succeed(`${step.title} ${style.hint(`${seconds()}s`)}`);
    } catch (error) {
      if (signal.aborted) {
        results.push({ title: step.title, status: 'interrupted', detail: 'interrupted', ...manualOf(step), actionable: true, seconds: seconds() });
        spinner.fail(`${step.title} ${style.hint('interrupted')}`);
        break;
      }
      const detail = failureDetail(error);
      results.push({ title: step.title, status: 'failed', detail, ...manualOf(step), actionable: true, seconds: seconds() });
      spinner.fail(`${step.title}: ${detail}`);
    }
  }
  return results;
}

function manualOf(step: PostStep): Pick<StepResult, 'manual' | 'afterward'> {
  return step.afterward === undefined ? { manual: step.manual } : { manual: step.manual, afterward: step.afterward };
}

async function isInstalled(executable: string): Promise<boolean> {
  try {
    await execa(executable, ['version'], { reject: true, timeout: 10_000 });
    return true;
  } catch (error) {
    return (error as { code?: string }).code !== 'ENOENT';
  }
}

function failureDetail(error: unknown): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  if (typeof stderr === 'string' && stderr.trim() !== '') return stderr.trim().split('\n').slice(-5).join('\n');
  return error instanceof Error ? error.message : String(error);
}
