import { describe, expect, it } from 'vitest';
import type { AddOperation } from '../../../src/target-contract/add-operation.js';
import { createProgram } from '../../../src/cli/create-program.js';
import { svcProgram } from '../../../src/cli/svc-program.js';
import { exitCodeOf } from '../../../src/errors.js';
import type { CreateOptions } from '../../../src/choices/options.js';
import { addAdapterOperation } from '../../../src/targets/go/add/add-adapter.js';
import { addEventOperation } from '../../../src/targets/go/add/event.js';
import { addPortOperation } from '../../../src/targets/go/add/port.js';
import { addUsecaseOperation } from '../../../src/targets/go/add/usecase.js';
import { addTsAdapterOperation } from '../../../src/targets/ts/add/add-adapter.js';
import { addTsEventOperation } from '../../../src/targets/ts/add/event.js';
import { addTsPortOperation } from '../../../src/targets/ts/add/port.js';
import { addTsUsecaseOperation } from '../../../src/targets/ts/add/usecase.js';
import type { CorpusAdd, EditedService } from '../../corpus/edited-service.js';
import { ServiceFiles } from '../../corpus/edited-service.js';
import { GO_SERVICES } from '../../corpus/go-services.js';
import { changedFiles, fingerprint } from '../../corpus/run-corpus.js';
import { TS_SERVICES } from '../../corpus/ts-services.js';
import { makeService, runAdd } from '../svc/fixture.js';
import { makeTsService } from '../ts-edit/fixture.js';

/**
 * The hand-edited services of the e2e corpus, run in-process without the compiler: each add must
 * exit as expected, and a refusal must leave every file byte-identical. Adds whose refusal only the
 * compiler can give (`compiler`) are left to the e2e tests; a refusal changes nothing, so the adds
 * after them see the same service either way.
 */
async function createOptions(service: EditedService): Promise<Partial<CreateOptions>> {
  let options: CreateOptions = {};
  await createProgram(async (parsed) => {
    options = parsed;
    return 0;
  }).parseAsync(['node', 'create-service', 'orders', ...service.create]);
  const { directory: _directory, ...rest } = options;
  return rest;
}

/** The operation the real `svc` program maps these args to. */
async function operationFor(target: EditedService['target'], corpusAdd: CorpusAdd): Promise<AddOperation> {
  let operation: AddOperation | undefined;
  const done = async () => 0;
  await svcProgram({
    async addUsecase(name, flags) {
      const options = { uses: flags.uses, http: flags.http };
      operation = target === 'go' ? addUsecaseOperation(name, options) : addTsUsecaseOperation(name, options);
      return done();
    },
    async addPort(name, flags) {
      operation = target === 'go' ? addPortOperation(name, { methods: flags.method }) : addTsPortOperation(name, { methods: flags.method });
      return done();
    },
    async addAdapter(kind, flags) {
      operation = target === 'go' ? addAdapterOperation(kind, { for: flags.for, baseUrlEnv: flags.baseUrlEnv, install: false }) : addTsAdapterOperation(kind, { for: flags.for, install: false });
      return done();
    },
    addTransport: done,
    async addEvent(name, flags) {
      operation = target === 'go' ? addEventOperation(name, { from: flags.from }) : addTsEventOperation(name, { from: flags.from });
      return done();
    },
    addConsumer: done,
    list: done,
    doctor: done,
  }).parseAsync(['node', 'svc', ...corpusAdd.args]);
  if (operation === undefined) throw new Error(`not an add: ${corpusAdd.args.join(' ')}`);
  return operation;
}

describe.each([
  ['Go', GO_SERVICES],
  ['TypeScript', TS_SERVICES],
] as const)('svc add on hand-edited %s services, without the compiler', (_lang, services) => {
  it.each(services.map((service) => [service.id, service] as const))('%s', async (_id, service) => {
    const options = await createOptions(service);
    const root = service.target === 'go' ? await makeService(options) : await makeTsService(options);
    service.apply(new ServiceFiles(root));
    const problems: string[] = [];
    for (const corpusAdd of service.adds) {
      if (corpusAdd.compiler === true) continue;
      const before = fingerprint(root);
      let code: number;
      let output: string;
      try {
        const result = await runAdd(root, await operationFor(service.target, corpusAdd));
        code = result.code;
        output = result.all;
      } catch (error) {
        code = exitCodeOf(error);
        output = String(error);
      }
      const changed = changedFiles(before, fingerprint(root));
      const command = corpusAdd.args.join(' ');
      if (code !== 0 && changed.length > 0) problems.push(`${command}: exited ${code} but changed ${changed.join(', ')}`);
      const expected = corpusAdd.expect === 'noop' ? 0 : corpusAdd.expect;
      if (code !== expected) problems.push(`${command}: expected exit ${expected}, got ${code}\n${output.trim()}`);
      if (corpusAdd.expect === 'noop' && changed.length > 0) problems.push(`${command}: expected nothing to do, changed ${changed.join(', ')}`);
    }
    expect(problems.join('\n\n'), `after: ${service.edit}`).toBe('');
  });
});
