// `npm start`: the main job on a fresh clone. Builds the CLI, generates a service with every
// default (in-memory store) into .tmp/demo/orders, and runs it on :8080 until Ctrl-C.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuild, root } from './ensure-build.mjs';

ensureBuild();
const parent = path.join(root, '.tmp', 'demo');
const service = path.join(parent, 'orders');
fs.rmSync(service, { recursive: true, force: true });
fs.mkdirSync(parent, { recursive: true });
execFileSync(process.execPath, [path.join(root, 'bin/create-service.js'), 'orders', '--yes', '--no-git'], { cwd: parent, stdio: 'inherit' });

console.log(`\nStarting ${service} on http://localhost:8080 (Ctrl-C stops it gracefully)\n`);
const child = spawn('go', ['run', './cmd/orders'], { cwd: service, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
