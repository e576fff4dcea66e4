import { spawn } from 'node:child_process';

export interface ToolResult {
  /** Exit code; null when the process could not start or was killed. */
  code: number | null;
  stdout: string;
  stderr: string;
  /** The executable is not on PATH. */
  missing: boolean;
}

/**
 * Runs a Go tool and collects its output. node:child_process rather than execa: the Go `svc add`
 * path stays free of execa and ora (see run-quick-steps.ts).
 */
export function runTool(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): Promise<ToolResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      resolve({ code: null, stdout, stderr: stderr || error.message, missing: error.code === 'ENOENT' });
    });
    child.on('close', (code) => resolve({ code, stdout, stderr, missing: false }));
  });
}
