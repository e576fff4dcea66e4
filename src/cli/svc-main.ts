import type { Output } from '../ui/output.js';
import { runProgram } from './run-program.js';
import { svcProgram } from './svc-program.js';

const out = (json = false): Output => ({ stdout: process.stdout, stderr: process.stderr, json });
const cwd = process.cwd();

// Every action is imported when its command runs: `svc --help` loads commander and nothing else.
const program = svcProgram({
  async addUsecase(name, flags) {
    const [{ svcAddAction }, { addUsecaseOperation }] = await Promise.all([
      import('./svc-add-action.js'),
      import('../targets/go/add/usecase.js'),
    ]);
    return svcAddAction(addUsecaseOperation(name, { uses: flags.uses, http: flags.http }), flags, cwd, out());
  },
  async addPort(name, flags) {
    const [{ svcAddAction }, { addPortOperation }] = await Promise.all([
      import('./svc-add-action.js'),
      import('../targets/go/add/port.js'),
    ]);
    return svcAddAction(addPortOperation(name, { methods: flags.method }), flags, cwd, out());
  },
  async addAdapter(kind, flags) {
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
