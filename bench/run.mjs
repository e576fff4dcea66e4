// Startup budgets of DESIGN.md section 7, measured as ratios to a bare `node -e 0` in the same
// run so that machine speed cancels out. Usage: npm run bench [-- --runs 20]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const runsFlag = process.argv.indexOf('--runs');
const RUNS = runsFlag > 0 ? Number(process.argv[runsFlag + 1]) : 15;
const WARMUP = 2;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'create-service-bench-'));
let counter = 0;

const cases = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: 'svc --help', args: [path.join(root, 'bin/svc.js'), '--help'], budget: 1.5 },
  {
    name: 'create-service --yes --no-git --no-install (everything on)',
    args: () => [path.join(root, 'bin/create-service.js'), path.join(work, `svc-${counter++}`), '--name', 'orders', '--yes', '--no-git', '--no-install'],
    budget: 2.5,
  },
];

function timeOnce(args) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, typeof args === 'function' ? args() : args, { stdio: 'ignore' });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`exit ${result.status}: node ${JSON.stringify(args)}`);
  return elapsed;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const samples = new Map(cases.map((c) => [c.name, []]));
for (let i = 0; i < WARMUP + RUNS; i++) {
  // Interleave the cases so that drift in machine load hits them all alike.
  for (const c of cases) {
    const ms = timeOnce(c.args);
    if (i >= WARMUP) samples.get(c.name).push(ms);
  }
}
fs.rmSync(work, { recursive: true, force: true });

const baseline = median(samples.get(cases[0].name));
console.log(`node ${process.version}, ${os.cpus().length} cores, ${RUNS} runs each (median)\n`);
console.log('| case | median ms | ratio to node -e 0 | budget |');
console.log('|---|---:|---:|---:|');
let over = false;
for (const c of cases) {
  const ms = median(samples.get(c.name));
  const ratio = ms / baseline;
  const verdict = c.budget === undefined ? '' : `${c.budget}x ${ratio <= c.budget ? 'ok' : 'OVER'}`;
  if (c.budget !== undefined && ratio > c.budget) over = true;
  console.log(`| ${c.name} | ${ms.toFixed(1)} | ${ratio.toFixed(2)}x | ${verdict} |`);
}
process.exitCode = over ? 1 : 0;
