import type { Target } from '../../target-contract/target.js';

/** The Go target. Each method imports what it needs when it runs: `svc list` never loads the templates, `create` never loads the add operations. */
export const goTarget: Target = {
  lang: 'go',
  async generate(tree, spec) {
    await (await import('./generate.js')).generateGoService(tree, spec);
  },
  async postSteps(options) {
    return (await import('./post-steps.js')).goPostSteps(options);
  },
  // --uses names a real field of app.Ports: the sample's Orders, or a port added first.
  nextSteps: ({ example }) => [
    { command: 'make run' },
    { command: 'curl -i localhost:8080/healthz' },
    ...(example
      ? [{ command: 'svc add usecase CancelOrder --uses Orders --http "POST /v1/orders/{id}/cancel"', hint: 'grow it later' }]
      : [
          { command: 'svc add port PaymentGateway --method "Charge(ctx context.Context, amount int64) error"', hint: 'grow it later' },
          { command: 'svc add usecase Charge --uses PaymentGateway --http "POST /v1/charges"' },
        ]),
  ],
  async addUsecase(name, options) {
    return (await import('./add/usecase.js')).addUsecaseOperation(name, options);
  },
  async addPort(name, options) {
    return (await import('./add/port.js')).addPortOperation(name, options);
  },
  async addConsumer(event, options) {
    return (await import('./add/consumer.js')).addConsumerOperation(event, options);
  },
  async addEvent(name, options) {
    return (await import('./add/event.js')).addEventOperation(name, options);
  },
  async addAdapter(kind, options) {
    return (await import('./add/add-adapter.js')).addAdapterOperation(kind, options);
  },
  async addTransport(kind, options) {
    return (await import('./add/add-transport.js')).addTransportOperation(kind, options);
  },
  async inventory(project) {
    const [{ loadGoParser }, { inventory }, { useGoModulePath }] = await Promise.all([import('./edit/parser.js'), import('./inspect/list.js'), import('./go-project.js')]);
    useGoModulePath(project);
    const parser = await loadGoParser();
    const consumers = (await import('./inspect/consumers.js')).readConsumers(parser, project.tree);
    const found = inventory(parser, project.tree, project.spec.module);
    const useCases = new Set(found.useCases.map((useCase) => useCase.name));
    const events = (await import('./inspect/events.js')).readEvents(parser, project.tree, project.spec.module, useCases, consumers);
    return { ...found, ...(consumers.length === 0 ? {} : { consumers }), events };
  },
  async doctor(project, toolchains) {
    return (await import('./inspect/doctor-checks.js')).goDoctor(project, toolchains);
  },
};
