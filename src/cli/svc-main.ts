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

// Every action is imported when its command runs: `svc --help` loads commander and nothing else.
const program = svcProgram({
  async addUsecase(name, flags) {
    const options = { uses: flags.uses, http: flags.http };
    // The service's language (svc.json's choices.lang) picks the operation; ts-morph loads only for TypeScript.
    if ((await serviceLang()) === 'ts') {
      const [{ svcAddAction }, { addTsUsecaseOperation }] = await Promise.all([import('./svc-add-action.js'), import('../targets/ts/add/usecase.js')]);
      return svcAddAction(addTsUsecaseOperation(name, options), flags, cwd, out());
    }
    const [{ svcAddAction }, { addUsecaseOperation }] = await Promise.all([
      import('./svc-add-action.js'),
      import('../targets/go/add/usecase.js'),
    ]);
    return svcAddAction(addUsecaseOperation(name, options), flags, cwd, out());
  },
  async addPort(name, flags) {
    if ((await serviceLang()) === 'ts') {
      const [{ svcAddAction }, { addTsPortOperation }] = await Promise.all([import('./svc-add-action.js'), import('../targets/ts/add/port.js')]);
      return svcAddAction(addTsPortOperation(name, { methods: flags.method }), flags, cwd, out());
    }
    const [{ svcAddAction }, { addPortOperation }] = await Promise.all([
      import('./svc-add-action.js'),
      import('../targets/go/add/port.js'),
    ]);
    return svcAddAction(addPortOperation(name, { methods: flags.method }), flags, cwd, out());
  },
  async addAdapter(kind, flags) {
    if ((await serviceLang()) === 'ts') {
      const [{ svcAddAction }, { addTsAdapterOperation }] = await Promise.all([import('./svc-add-action.js'), import('../targets/ts/add/add-adapter.js')]);
      return svcAddAction(addTsAdapterOperation(kind, { for: flags.for, install: flags.install }), flags, cwd, out());
    }
    const [{ svcAddAction }, { addAdapterOperation }] = await Promise.all([
      import('./svc-add-action.js'),
      import('../targets/go/add/add-adapter.js'),
    ]);
    return svcAddAction(addAdapterOperation(kind, { for: flags.for, install: flags.install }), flags, cwd, out());
  },
  async list(flags) {
    const { svcListAction } = await import('./svc-list-action.js');
    return svcListAction(cwd, out(flags.json));
  },
  async doctor(flags) {
    const { svcDoctorAction } = await import('./svc-doctor-action.js');
    return svcDoctorAction(cwd, out(flags.json));
  },
});

await runProgram(program, process.argv);
