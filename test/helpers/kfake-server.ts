import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { goTool } from './go.js';
import { childServer, freePort, waitForPort, type PrivateServer } from './private-servers.js';
import { makeTempDir } from './temp-dir.js';

/**
 * A Kafka of the test's own: franz-go's kfake run as a process (./kfake-server/main.go), since the
 * machine has no Kafka server. Its log lives in memory, so `stop()` loses it; an outage that keeps
 * the log and the group offsets, as a broker restart does, is `down()` then `up()`: meanwhile every
 * request drops its connection. The control port also reads topics and group lag, and produces
 * records as a foreign producer would.
 */
export interface KafkaRecord {
  topic: string;
  partition: number;
  offset: number;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface PrivateKafka extends PrivateServer {
  brokers: string;
  down(): Promise<void>;
  up(): Promise<void>;
  records(topic: string): Promise<KafkaRecord[]>;
  lag(group: string, topic: string): Promise<number>;
  produce(record: { topic: string; key: string; value: string; headers?: Record<string, string> }): Promise<void>;
}

const SOURCE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'kfake-server');

export async function startKfakeServer(): Promise<PrivateKafka> {
  const binary = path.join(makeTempDir('kfake-server-'), 'kfake-server');
  await goTool(SOURCE, 'go', ['build', '-o', binary, '.']);
  const port = await freePort();
  const controlPort = await freePort();
  const server = childServer(port, 15_000, () => spawn(binary, ['-port', String(port), '-control', `127.0.0.1:${controlPort}`], { stdio: 'ignore' }));
  const start = async () => {
    await server.start();
    await waitForPort(controlPort, 5_000);
  };
  await start();

  const control = async (method: 'GET' | 'POST', route: string, body?: object): Promise<unknown> => {
    const answer = await fetch(`http://127.0.0.1:${controlPort}${route}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await answer.text();
    if (!answer.ok) throw new Error(`kfake-server ${method} ${route}: ${answer.status} ${text}`);
    return text === '' ? undefined : JSON.parse(text);
  };
  return {
    port,
    brokers: `127.0.0.1:${port}`,
    ...server,
    start,
    stop: () => server.stopWith('SIGTERM'),
    dispose: () => server.dispose('SIGKILL'),
    down: async () => void (await control('POST', '/down')),
    up: async () => void (await control('POST', '/up')),
    records: async (topic) => (await control('GET', `/records?topic=${encodeURIComponent(topic)}`)) as KafkaRecord[],
    lag: async (group, topic) => ((await control('GET', `/lag?group=${encodeURIComponent(group)}&topic=${encodeURIComponent(topic)}`)) as { lag: number }).lag,
    produce: async (record) => void (await control('POST', '/produce', record)),
  };
}
