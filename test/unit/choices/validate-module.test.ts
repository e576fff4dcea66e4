import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { validateModulePath } from '../../../src/choices/validate-module.js';

describe('validateModulePath', () => {
  it.each(['example.com/orders', 'github.com/acme/orders/v2', 'orders', 'gitlab.example.org/team/sub-group/svc', 'go.acme.io/x_y~z'])(
    'accepts %j',
    (path) => expect(() => validateModulePath(path)).not.toThrow(),
  );

  it.each([
    ['', 'empty'],
    ['/example.com/x', 'start or end'],
    ['example.com/x/', 'start or end'],
    ['example.com//x', 'empty path element'],
    ['example.com/../x', '".."'],
    ['example.com/./x', '"."'],
    ['example.com/my svc', 'may only use'],
    ['example.com/ordérs', 'may only use'],
    ['example.com\\x', '"\\"'],
    ['acme/orders', 'needs a dot'],
    ['-x.com/y', 'must not start with "-"'],
    ['example.com/x.', 'start or end with a dot'],
  ])('rejects %j (%s)', (path, why) => {
    let caught: unknown;
    try {
      validateModulePath(path);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as Error).message).toContain(why);
    expect((caught as UsageError).hint).toContain('github.com/acme/orders');
  });
});
