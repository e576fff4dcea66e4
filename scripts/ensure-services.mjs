// Makes sure the servers the integration tests of generated services talk to are up:
// PostgreSQL on 127.0.0.1:5432, Redis on 127.0.0.1:6379, MariaDB on 127.0.0.1:3306 and NATS with JetStream on 127.0.0.1:4222. A server that is down is started
// with the machine's own tools, then we wait until it answers. `npm test` calls ensureServices().
import { execSync } from 'node:child_process';
import net from 'node:net';
import { pathToFileURL } from 'node:url';

export const SERVICES = [
  {
    name: 'PostgreSQL',
    host: '127.0.0.1',
    port: 5432,
    // Answers only once the server accepts queries (TCP is open earlier, while it recovers).
    ready: 'pg_isready -q -h 127.0.0.1 -p 5432',
    start: 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
  },
  {
    name: 'Redis',
    host: '127.0.0.1',
    port: 6379,
    ready: 'test "$(redis-cli -h 127.0.0.1 -p 6379 ping)" = PONG',
    start:
      'redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log',
  },
  {
    name: 'MariaDB',
    host: '127.0.0.1',
    port: 3306,
    ready: 'mariadb-admin -h 127.0.0.1 -P 3306 -u root ping',
    start: 'start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd',
  },
  {
    name: 'NATS',
    host: '127.0.0.1',
    port: 4222,
    // No ready command: NATS has no client on this machine to ask, so a TCP connect is the check.
    start:
      'mkdir -p /var/lib/nats-server && start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- -a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log',
  },
];

/** True when something accepts TCP connections on host:port within timeoutMs. */
export function isListening(host, port, timeoutMs = 1000) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (up) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** True when the server answers: its own client's check when installed, else a TCP connect. */
export async function isAnswering(service) {
  if (!(await isListening(service.host, service.port))) return false;
  if (service.ready === undefined) return true;
  const client = service.ready.split(' ')[0] === 'test' ? 'redis-cli' : service.ready.split(' ')[0];
  try {
    execSync(`command -v ${client}`, { stdio: 'ignore', shell: '/bin/sh' });
  } catch {
    return true;
  }
  try {
    execSync(service.ready, { stdio: 'ignore', shell: '/bin/sh', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

/** Starts every server that is down and waits (up to timeoutMs each) until it answers. Throws when one never does. */
export async function ensureServices({ timeoutMs = 30_000, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  for (const service of SERVICES) {
    if (await isAnswering(service)) continue;
    log(`${service.name} is not answering on ${service.host}:${service.port}; starting it: ${service.start}`);
    try {
      execSync(service.start, { stdio: 'inherit', shell: '/bin/sh' });
    } catch (error) {
      throw new Error(`could not start ${service.name} with: ${service.start}\n${error.message}`);
    }
    const deadline = Date.now() + timeoutMs;
    while (!(await isAnswering(service))) {
      if (Date.now() > deadline) {
        throw new Error(`${service.name} did not answer on ${service.host}:${service.port} within ${timeoutMs / 1000}s after: ${service.start}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    log(`${service.name} is up on ${service.host}:${service.port}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await ensureServices();
}
