// First: a closed stdout must not crash whatever runs after it.
import './closed-output.js';
import fs from 'node:fs';
import path from 'node:path';
import type { Output } from '../ui/output.js';
import { runProgram } from './run-program.js';
import { svcProgram } from './svc-program.js';

const out = (json = false): Output => ({ stdout: process.stdout, stderr: process.stderr, json });
const cwd = process.cwd();

/** `choices.lang` of the svc.json around cwd; undefined (Go) when there is none or it is unreadable: the action reports that. */
async function serviceLang(): Promise<unknown> {
  const [{ findProjectRoot }, { MANIFEST_FILE }] = await Promise.all([import('../project/find-root.js'), import('../tree/manifest.js')]);
  try {
    const root = findProjectRoot(cwd);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, MANIFEST_FILE), 'utf8')) as { choices?: { lang?: unknown } };
    return manifest.choices?.lang;
  } catch {
    return undefined;
  }
}

/** The target of the service around cwd (by svc.json's choices.lang), loaded with the add frame; each loads only on its own path. */
async function addFrame() {
  const [{ svcAddAction }, { loadServiceTarget }] = await Promise.all([import('./svc-add-action.js'), import('../targets/registry.js')]);
  return { svcAddAction, target: await loadServiceTarget(await serviceLang()) };
}

// Every action is imported when its command runs: `svc --help` loads commander and nothing else.
const program = svcProgram({
  async addUsecase(name, flags) {
    const { svcAddAction, target } = await addFrame();
    return svcAddAction(await target.addUsecase(name, { uses: flags.uses, http: flags.http, grpc: flags.grpc }), flags, cwd, out());
  },
  async addPort(name, flags) {
    const { svcAddAction, target } = await addFrame();
    return svcAddAction(await target.addPort(name, { methods: flags.method }), flags, cwd, out());
  },
  async addAdapter(kind, flags) {
    const { svcAddAction, target } = await addFrame();
    return svcAddAction(await target.addAdapter(kind, { for: flags.for, baseUrlEnv: flags.baseUrlEnv, install: flags.install }), flags, cwd, out());
  },
  async addTransport(kind, flags) {
    const { svcAddAction, target } = await addFrame();
    return svcAddAction(await target.addTransport(kind, { install: flags.install }), flags, cwd, out());
  },
  async addEvent(name, flags) {
    const { svcAddAction, target } = await addFrame();
    return svcAddAction(await target.addEvent(name, { from: flags.from }), flags, cwd, out());
  },
  async addConsumer(event, flags) {
    const { svcAddAction, target } = await addFrame();
    return svcAddAction(await target.addConsumer(event, { handler: flags.handler }), flags, cwd, out());
  },
  async list(flags) {
    const { svcListAction } = await import('./svc-list-action.js');
    return svcListAction(cwd, out(flags.json), { mermaid: flags.mermaid });
  },
  async doctor(flags) {
    const { svcDoctorAction } = await import('./svc-doctor-action.js');
    return svcDoctorAction(cwd, out(flags.json));
  },
});

await runProgram(program, process.argv);
