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
    const hint = (error as UsageError).hint ?? '';
    expect(hint).toMatch(/^e\.g\. --name [a-z]/);
    // The hint is valid itself: every name it offers passes the same check.
    for (const offered of hint.matchAll(/--name (\S+)/g)) expect(() => validateServiceName(offered[1] ?? '')).not.toThrow();
  });

  it.each([
    ['My_Svc', 'my-svc'],
    ['1orders', 'orders'],
    ['my orders', 'my-orders'],
    ['OrderService', 'order-service'],
  ])('offers a valid spelling of %j', (name, suggestion) => {
    expect((catchError(() => validateServiceName(name)) as UsageError).hint).toBe(`e.g. --name ${suggestion}`);
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
