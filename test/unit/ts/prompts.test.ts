import { beforeEach, describe, expect, it, vi } from 'vitest';

const asked: string[] = [];
vi.mock('@inquirer/prompts', () => {
  const answer = (value: unknown) => ({ message }: { message: string }) => {
    asked.push(message);
    return Promise.resolve(value);
  };
    // The language question gets Go; every other select gets 'none'.
  const select = ({ message }: { message: string }) => answer(message === 'Language' ? 'go' : 'none')({ message });
  return { input: answer('x'), select, checkbox: answer([]), confirm: answer(true) };
});

const { askMissing } = await import('../../../src/prompts/create-prompts.js');

describe('askMissing for --lang ts', () => {
  beforeEach(() => {
    asked.length = 0;
  });

  it('asks neither the Go module path nor the logger', async () => {
    const answers = await askMissing({ directory: 'orders', lang: 'ts' });
    expect(asked).not.toContain('Go module path');
    expect(asked).not.toContain('Logger');
    expect(asked).toContain('Metrics');
    expect(answers).not.toHaveProperty('module');
    expect(answers).not.toHaveProperty('logger');
  });

  it('still asks them for Go, chosen at the language question', async () => {
    await askMissing({ directory: 'orders' });
    expect(asked[0]).toBe('Language');
    expect(asked).toContain('Go module path');
    expect(asked).toContain('Logger');
  });
});
