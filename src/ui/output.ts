import type { Writable } from 'node:stream';

/** Where a command prints: human text, and (with --json) the machine-readable document on stdout. */
export interface Output {
  stdout: Writable;
  stderr: Writable;
  /** With --json, human text moves to stderr so stdout holds only the JSON document. */
  json: boolean;
}

export function say(out: Output, line = ''): void {
  (out.json ? out.stderr : out.stdout).write(`${line}\n`);
}
