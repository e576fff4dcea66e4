// Unary rpc throughput of a generated service (`--transport http,grpc`, memory store, every
// interceptor on: recovery, request ID, access log at INFO, metrics, deadline, error mapping; the
// otelgrpc stats handler) calling GetOrder, as a ratio to a bare grpc-go server answering the same
// message with no interceptors, both driven by the same small Go client (bench/grpc-baseline/load)
// on loopback in the same run, rounds interleaved. The bare server and the client are built inside
// the generated service, as they use its generated package internal/gen/orders/v1.
// Usage: npm run bench:grpc [-- --seconds 5 --rounds 3 --callers 64]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAverage, median } from './stats.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const flag = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const SECONDS = flag('--seconds', 5);
const ROUNDS = flag('--rounds', 3);
const CALLERS = flag('--callers', 64);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'create-service-grpc-'));
const children = [];

try {
  execFileSync(process.execPath, [path.join(root, 'bin/create-service.js'), 'orders', '--yes', '--no-git', '--transport', 'http,grpc'], { cwd: work, stdio: 'ignore' });
  const service = path.join(work, 'orders');
  if (!fs.existsSync(path.join(service, 'internal/gen'))) execFileSync('go', ['tool', '-modfile=tools/buf/go.mod', 'buf', 'generate'], { cwd: service });
  for (const tool of ['bare', 'load']) {
    fs.cpSync(path.join(root, 'bench/grpc-baseline', tool), path.join(service, 'cmd', `bench-${tool}`), { recursive: true });
  }
  for (const [out, pkg] of [['service', './cmd/orders'], ['bare', './cmd/bench-bare'], ['load', './cmd/bench-load']]) {
    execFileSync('go', ['build', '-o', path.join(work, out), pkg], { cwd: service });
  }
  const generated = await start(path.join(work, 'service'), { HTTP_ADDR: '127.0.0.1:18092', GRPC_ADDR: '127.0.0.1:18093' }, 'http://127.0.0.1:18092/healthz');
  const bare = await start(path.join(work, 'bare'), { GRPC_ADDR: '127.0.0.1:18091' }, null);
  const id = execFileSync(path.join(work, 'load'), ['-addr', generated, '-create'], { encoding: 'utf8' }).trim();

  const cases = [
    { name: 'bare grpc-go `GetOrder` (fixed answer)', addr: bare },
    { name: 'generated `GetOrder` (memory store, every interceptor)', addr: generated },
  ];
  for (const c of cases) load(c, 1); // warm-up
  const samples = new Map(cases.map((c) => [c.name, []]));
  for (let round = 0; round < ROUNDS; round++) for (const c of cases) samples.get(c.name).push(load(c, SECONDS));
  const baseline = median(samples.get(cases[0].name));
  console.log(`${CALLERS} goroutines over 2 connections, ${SECONDS}s per run on loopback, ${ROUNDS} interleaved rounds (median), ${os.cpus().length} cores shared by client and server, load average ${loadAverage()}\n`);
  console.log('| server | calls/s | ratio to bare |');
  console.log('|---|---:|---:|');
  for (const c of cases) {
    const rate = median(samples.get(c.name));
    console.log(`| ${c.name} | ${rate.toFixed(0)} | ${(rate / baseline).toFixed(2)}x |`);
  }

  function load(c, seconds) {
    return Number(execFileSync(path.join(work, 'load'), ['-addr', c.addr, '-id', id, '-c', String(CALLERS), '-d', `${seconds}s`], { encoding: 'utf8' }).trim());
  }
} finally {
  for (const child of children) child.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
}

/** Starts `binary` with `env`; resolves with its gRPC address once it answers (HTTP health, if any, and the gRPC port open). */
async function start(binary, env, health) {
  const child = spawn(binary, [], { env: { PATH: process.env.PATH, LOG_LEVEL: 'info', ...env }, stdio: 'ignore' });
  children.push(child);
  for (let i = 0; i < 200; i++) {
    if (await answers(health, env.GRPC_ADDR)) return env.GRPC_ADDR;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${binary} never answered`);
}

async function answers(health, addr) {
  if (health !== null) {
    try {
      if (!(await fetch(health)).ok) return false;
    } catch {
      return false;
    }
  }
  const { connect } = await import('node:net');
  const [host, port] = addr.split(':');
  return new Promise((resolve) => {
    const socket = connect(Number(port), host, () => (socket.destroy(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}
