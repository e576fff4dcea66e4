import { spawn, type ChildProcess } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { BIN_PATHS } from './cli.js';

/** Keys as a terminal sends them. */
export const KEY = { enter: '\r', ctrlC: '\x03', down: '\x1b[B', space: ' ' } as const;

export interface PtyRun {
  /** Everything printed so far, colours and cursor moves removed. */
  output(): string;
  /** Resolves once the output contains `text` (after `from`, an earlier output length); rejects after `ms`. */
  waitFor(text: string, options?: { from?: number; ms?: number }): Promise<number>;
  type(keys: string): void;
  /** The exit code of the CLI. */
  exited: Promise<number>;
  kill(): void;
}

/**
 * Runs a built CLI inside a pseudo-terminal made by util-linux `script`, so stdin and stdout are
 * TTYs and prompts and spinners behave as for a user. Keys written to `type` reach the terminal.
 */
export function runInPty(bin: keyof typeof BIN_PATHS, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): PtyRun {
  // `script` gives its terminal no size when its own stdin is a pipe; ora's spinner loops on 0 columns.
  const command = `stty cols 200 rows 50; exec ${[process.execPath, BIN_PATHS[bin], ...args].map(shellQuote).join(' ')}`;
  const child: ChildProcess = spawn('script', ['--quiet', '--return', '--flush', '--command', command, '/dev/null'], {
    cwd: options.cwd,
    env: { ...process.env, TERM: 'xterm-256color', ...options.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let raw = '';
  child.stdout?.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
  const exited = new Promise<number>((resolve) => child.on('close', (code, signal) => resolve(code ?? (signal === null ? -1 : 128))));
  const output = () => stripVTControlCharacters(raw);
  return {
    output,
    exited,
    type: (keys) => child.stdin?.write(keys),
    kill: () => child.kill('SIGKILL'),
    waitFor: (text, { from = 0, ms = 20_000 } = {}) =>
      new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = () => {
          const index = output().indexOf(text, from);
          if (index >= 0) return resolve(index + text.length);
          if (Date.now() - started > ms) return reject(new Error(`timed out waiting for ${JSON.stringify(text)}; output so far:\n${output()}`));
          setTimeout(poll, 25);
        };
        poll();
      }),
  };
}

function shellQuote(word: string): string {
  return /^[\w./=:,@+-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}
