import { UsageError } from '../../src/errors.js';

/** The UsageError fn throws; any other outcome fails the test. */
export function refusal(fn: () => unknown): UsageError {
  try {
    fn();
  } catch (caught) {
    if (caught instanceof UsageError) return caught;
    throw caught;
  }
  throw new Error('expected a UsageError');
}
