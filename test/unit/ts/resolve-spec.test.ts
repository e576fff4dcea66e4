import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { resolveSpec } from '../../../src/choices/resolve-spec.js';

describe('resolveSpec for --lang ts', () => {
  it('takes the defaults without Go-only choices', () => {
    const spec = resolveSpec({ directory: 'orders', lang: 'ts' }, '/work');
    expect(spec.module).toBe('orders');
    expect(spec.choices).toEqual({
      lang: 'ts',
      transport: ['http'],
      datastore: ['memory'],
      metrics: 'prometheus',
      tracing: 'otel',
      deploy: ['docker', 'compose', 'k8s', 'github-actions'],
      messaging: 'none',
      example: true,
    });
    expect(spec.choices).not.toHaveProperty('logger');
  });

  it.each([
    ['--logger', { logger: 'slog' }, /--logger does not apply to --lang ts: --logger \(ts services always log with pino/],
    ['--module', { module: 'example.com/orders' }, /--module does not apply to --lang ts: --module \(the Go module path/],
    ['both', { logger: 'zap', module: 'example.com/orders' }, /--module and --logger do not apply to --lang ts/],
  ])('refuses %s with a usage error', (_label, given, message) => {
    const resolve = () => resolveSpec({ directory: 'orders', lang: 'ts', ...given }, '/work');
    expect(resolve).toThrow(UsageError);
    expect(resolve).toThrow(message);
  });

  it('still gives Go its logger and module', () => {
    const spec = resolveSpec({ directory: 'orders', logger: 'zap', module: 'github.com/acme/orders' }, '/work');
    expect(spec.choices.logger).toBe('zap');
    expect(spec.module).toBe('github.com/acme/orders');
  });
});
