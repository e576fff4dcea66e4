// `npm start`: the main job on a fresh clone. Builds the CLI, generates a service with every
// default (in-memory store) into .tmp/demo/orders, builds its binary and runs it on :8080
// (PORT=9090 npm start for another port) until Ctrl-C or SIGTERM.
//
// One signal stops everything: each step runs in its own process group, and SIGINT/SIGTERM
// is forwarded to that whole group. The service is its own binary, not `go run`, which would
// leave the compiled program running when only `go` is signalled. package.json runs this file
// with `exec`, so npm's own signal reaches this process and not just the shell in between.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildIsCurrent, installed, markBuilt, root } from './ensure-build.mjs';
import { printNextSteps } from './start-next-steps.mjs';

const port = process.env.PORT ?? '8080';
const parent = path.join(root, '.tmp', 'demo');
const service = path.join(parent, 'orders');
const binary = path.join(service, 'bin', 'orders');

let current;
let stopping;
let forwardedAt = 0;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // Ctrl-C in a terminal arrives twice, from the terminal and forwarded by npm; the service
    // takes a second signal as "kill at once", so only a repeat after a pause is passed on.
    if (Date.now() - forwardedAt < 1000) return;
    forwardedAt = Date.now();
    stopping = signal;
    if (current !== undefined) killGroup(current, signal);
    else process.exit(128 + os.constants.signals[signal]);
  });
}

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** Runs one step; resolves with its exit code, or ends this process when a signal stopped it. */
function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], detached: true, ...options });
    current = child;
    let captured = '';
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk) => (captured += chunk));
    child.once('error', (error) =>
      reject(error.code === 'ENOENT' ? new Error(`npm start needs \`${command}\` on PATH${command === 'go' ? ' (Go 1.26 or later: https://go.dev/dl/)' : ''}`) : error),
    );
    child.once('exit', (code, signal) => {
      current = undefined;
      if (stopping !== undefined && options.service !== true) process.exit(128 + os.constants.signals[stopping]);
      if (code !== 0) process.stderr.write(captured);
      resolve(code ?? 128 + os.constants.signals[signal]);
    });
  });
}

async function step(command, args, options) {
  const code = await run(command, args, options).catch((error) => {
    console.error(`npm start: ${error.message}`);
    process.exit(1);
  });
  if (code !== 0) {
    console.error(`npm start: \`${[path.basename(command), ...args].join(' ')}\` failed (exit ${code})`);
    process.exit(code);
  }
}

if (!installed()) await step('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
if (!buildIsCurrent()) {
  const startedAt = new Date();
  await step(process.execPath, [path.join(root, 'scripts/build.mjs')]);
  markBuilt(startedAt);
}
fs.rmSync(service, { recursive: true, force: true });
fs.mkdirSync(parent, { recursive: true });
console.log('Generating .tmp/demo/orders with every default (the first run downloads Go modules)…');
// Its report (and "next steps": cd, make run) is shown only if it fails: this script runs the service.
await step(process.execPath, [path.join(root, 'bin/create-service.js'), 'orders', '--yes', '--no-git'], { cwd: parent, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
await step('go', ['build', '-o', binary, './cmd/orders'], { cwd: service });

console.log(`\nStarting ${path.relative(root, binary)} on port ${port} (Ctrl-C stops it gracefully)\n`);
const exited = run(binary, [], { cwd: service, env: { ...process.env, HTTP_ADDR: `:${port}` }, service: true });
void printNextSteps({ port, service, exited });
process.exit(await exited);
