import { execa } from 'execa';
import { expect } from 'vitest';

/** Only what a developer's shell would have: none of the variables of the vitest running the test. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1', ...extra };
}

/** Runs a tool of a generated TypeScript service (tsc, eslint, vitest, npm) in it; a non-zero exit fails the test with its output. */
export async function tool(cwd: string, command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  const result = await execa(command, args, { cwd, reject: false, all: true, extendEnv: false, env: cleanEnv(env), timeout: 300_000 });
  if (result.exitCode !== 0) expect.fail(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.exitCode}):\n${result.all}`);
  return String(result.all ?? '');
}
