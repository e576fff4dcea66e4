import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { readmeCommands } from '../helpers/readme-blocks.js';
import { makeTempDir } from '../helpers/temp-dir.js';
import { alive } from '../helpers/process-alive.js';

/**
 * A newcomer on a fresh clone who follows only README.md: its `sh setup` block (`npm link`, into
 * a private npm prefix), its `sh start` block on a free port, its `sh try` curl commands, its
 * `sh grow` block (`svc add` from PATH, then a build), and one SIGTERM that stops it all.
 * Caches are reused (npm's, Go's), nothing else of this checkout is.
 */
describe('a newcomer following README.md on a fresh clone', () => {
  let clone: string;
  let env: NodeJS.ProcessEnv;
  let port: number;
  let linkOutput = '';
  let demo: Demo | undefined;
  const spawned = new Set<number>();

  beforeAll(async () => {
    const dir = makeTempDir('create-service-newcomer-');
    clone = path.join(dir, 'create-service');
    await execa('git', ['clone', '--quiet', '--no-hardlinks', REPO_ROOT, clone]);
    const head = (await execa('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT })).stdout;
    await execa('git', ['checkout', '--quiet', head], { cwd: clone });
    await overlayWorkingTree(clone);

    const prefix = path.join(dir, 'npm-global');
    env = cleanEnv({
      npm_config_prefix: prefix,
      npm_config_prefer_offline: 'true',
      npm_config_update_notifier: 'false',
      PATH: `${path.join(prefix, 'bin')}${path.delimiter}${process.env.PATH ?? ''}`,
      NO_COLOR: '1',
    });
    port = await freePort();
  });

  afterAll(async () => {
    // Whatever a failed assertion left running: npm start's group, then the service's own.
    for (const pid of [demo?.child.pid, ...spawned]) if (pid !== undefined) killGroup(pid, 'SIGKILL');
  });

  it('gets create-service and svc on PATH with the one set-up command', async () => {
    for (const command of readmeCommands('sh setup')) {
      const result = await execa('sh', ['-c', command], { cwd: clone, env, extendEnv: false, reject: false, all: true });
      linkOutput += result.all;
      expect(result.exitCode, `${command}:\n${result.all}`).toBe(0);
    }
    for (const bin of ['create-service', 'svc']) {
      const found = await execa('sh', ['-c', `command -v ${bin}`], { env, extendEnv: false });
      expect(found.stdout.startsWith(env.npm_config_prefix!), `${bin} from the link`).toBe(true);
      expect((await execa(bin, ['--version'], { env, extendEnv: false })).stdout).toMatch(/\d+\.\d+\.\d+/);
    }
    expect(linkOutput).not.toMatch(/esbuild|tree-sitter-go/);
  });

  it('npm ci names no dependency install script (package.json allowScripts declines them) and keeps the build', async () => {
    const result = await execa('npm', ['ci', '--no-audit', '--no-fund'], { cwd: clone, env, extendEnv: false, reject: false, all: true });
    expect(result.exitCode, result.all).toBe(0);
    expect(result.all).not.toContain('install-scripts');
    expect(fs.existsSync(path.join(clone, 'dist/cli/create-main.js'))).toBe(true);
    expect(fs.existsSync(path.join(clone, 'dist/bundle/create-main.js')), 'the bundle bin/ runs').toBe(true);
  });

  it('runs the demo with npm start, printing the README commands', async () => {
    demo = await startDemo(clone, env, port);
    for (const line of readmeCommands('sh try')) expect(demo.output()).toContain(onPort(line, port));
    for (const line of readmeCommands('sh grow')) expect(demo.output()).toContain(line);
    expect(demo.output()).not.toContain('make run');
  });

  it("answers the README's curl commands: healthy, 201 for the order, 200 with the same order", async () => {
    const statuses: number[] = [];
    let created: Record<string, unknown> | undefined;
    for (const line of readmeCommands('sh try')) {
      const command = onPort(line, port).replace('<id>', String(created?.id ?? '<id>'));
      const { stdout } = await execa('sh', ['-c', command], { env, extendEnv: false });
      const [head = '', body = ''] = stdout.split('\r\n\r\n');
      statuses.push(Number(head.split(' ')[1]));
      if (line.includes("-d '")) created = JSON.parse(body) as Record<string, unknown>;
      else if (created !== undefined) expect(JSON.parse(body)).toEqual(created);
    }
    expect(statuses).toEqual([200, 201, 200]);
  });

  it('grows the demo with svc add --uses, and it still builds', async () => {
    const script = readmeCommands('sh grow').join(' && ');
    const result = await execa('sh', ['-c', script], { cwd: clone, env, extendEnv: false, reject: false, all: true });
    expect(result.exitCode, result.all).toBe(0);
    expect(fs.existsSync(path.join(clone, '.tmp/demo/orders/internal/app/cancel_order.go'))).toBe(true);
  });

  it('stops npm start and the service with one SIGTERM, leaving the port free', async () => {
    const service = serviceUnder(demo!);
    process.kill(demo!.child.pid!, 'SIGTERM');
    expect(await demo!.exited).toBe(0);
    expect(alive(service), 'the service process is gone').toBe(false);
    expect(await accepts(port), `port ${port} is free`).toBe(false);
    expect(demo!.output()).toContain('shutdown complete');
  });

  it('starts again on the same port, and Ctrl-C (SIGINT to the whole group, twice for node) shuts down gracefully', async () => {
    demo = await startDemo(clone, env, port);
    const service = serviceUnder(demo);
    process.kill(-demo.child.pid!, 'SIGINT');
    expect(await demo.exited).toBe(0);
    expect(alive(service), 'the service process is gone').toBe(false);
    expect(await accepts(port), `port ${port} is free`).toBe(false);
    expect(demo.output()).toContain('shutdown complete');
  });

  function serviceUnder(running: Demo): number {
    const pids = descendants(running.child.pid!);
    const service = pids.find((pid) => readCmdline(pid).endsWith(path.join('demo', 'orders', 'bin', 'orders')));
    expect(service, `the service runs under npm start: ${pids.map(readCmdline).join(', ')}`).toBeDefined();
    spawned.add(service!);
    return service!;
  }
});

interface Demo {
  child: ChildProcess;
  output(): string;
  exited: Promise<number | null>;
}

/** The README's `sh start` block, as a shell runs it, in its own process group; resolves once the service answers. */
async function startDemo(clone: string, env: NodeJS.ProcessEnv, port: number): Promise<Demo> {
  const [command] = readmeCommands('sh start');
  const child = spawn('sh', ['-c', `exec ${command}`], { cwd: clone, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (const stream of [child.stdout!, child.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await until(() => output.includes('The service answers on'), exited, () => output, 400_000);
  return { child, output: () => output, exited };
}

/** The environment of someone at a shell: none of the npm_* variables of the `npm test` running this. */
function cleanEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key) && key !== 'INIT_CWD') env[key] = value;
  return { ...env, ...extra };
}

/** Copies this checkout's uncommitted changes over the clone, so the run checks the tree under test. */
async function overlayWorkingTree(clone: string): Promise<void> {
  const { stdout } = await execa('git', ['ls-files', '-z', '--modified', '--others', '--exclude-standard'], { cwd: REPO_ROOT });
  for (const file of new Set(stdout.split('\0').filter(Boolean))) {
    const from = path.join(REPO_ROOT, file);
    const to = path.join(clone, file);
    if (fs.existsSync(from)) {
      fs.mkdirSync(path.dirname(to), { recursive: true });
      fs.copyFileSync(from, to);
    } else fs.rmSync(to, { force: true });
  }
}

function onPort(line: string, port: number): string {
  return line.replaceAll('localhost:8080', `localhost:${port}`);
}

async function until(done: () => boolean, exited: Promise<unknown>, output: () => string, timeoutMs: number): Promise<void> {
  let over = false;
  void exited.then(() => (over = true));
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (over || Date.now() > deadline) expect.fail(`npm start ${over ? 'exited' : 'timed out'} before the service answered:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(' ').filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((child) => [child, ...descendants(child)]);
}

function readCmdline(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? '';
  } catch {
    return '';
  }
}

function killGroup(pid: number, signal: NodeJS.Signals): void {
  for (const target of [-pid, pid]) {
    try {
      process.kill(target, signal);
    } catch {
      // Already gone.
    }
  }
}
