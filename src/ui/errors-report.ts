import { FailureError, UsageError } from '../errors.js';
import { style } from './styles.js';

/** Prints an error the way every command does: what went wrong, then what to do about it. */
export function reportError(stderr: NodeJS.WritableStream, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`${style.error('error:')} ${message}\n`);
  const hint = error instanceof UsageError || error instanceof FailureError ? error.hint : undefined;
  if (hint) stderr.write(`${style.hint(hint)}\n`);
  // Errors that carry their own exit code (ours, the edit engine's) are expected: no stack trace.
  const expected = error instanceof UsageError || error instanceof FailureError || (typeof error === 'object' && error !== null && 'exitCode' in error);
  if (!expected && error instanceof Error && error.stack) {
    stderr.write(`${style.hint(error.stack)}\n`);
  }
}
