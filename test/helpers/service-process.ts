import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';

export interface RunningService {
  child: ChildProcess;
  baseUrl: string;
  logs: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts a generated service on a free port and waits for the log line with its address: a Go
 * binary's "http server listening", or the "started" of a TypeScript service (binary node, args
 * its dist/main.js).
 */
export async function startService(binary: string, env: Record<string, string>, timeoutMs = 20_000, args: readonly string[] = []): Promise<RunningService> {
  const child = spawn(binary, args, { env: { PATH: process.env.PATH ?? '', HTTP_ADDR: '127.0.0.1:0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const address = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      // A service that never said where it listens is nobody's to stop: stop it here.
      child.kill('SIGKILL');
      reject(new Error(`no address logged ("http server listening" or "started") within ${timeoutMs} ms:\n${logs.join('\n')}`));
    }, timeoutMs);
    for (const stream of [child.stdout, child.stderr]) {
      readline.createInterface({ input: stream! }).on('line', (line) => {
        logs.push(line);
        const entry = parseJson(line);
        const addr = entry?.msg === 'http server listening' ? entry.addr : entry?.msg === 'started' ? entry.address : undefined;
        if (typeof addr === 'string') {
          clearTimeout(timer);
          resolve(addr);
        }
      });
    }
    void exited.then(({ code }) => reject(new Error(`service exited with ${code} before listening:\n${logs.join('\n')}`)));
  });
  const addr = await address;
  return { child, baseUrl: addr.startsWith('http://') ? addr : `http://${addr}`, logs, exited };
}

function parseJson(line: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
