import type { Target } from '../../target-contract/target.js';

/** The TypeScript target. Each method imports what it needs when it runs, so ts-morph loads only on this target's own paths. */
export const tsTarget: Target = {
  lang: 'ts',
  async generate(tree, spec) {
    await (await import('./generate.js')).generateTsService(tree, spec);
  },
  async postSteps(options) {
    return (await import('./post-steps.js')).tsPostSteps(options);
  },
  nextSteps: () => [{ command: 'npm run dev', hint: 'watch mode; npm run build && npm start in production' }, { command: 'curl -i localhost:8080/healthz' }],
  async addUsecase(name, options) {
    return (await import('./add/usecase.js')).addTsUsecaseOperation(name, options);
  },
  async addPort(name, options) {
    return (await import('./add/port.js')).addTsPortOperation(name, options);
  },
  async addAdapter(kind, options) {
    return (await import('./add/add-adapter.js')).addTsAdapterOperation(kind, options);
  },
  async addTransport(kind) {
    const { parseTransportToAdd } = await import('../../choices/target-support.js');
    return {
      command: `add transport ${kind}`,
      apply() {
        parseTransportToAdd('ts', kind, 'TypeScript');
        throw new Error(`unreachable: the TypeScript target offers no transport to add (${kind})`);
      },
    };
  },
  async addConsumer(event, options) {
    return (await import('./add/consumer.js')).addTsConsumerOperation(event, options);
  },
  async addEvent(name, options) {
    return (await import('./add/event.js')).addTsEventOperation(name, options);
  },
  async inventory(project) {
    return (await import('./inspect/list.js')).tsInventory(project.tree);
  },
  async doctor(project, toolchains) {
    return (await import('./inspect/doctor-checks.js')).tsDoctor(project, toolchains);
  },
};
