// Request throughput of a generated service with every middleware on (request ID, access log,
// metrics, tracing, recovery, limits, timeout), as a ratio to a bare net/http handler serving
// the same /healthz answer, both measured with wrk on loopback in the same run (DESIGN.md §7:
// at least 0.75x). Usage: npm run bench:http [-- --seconds 8]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const secondsFlag = process.argv.indexOf('--seconds');
const SECONDS = secondsFlag > 0 ? Number(process.argv[secondsFlag + 1]) : 8;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'create-service-http-'));

execFileSync(process.execPath, [path.join(root, 'bin/create-service.js'), 'orders', '--yes', '--no-git'], { cwd: work, stdio: 'ignore' });
const service = path.join(work, 'orders');
execFileSync('go', ['build', '-o', path.join(work, 'service'), './cmd/orders'], { cwd: service });
execFileSync('go', ['build', '-o', path.join(work, 'baseline'), '.'], { cwd: path.join(root, 'bench/http-baseline') });

async function measure(binary, port) {
  const child = spawn(binary, [], { env: { PATH: process.env.PATH, HTTP_ADDR: `127.0.0.1:${port}`, LOG_LEVEL: 'info' }, stdio: 'ignore' });
  try {
    await waitFor(`http://127.0.0.1:${port}/healthz`);
    const url = `http://127.0.0.1:${port}/healthz`;
    execFileSync('wrk', ['-t1', '-c16', '-d2s', url], { stdio: 'ignore' }); // warm-up
    const out = execFileSync('wrk', ['-t1', '-c16', `-d${SECONDS}s`, url], { encoding: 'utf8' });
    const match = /Requests\/sec:\s+([\d.]+)/.exec(out);
    if (!match) throw new Error(`no Requests/sec in wrk output:\n${out}`);
    return Number(match[1]);
  } finally {
    child.kill('SIGTERM');
  }
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} never answered`);
}

const bare = await measure(path.join(work, 'baseline'), 18081);
const full = await measure(path.join(work, 'service'), 18082);
fs.rmSync(work, { recursive: true, force: true });
const ratio = full / bare;
console.log(`wrk -t1 -c16 -d${SECONDS}s on loopback, ${os.cpus().length} cores shared by wrk and the server\n`);
console.log('| server | requests/s | ratio | budget |');
console.log('|---|---:|---:|---:|');
console.log(`| bare net/http handler | ${bare.toFixed(0)} | 1.00x | |`);
console.log(`| generated service, all middleware on (/healthz) | ${full.toFixed(0)} | ${ratio.toFixed(2)}x | 0.75x ${ratio >= 0.75 ? 'ok' : 'UNDER'} |`);
process.exitCode = ratio >= 0.75 ? 0 : 1;
