import { describe, expect, it } from 'vitest';
import { createProgram } from '../../../src/cli/create-program.js';
import { replayCommand } from '../../../src/cli/replay-command.js';
import type { CreateOptions } from '../../../src/choices/options.js';
import { resolveSpec } from '../../../src/choices/resolve-spec.js';

describe('replayCommand', () => {
  it('reproduces the same spec when parsed back, without prompting', async () => {
    const answers: CreateOptions = {
      directory: 'my dir/orders', module: 'github.com/acme/orders', logger: 'zap', metrics: 'none',
      deploy: ['none'], messaging: 'nats', example: false, git: false, install: true,
    };
    const original = resolveSpec(answers, '/w');
    const line = replayCommand(original, answers);
    expect(line).toContain("'my dir/orders'");
    expect(line.endsWith('--yes')).toBe(true);

    const argv = shellSplit(line).slice(1);
    let replayed: CreateOptions | undefined;
    await createProgram(async (options) => {
      replayed = options;
      return 0;
    }).parseAsync(['node', 'create-service', ...argv]);
    expect(replayed?.yes).toBe(true);
    expect(replayed?.git).toBe(false);
    expect(resolveSpec(replayed ?? {}, '/w')).toEqual(original);
  });
});

/** Enough of POSIX shell splitting for the single quotes replayCommand emits. */
function shellSplit(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let quoted = false;
  for (const char of line) {
    if (char === "'") quoted = !quoted;
    else if (char === ' ' && !quoted) {
      if (word) words.push(word);
      word = '';
    } else word += char;
  }
  if (word) words.push(word);
  return words;
}
