import { describe, expect, it } from 'vitest';
import { UnavailableError } from '../../domain/errors.js';
import { DependencyRejectedError, UpstreamStatusError } from '../../platform/outbound/errors.js';
import { problemFor } from './problem.js';

describe('outbound errors as the inbound adapter answers them', () => {
  it.each(['breaker', 'limiter', 'bulkhead'] as const)('a call refused by the %s is a 503, never a 500', (reason) => {
    const error = new DependencyRejectedError('payments', reason);
    expect(error).toBeInstanceOf(UnavailableError);
    expect(problemFor(error).status).toBe(503);
  });

  it('a status the contract does not know is a bug: 500', () => {
    expect(problemFor(new UpstreamStatusError('payments', 400, '{}')).status).toBe(500);
  });
});
