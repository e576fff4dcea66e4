import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

export interface RunningService {
  child: ChildProcess;
  baseUrl: string;
  logs: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts a generated service binary (or `node dist/main.js`: binary and args) on a free port and waits for its "listening" log line. */
export async function startService(binary: string, env: Record<string, string>, timeoutMs = 20_000, args: readonly string[] = []): Promise<RunningService> {
  const child = spawn(binary, args, { env: { PATH: process.env.PATH ?? '', HTTP_ADDR: '127.0.0.1:0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const address = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "http server listening" log within ${timeoutMs} ms:\n${logs.join('\n')}`)), timeoutMs);
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream! }).on('line', (line) => {
        logs.push(line);
        const entry = parseJson(line);
        if (entry?.msg === 'http server listening' && typeof entry.addr === 'string') {
          clearTimeout(timer);
          resolve(entry.addr);
        }
      });
    }
    void exited.then(({ code }) => reject(new Error(`service exited with ${code} before listening:\n${logs.join('\n')}`)));
  });
  return { child, baseUrl: `http://${await address}`, logs, exited };
}

function parseJson(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
