// Publish and consume throughput of the generated event adapters on loopback (issue 15): for each
// broker, a service is created with `--messaging <broker>` and grown with `svc add consumer`, then
// its own Go benchmarks run: BenchmarkPublish (one event per call, waiting for the broker's
// acknowledgement, as a request or the outbox relay does) and BenchmarkConsume (events waiting in
// the broker, handled by one consumer with its default four workers: decode, inbox, a handler that
// does nothing, ack or commit). NATS and RabbitMQ are the machine's servers; Kafka is kfake, in the
// benchmark's own process, so its figures say what the adapter costs, not what a cluster does.
// Usage: npm run bench:events [-- --benchtime 3s --count 3]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAverage, median } from './stats.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const BENCHTIME = option('--benchtime', '2s');
const COUNT = Number(option('--count', '3'));
const BROKERS = [
  { name: 'nats', env: { NATS_TEST_URL: 'nats://127.0.0.1:4222' }, server: 'nats-server on 127.0.0.1:4222' },
  { name: 'kafka', env: {}, server: 'kfake in the benchmark process' },
  { name: 'rabbitmq', env: { RABBITMQ_TEST_URL: 'amqp://guest:guest@127.0.0.1:5672/' }, server: 'RabbitMQ on 127.0.0.1:5672' },
];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'create-service-events-'));

try {
  const rows = [];
  for (const broker of BROKERS) {
    const cwd = path.join(work, broker.name);
    fs.mkdirSync(cwd);
    execFileSync(process.execPath, [path.join(root, 'bin/create-service.js'), 'orders', '--yes', '--no-git', '--messaging', broker.name], { cwd, stdio: 'ignore' });
    const service = path.join(cwd, 'orders');
    let consumer = true;
    try {
      execFileSync(process.execPath, [path.join(root, 'bin/svc.js'), 'add', 'consumer', 'OrderPlaced', '--handler', 'ReserveStock'], { cwd: service, stdio: 'pipe' });
    } catch (error) {
      consumer = false;
      console.error(`${broker.name}: svc add consumer refused: ${String(error.stderr ?? error).trim().split('\n')[0]}`);
    }
    const names = consumer ? '^(BenchmarkPublish|BenchmarkConsume)$' : '^BenchmarkPublish$';
    const output = execFileSync('go', ['test', `./internal/adapter/${broker.name}`, '-run', '^$', '-bench', names, '-benchmem', '-benchtime', BENCHTIME, '-count', String(COUNT)], {
      cwd: service,
      encoding: 'utf8',
      env: { ...process.env, ...broker.env },
      maxBuffer: 16 * 1024 * 1024,
    });
    const publish = samples(output, 'BenchmarkPublish');
    const consume = samples(output, 'BenchmarkConsume');
    rows.push({
      broker: broker.name,
      server: broker.server,
      publish: publish.length ? `${median(publish.map((s) => 1e9 / s.nsPerOp)).toFixed(0)} (${median(publish.map((s) => s.nsPerOp / 1000)).toFixed(0)} µs, ${median(publish.map((s) => s.allocs))} allocs)` : 'no benchmark',
      consume: consume.length ? median(consume.map((s) => s.msgsPerSecond)).toFixed(0) : consumer ? 'no benchmark' : 'no consumer',
    });
  }
  console.log(`go test -bench, -benchtime ${BENCHTIME}, median of ${COUNT}; ${os.cpus().length} cores shared by client and broker, load average ${loadAverage()}\n`);
  console.log('| broker | server | publish/s (latency, allocs per publish) | consume msgs/s |');
  console.log('|---|---|---:|---:|');
  for (const row of rows) console.log(`| ${row.broker} | ${row.server} | ${row.publish} | ${row.consume} |`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

/** The lines of one benchmark in `go test -bench` output: ns/op, allocs/op and msgs/s when reported. */
function samples(output, name) {
  return output
    .split('\n')
    .filter((line) => line.startsWith(`${name}-`) || line.startsWith(`${name} `))
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      const value = (unit) => Number(fields[fields.indexOf(unit) - 1]);
      return { nsPerOp: value('ns/op'), allocs: value('allocs/op'), msgsPerSecond: value('msgs/s') };
    });
}
