import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { validateServiceName } from '../../../src/choices/validate-name.js';

describe('validateServiceName', () => {
  it.each(['orders', 'payment-gateway', 'svc2', 'a', 'x'.repeat(64)])('accepts %j', (name) => {
    expect(() => validateServiceName(name)).not.toThrow();
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['x'.repeat(65), 'at most 64'],
    ['go', 'Go keyword'],
    ['func', 'Go keyword'],
    ['1orders', 'starts with a digit'],
    ['my orders', 'whitespace'],
    ['a/b', 'path separator'],
    ['a\\b', 'path separator'],
    ['..', '".."'],
    ['a..b', '".."'],
    ['Orders', 'kebab-case'],
    ['orders_api', 'kebab-case'],
    ['orders-', 'kebab-case'],
    ['-orders', 'kebab-case'],
    ['or--ders', 'kebab-case'],
    ['ördérs', 'kebab-case'],
  ])('rejects %j (%s) with exit code 2 and an example', (name, why) => {
    const error = catchError(() => validateServiceName(name));
    expect(error).toBeInstanceOf(UsageError);
    expect(error.message).toContain(why);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).hint).toMatch(/--name orders/);
  });
});

function catchError(fn: () => void): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}
