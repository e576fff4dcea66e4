import { FailureError, UsageError } from '../errors.js';
import { style } from './styles.js';

/** Prints an error the way every command does: what went wrong, then what to do about it. */
export function reportError(stderr: NodeJS.WritableStream, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`${style.error('error:')} ${message}\n`);
  const hint = error instanceof UsageError || error instanceof FailureError ? error.hint : undefined;
  if (hint) stderr.write(`${style.hint(hint)}\n`);
  if (!(error instanceof UsageError || error instanceof FailureError) && error instanceof Error && error.stack) {
    stderr.write(`${style.hint(error.stack)}\n`);
  }
}
