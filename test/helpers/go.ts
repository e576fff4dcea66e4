import { execa } from 'execa';
import { expect } from 'vitest';

const GO_ENV = { GOFLAGS: '-mod=mod', CGO_ENABLED: '1' };

/** Runs a Go tool in a generated project and fails the test with its output when it fails. */
export async function goTool(cwd: string, command: string, args: readonly string[], timeout = 900_000, env: Record<string, string> = {}): Promise<string> {
  const result = await execa(command, args, { cwd, reject: false, all: true, timeout, env: { ...GO_ENV, ...env } });
  if (result.exitCode !== 0) {
    expect.fail(`${command} ${args.join(' ')} failed in ${cwd} (exit ${result.exitCode}):\n${result.all}`);
  }
  return String(result.all ?? '');
}

/** The four checks every generated Go project must pass; env reaches the tests (integration servers). */
export async function checkGoProject(cwd: string, env: Record<string, string> = {}): Promise<{ testOutput: string }> {
  expect(await goTool(cwd, 'gofmt', ['-l', '.'])).toBe('');
  await goTool(cwd, 'go', ['vet', './...']);
  // Other projects (the matrix runs two at a time) and other suites lint on this machine too: without
  // this flag a second golangci-lint exits 3 on its lock file ("parallel golangci-lint is running").
  await goTool(cwd, 'golangci-lint', ['run', '--allow-parallel-runners', './...']);
  const testOutput = await goTool(cwd, 'go', ['test', '-race', '-count=1', './...'], 900_000, env);
  return { testOutput };
}
