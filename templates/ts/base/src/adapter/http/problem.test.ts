import { describe, expect, it } from 'vitest';
import { UnavailableError, ValidationError } from '../../domain/errors.js';
import { problemFor } from './problem.js';

describe('problemFor', () => {
  it('lists the first 20 invalid fields, counts them all, and stays small', () => {
    const errors = Array.from({ length: 5000 }, (_, i) => ({ field: `items[${i}].sku`, detail: 'is required' }));

    const problem = problemFor(new ValidationError(errors));

    expect(problem.status).toBe(422);
    expect(problem.errors?.map((error) => error.field)).toEqual(errors.slice(0, 20).map((error) => error.field));
    expect(problem.error_count).toBe(5000);
    expect(JSON.stringify(problem).length).toBeLessThan(4096);
  });

  it('answers an unavailable dependency 503 without its message, and a bug 500', () => {
    const outage = problemFor(new UnavailableError('order store', { cause: new Error('connect ECONNREFUSED 10.0.0.7:5432') }));
    expect(outage.status).toBe(503);
    expect(JSON.stringify(outage)).not.toContain('10.0.0.7');
    expect(problemFor(new TypeError('undefined is not a function')).status).toBe(500);
  });
});
