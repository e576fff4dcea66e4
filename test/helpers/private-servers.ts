import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { makeTempDir } from './temp-dir.js';

/**
 * PostgreSQL, MariaDB, Redis and NATS instances (and Kafka, in kfake-server.ts) of a test's own, on free loopback ports, for fault injection:
 * stopped, restarted, frozen (SIGSTOP) and thawed without touching the machine's shared servers.
 * Every instance is stopped by `stop()`, and also when the test process exits however it exits
 * (a failed assertion, a timeout), so none outlives the test.
 */
export interface PrivateServer {
  port: number;
  /** Stops the server (fast shutdown); `start()` brings it back on the same port and data. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** SIGSTOP / SIGCONT to every process of the server: it accepts connections and answers nothing. */
  freeze(): void;
  thaw(): void;
  /** Stops it for good and forgets it. */
  dispose(): Promise<void>;
}

const disposers = new Set<() => void>();
process.on('exit', () => {
  for (const dispose of disposers) dispose();
});

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A PostgreSQL cluster made with initdb and run with pg_ctl as the postgres user; trust auth, database postgres. */
export async function startPrivatePostgres(): Promise<PrivateServer & { url: string; sql(query: string): string }> {
  const port = await freePort();
  const root = makeTempDir('private-postgres-');
  const data = path.join(root, 'data');
  fs.chmodSync(root, 0o755);
  execFileSync('chown', ['postgres:postgres', root]);
  const asPostgres = (command: string, args: string[]) => execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe', cwd: root });
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  let running = false;
  const start = async () => {
    asPostgres('pg_ctl', ['-D', data, '-o', options, '-l', path.join(root, 'log'), '-w', '-t', '30', 'start']);
    running = true;
  };
  const stopNow = (mode: 'fast' | 'immediate') => {
    if (!running) return;
    running = false;
    thawAll();
    asPostgres('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '30', 'stop']);
  };
  const pids = (): number[] => {
    const postmaster = Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return [postmaster, ...childrenOf(postmaster)];
  };
  const signalAll = (signal: NodeJS.Signals) => {
    for (const pid of pids()) {
      try {
        process.kill(pid, signal);
      } catch {
        // A backend that exited meanwhile.
      }
    }
  };
  const thawAll = () => {
    if (running && fs.existsSync(path.join(data, 'postmaster.pid'))) signalAll('SIGCONT');
  };
  const dispose = () => {
    try {
      stopNow('immediate');
    } catch {
      // Already stopped.
    }
  };
  disposers.add(dispose);
  await start();
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    start,
    stop: async () => stopNow('fast'),
    freeze: () => signalAll('SIGSTOP'),
    thaw: () => signalAll('SIGCONT'),
    dispose: async () => {
      disposers.delete(dispose);
      dispose();
    },
    sql: (query) =>
      execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', 'postgres', '-tA', '-v', 'ON_ERROR_STOP=1', '-c', query], { encoding: 'utf8' }).trim(),
  };
}

/** A redis-server without persistence, a child of the test process. */
export async function startPrivateRedis(): Promise<PrivateServer> {
  const port = await freePort();
  const dir = makeTempDir('private-redis-');
  const server = childServer(port, 10_000, () =>
    spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' }),
  );
  await server.start();
  return { port, ...server, stop: () => server.stopWith('SIGKILL'), dispose: () => server.dispose('SIGKILL') };
}

/**
 * A nats-server with JetStream of its own, a child of the test process, storing in a directory that
 * outlives stop(): start() brings it back with its streams and consumers. `crash()` is SIGKILL, as a
 * broker host that dies; stop() the clean shutdown of SIGTERM.
 */
export async function startPrivateNats(): Promise<PrivateServer & { url: string; storeDir: string; crash(): Promise<void> }> {
  const port = await freePort();
  const storeDir = makeTempDir('private-nats-');
  const server = childServer(port, 10_000, () => spawn('nats-server', ['-js', '-a', '127.0.0.1', '-p', String(port), '-sd', storeDir], { stdio: 'ignore' }));
  await server.start();
  return {
    port,
    url: `nats://127.0.0.1:${port}`,
    storeDir,
    ...server,
    stop: () => server.stopWith('SIGTERM'),
    crash: () => server.stopWith('SIGKILL'),
    dispose: () => server.dispose('SIGKILL'),
  };
}

/**
 * A MariaDB server of its own (mariadb-install-db, then mariadbd as a child of the test process)
 * with one database, `orders`; grant tables are skipped, so root connects over TCP without a
 * password, as on the shared server. Never the machine's shared MariaDB on 3306.
 */
export async function startPrivateMysql(): Promise<PrivateServer & { url: string; sql(query: string): string }> {
  const port = await freePort();
  const root = makeTempDir('private-mysql-');
  const data = path.join(root, 'data');
  execFileSync('mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--user=root', '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'pipe' });
  const server = childServer(port, 30_000, () =>
    spawn(
      'mariadbd',
      [
        '--no-defaults',
        `--datadir=${data}`,
        '--user=root',
        `--port=${port}`,
        '--bind-address=127.0.0.1',
        `--socket=${path.join(root, 'sock')}`,
        `--pid-file=${path.join(root, 'pid')}`,
        `--log-error=${path.join(root, 'log')}`,
        '--skip-grant-tables',
        '--skip-name-resolve',
        '--innodb-flush-log-at-trx-commit=0',
      ],
      { stdio: 'ignore' },
    ),
  );
  await server.start();
  const sql = (query: string) =>
    execFileSync('mariadb', ['--no-defaults', '-h', '127.0.0.1', '-P', String(port), '-u', 'root', '-N', '-B', '-e', query], { encoding: 'utf8' }).trim();
  sql('CREATE DATABASE orders CHARACTER SET utf8mb4 COLLATE utf8mb4_bin');
  return {
    port,
    url: `mysql://root@127.0.0.1:${port}/orders`,
    ...server,
    // A clean shutdown, as a restart in production: the data stays for start().
    stop: () => server.stopWith('SIGTERM'),
    dispose: () => server.dispose('SIGTERM'),
    sql: (query) => sql(`USE orders; ${query}`),
  };
}

/**
 * A server run as a child of the test process by launch, ready once port accepts connections:
 * stopped with a signal (SIGCONT first, so a frozen one hears it), and killed when the test process
 * exits without dispose.
 */
export function childServer(port: number, readyMs: number, launch: () => ChildProcess) {
  let child: ChildProcess | null = null;
  const stopWith = async (signal: NodeJS.Signals) => {
    const current = child;
    child = null;
    if (current === null || current.exitCode !== null || current.signalCode !== null) return;
    const exited = new Promise((resolve) => current.once('exit', resolve));
    current.kill('SIGCONT');
    current.kill(signal);
    await exited;
  };
  const kill = () => {
    child?.kill('SIGCONT');
    child?.kill('SIGKILL');
  };
  disposers.add(kill);
  return {
    start: async () => {
      child = launch();
      await waitForPort(port, readyMs);
    },
    stopWith,
    freeze: () => child?.kill('SIGSTOP'),
    thaw: () => child?.kill('SIGCONT'),
    /** Stops it with signal for good and forgets it. */
    dispose: async (signal: NodeJS.Signals) => {
      disposers.delete(kill);
      await stopWith(signal);
    },
  };
}

/** The pids whose parent is pid, from /proc. */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name in parentheses may hold spaces: read the fields after it.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === pid) children.push(Number(entry));
    } catch {
      // The process exited while we looked.
    }
  }
  return children;
}

export async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
