import type { PostStep, StepResult } from '../post-steps/post-step.js';
import type { NextStep } from '../target-contract/target.js';
import { say, type Output } from './output.js';
import { shellQuote } from './shell-quote.js';
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
    for (const result of pending) {
      say(out, `  ${style.command(result.manual)}  ${style.hint(`# ${result.title}: ${result.detail ?? result.status}`)}`);
      if (result.afterward !== undefined) say(out, `  ${result.afterward}`);
    }
    say(out);
  }
  say(out, style.ok('Your service is ready. Next steps:'));
  say(out, `  ${style.command(`cd ${shellQuote(directory)}`)}`);
  for (const step of nextSteps) say(out, `  ${style.command(step.command)}${step.hint === undefined ? '' : `  ${style.hint(`# ${step.hint}`)}`}`);
  if (nextSteps.some((step) => step.command.startsWith('svc ')) && !svc.onPath) {
    say(out, style.hint(`  # svc is not on PATH: run \`npm link\` once in ${svc.packageRoot} to put it there`));
  }
}

/**
 * The last thing create prints when a tool it needs is missing (Go without `go`: no go.sum, so
 * the service does not build yet). A box on stderr, so it is neither scrolled past nor piped away.
 */
export function reportMissingTools(stderr: NodeJS.WritableStream, directory: string, results: readonly StepResult[], steps: readonly PostStep[]): void {
  const missing = results.filter((result) => result.status === 'skipped' && result.actionable);
  if (missing.length === 0) return;
  const needs = new Map(steps.map((step) => [step.title, step.needs]));
  const tools = [...new Set(missing.map((result) => needs.get(result.title)).filter((tool): tool is string => tool !== undefined))];
  const lines = [
    `WARNING: ${tools.join(', ')} ${tools.length > 1 ? 'are' : 'is'} not installed (not on PATH).`,
    `These steps did not run: ${missing.map((result) => result.title).join(', ')}.`,
    ...(tools.includes('go') ? ['Without go mod tidy there is no go.sum: the service does not build yet.'] : []),
    `Install ${tools.join(', ')}, then run:`,
    `  cd ${shellQuote(directory)} && ${missing.map((result) => result.manual).join(' && ')}`,
    ...missing.flatMap((result) => (result.afterward === undefined ? [] : [result.afterward])),
  ];
  const width = Math.max(...lines.map((line) => line.length));
  const border = '─'.repeat(width + 2);
  stderr.write(`\n${style.warn(`┌${border}┐`)}\n`);
  for (const line of lines) stderr.write(`${style.warn('│')} ${style.error(line.padEnd(width))} ${style.warn('│')}\n`);
  stderr.write(`${style.warn(`└${border}┘`)}\n`);
}

/** Ctrl-C during the post-steps: what is on disk, and the one command that finishes the job. */
export function reportInterrupted(stderr: NodeJS.WritableStream, directory: string, results: readonly StepResult[], steps: readonly PostStep[]): void {
  const stopped = results.findIndex((result) => result.status === 'interrupted');
  const rest = steps.slice(stopped < 0 ? results.length : stopped);
  stderr.write(`\n${style.warn(`Interrupted during ${rest[0]?.title ?? 'the last step'}.`)}\n`);
  stderr.write(`The service's files are written in ${directory}; ${rest.map((step) => step.title).join(', ')} did not finish.\n`);
  stderr.write(`To finish, run:\n  ${style.command(`cd ${shellQuote(directory)} && ${rest.map((step) => step.manual).join(' && ')}`)}\n`);
  for (const step of rest) if (step.afterward !== undefined) stderr.write(`  ${step.afterward}\n`);
}
