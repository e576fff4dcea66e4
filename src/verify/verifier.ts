import type { Change } from '../tree/change.js';

/**
 * What a pre-commit verification found. `skipped` is not a failure: the add goes on, and the
 * reason is printed as one line (e.g. the toolchain is not installed).
 */
export type VerifyOutcome =
  | { status: 'ok'; /** What the check could not cover, printed beside the success line. */ note?: string }
  | { status: 'skipped'; reason: string }
  | {
      status: 'failed';
      /** The compiler's messages, paths relative to the service root. */
      messages: string[];
      /** True when the same packages or files did not build before the change either. */
      brokenBefore?: boolean;
      /** What to do about it, beyond fixing the messages (e.g. a module download that failed). */
      hint?: string;
    };

/**
 * Proves that the changes an add would commit compile, without writing the service's tree: it
 * may run the toolchain on a scratch copy of the changed files, never on the user's files.
 */
export interface Verifier {
  /** What it runs, for the progress line: `go vet`, `tsc`. */
  title: string;
  verify(root: string, changes: readonly Change[]): Promise<VerifyOutcome>;
}
