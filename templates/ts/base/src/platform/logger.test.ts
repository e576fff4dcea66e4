import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { logConfigError } from './logger.js';

function sink(lines: string[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter((line) => line !== ''));
      done();
    },
  });
}

describe('logConfigError', () => {
  it('writes one JSON fatal line naming every invalid variable', () => {
    let error: unknown;
    try {
      loadConfig({ HTTP_ADDR: 'localhost', SHUTDOWN_TIMEOUT: 'soon', LOG_LEVEL: 'loud', HTTP_MAX_IN_FLIGHT: '-1' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const lines: string[] = [];
    logConfigError(error as ConfigError, sink(lines));
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0] ?? '') as { level: string; msg: string; problems: string[] };
    expect(entry.level).toBe('fatal');
    for (const variable of ['HTTP_ADDR', 'SHUTDOWN_TIMEOUT', 'LOG_LEVEL', 'HTTP_MAX_IN_FLIGHT']) {
      expect(entry.msg).toContain(variable);
      expect(entry.problems.some((problem) => problem.startsWith(`${variable}:`))).toBe(true);
    }
  });
});
