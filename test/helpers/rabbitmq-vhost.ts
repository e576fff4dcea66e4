import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { goTool } from './go.js';
import { makeTempDir } from './temp-dir.js';
import { startFaultProxy, type FaultProxy } from './tcp-fault-proxy.js';

/**
 * A vhost of the test's own on the machine's shared RabbitMQ (127.0.0.1:5672), reached through a TCP
 * fault proxy: `proxy.cut()` is an outage for whoever connects through `url`, while the broker, its
 * queues and their messages stay. `dispose()` deletes the vhost with everything in it. Publishing
 * and reading go around the proxy, through ./amqp-probe (the tests have no AMQP client).
 */
export interface RabbitVhost {
  /** The URL through the proxy, for the service. */
  url: string;
  proxy: FaultProxy;
  publish(exchange: string, routingKey: string, body: string, headers?: Record<string, string>): Promise<void>;
  /** Takes every message of the queue and returns them. */
  drain(queue: string): Promise<{ routing_key: string; message_id: string; body: string; headers: Record<string, string> }[]>;
  /** Ready and unacknowledged messages of the queue. */
  depth(queue: string): Promise<{ ready: number; unacked: number }>;
  dispose(): Promise<void>;
}

const PROBE_SOURCE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'amqp-probe');

async function rabbitmqctl(args: string[]): Promise<string> {
  const result = await execa('rabbitmqctl', args, { reject: false, all: true, timeout: 60_000 });
  if (result.exitCode !== 0) throw new Error(`rabbitmqctl ${args.join(' ')} failed: ${result.all}`);
  return String(result.stdout);
}

export async function startRabbitVhost(): Promise<RabbitVhost> {
  const vhost = `e2e-${randomUUID().slice(0, 8)}`;
  const probe = path.join(makeTempDir('amqp-probe-'), 'amqp-probe');
  await goTool(PROBE_SOURCE, 'go', ['build', '-o', probe, '.']);
  await rabbitmqctl(['add_vhost', vhost]);
  await rabbitmqctl(['set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*']);
  const proxy = await startFaultProxy(5672);
  const direct = `amqp://guest:guest@127.0.0.1:5672/${vhost}`;
  const runProbe = async (args: string[]) => {
    const result = await execa(probe, ['-url', direct, ...args], { reject: false, all: true, timeout: 30_000 });
    if (result.exitCode !== 0) throw new Error(`amqp-probe ${args[0]} failed: ${result.all}`);
    return String(result.stdout);
  };
  return {
    url: `amqp://guest:guest@127.0.0.1:${proxy.port}/${vhost}`,
    proxy,
    publish: async (exchange, routingKey, body, headers = {}) => {
      await runProbe(['publish', exchange, routingKey, body, ...Object.entries(headers).map(([name, value]) => `${name}=${value}`)]);
    },
    drain: async (queue) => JSON.parse(await runProbe(['drain', queue])),
    depth: async (queue) => {
      const rows = (await rabbitmqctl(['list_queues', '-q', '--no-table-headers', '-p', vhost, 'name', 'messages_ready', 'messages_unacknowledged'])).split('\n');
      const row = rows.map((line) => line.trim().split(/\s+/)).find(([name]) => name === queue);
      if (row === undefined) throw new Error(`no queue ${queue} in vhost ${vhost}`);
      return { ready: Number(row[1]), unacked: Number(row[2]) };
    },
    dispose: async () => {
      await proxy.close();
      await rabbitmqctl(['delete_vhost', vhost]);
    },
  };
}
