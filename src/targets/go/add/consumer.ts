import type { AddOperation } from '../../../target-contract/add-operation.js';
import { consumerCommand } from '../../../choices/consumer-command.js';
import { UsageError } from '../../../errors.js';
import type { Project } from '../../../project/load-project.js';
import type { PostStep } from '../../../post-steps/post-step.js';
import { renderTemplateFolder } from '../../../render/template-folder.js';
import { goTemplateContext } from '../context.js';
import { loadGoParser, type GoParser } from '../edit/parser.js';
import { findDeclarations, readAppModel } from '../inspect/project-model.js';
import { readGo } from '../inspect/syntax.js';
import { useGoModulePath } from '../go-project.js';
import { goVerifier } from '../verify/go-verifier.js';
import { applyInbox } from '../features/inbox.js';
import { addConsumerRuntime } from './consumer-runtime.js';
import { CONSUMER_BROKERS, isConsumerBroker, type ConsumerBroker } from '../features/consumer-broker.js';
import { readHandlerSignature } from './consumer-handler.js';
import { fillInputMapping, readInputMapping } from './consumer-input.js';
import { wireConsumer } from './consumer-wiring.js';
import { documentBroker } from './asyncapi-broker.js';
import { asyncApiEntry, eventType } from './event.js';
import { idiomaticName, validateTypeName, type GoTypeName } from './names.js';
import { addUsecaseOperation } from './usecase.js';

const DOMAIN_DIR = 'internal/domain';

/**
 * `svc add consumer <Event> --handler <UseCase>` (NATS JetStream or Kafka, the service's broker):
 * internal/adapter/<broker>/<snake>_consumer.go (decodes the envelope's payload of the version the
 * service reads and runs the use case) with its test; on the first consumer the runtime every consumer
 * of the broker shares (consumer.go: a durable pull consumer or a consumer group, bounded workers,
 * backoff, dead letters, deduplication, tracing, metrics; its config section and its integration
 * tests) and internal/bootstrap/consumers.go, which Run calls; the consumer opened there as a worker
 * with its readiness check; the `receive` operation in api/asyncapi.yaml. A handler App does not hold
 * is created as `svc add usecase` creates it. Refused: no broker, an
 * event the domain does not declare, another handler on the event, names that are not Go's.
 */
export function addConsumerOperation(eventName: string, options: { handler: string }): AddOperation {
  return {
    command: consumerCommand(eventName, options),
    async apply(project) {
      useGoModulePath(project);
      const event = checkedName('event', eventName, 'OrderPlaced');
      const handler = checkedName('use case', options.handler, 'ReserveStock');
      const broker = requireBroker(project, event);
      const parser = await loadGoParser();
      requireEvent(parser, project, event);
      const existing = existingHandler(parser, project, broker, event);
      if (existing !== null && existing !== handler.camel) {
        throw new UsageError(
          `${eventType(event)} has a consumer already (${broker.dir}/${event.snake}_consumer.go), running another use case than ${handler.pascal}`,
          `call ${handler.pascal} from that consumer's handler, or remove the consumer first`,
        );
      }
      const postSteps: PostStep[] = [];
      if (!(readAppModel(parser, project.tree)?.useCases ?? []).some((field) => field.name === handler.pascal)) {
        postSteps.push(...(await addUsecaseOperation(handler.pascal).apply(project)).postSteps);
      }
      const signature = readHandlerSignature(parser, project, handler);
      await addConsumerRuntime(project, broker);
      if (existing === null) {
        const mapping = readInputMapping(parser, project.tree, project.spec.module, event, signature.inputType);
        renderTemplateFolder(project.tree, 'go/consumer', {
          ...goTemplateContext(project.spec, []),
          event: { ...event, kebab: event.snake.replaceAll('_', '-') },
          broker,
          handler,
          type: eventType(event),
          ...signature,
          mapping,
        });
        fillInputMapping(parser, project.tree, `${broker.dir}/${event.snake}_consumer.go`, `${handler.camel}Input`, signature.inputType, mapping);
      }
      await wireConsumer(project, broker, event, handler, goTemplateContext(project.spec, []).metrics.prometheus);
      await applyInbox(project.tree, goTemplateContext(project.spec, []));
      const { addAsyncApiEvent, ASYNCAPI_FILE } = await import('../../../file-edits/asyncapi-add-event.js');
      addAsyncApiEvent(project.tree, ASYNCAPI_FILE, {
        ...asyncApiEntry(project.spec.name.kebab, event),
        receiver: { operation: `${handler.camel}Receives${event.pascal}`, useCase: handler.pascal },
      });
      // A document this consumer started gets the server too.
      documentBroker(project.tree, project.spec.name.kebab, broker.name);
      return { postSteps, verifier: goVerifier() };
    },
  };
}

function checkedName(kind: 'event' | 'use case', name: string, example: string): GoTypeName {
  const checked = validateTypeName(kind, name, example);
  const idiomatic = idiomaticName(checked.pascal);
  if (idiomatic !== null) {
    throw new UsageError(`invalid ${kind} name ${checked.pascal}: Go writes it ${idiomatic}, initialisms in one case (the service's linter rejects the other spelling)`, `use ${idiomatic}`);
  }
  return checked;
}

/** The broker of the service's manifest, when its adapter is there and consumers are generated for it. */
function requireBroker(project: Project, event: GoTypeName): ConsumerBroker {
  const name = project.manifest.choices.messaging;
  if (isConsumerBroker(name) && project.tree.exists(CONSUMER_BROKERS[name].adapterFile)) return CONSUMER_BROKERS[name];
  throw new UsageError(
    `the service has no broker to consume ${event.pascal} from`,
    `add one with svc add adapter nats (or kafka, or rabbitmq), then run svc add consumer ${event.pascal} again`,
  );
}

function requireEvent(parser: GoParser, project: Project, event: GoTypeName): void {
  const names = [event.pascal, `${event.pascal}Type`, `${event.pascal}Version`];
  const found = findDeclarations(parser, project.tree, DOMAIN_DIR, 'domain', names);
  const missing = names.filter((name) => !found.has(name));
  if (missing.length > 0) {
    throw new UsageError(
      `the event ${event.pascal} is not declared: ${DOMAIN_DIR} has no ${missing.join(', ')}`,
      `declare it first: svc add event ${event.pascal}`,
    );
  }
}

/** The runner interface's handler (camel case) of the event's consumer from an earlier add, or null. */
function existingHandler(parser: GoParser, project: Project, broker: ConsumerBroker, event: GoTypeName): string | null {
  const file = `${broker.dir}/${event.snake}_consumer.go`;
  const found = findDeclarations(parser, project.tree, broker.dir, broker.package, [`Open${event.pascal}Consumer`]);
  if (!found.has(`Open${event.pascal}Consumer`)) return null;
  const text = project.tree.read(file) ?? '';
  const runner = readRunnerNames(parser, file, text);
  return runner[0] ?? '';
}

function readRunnerNames(parser: GoParser, file: string, text: string): string[] {
  return readGo(parser, file, text, (doc) =>
    doc.root
      .descendantsOfType('type_spec')
      .map((spec) => spec?.childForFieldName('name')?.text ?? '')
      .filter((name) => name.endsWith('Runner'))
      .map((name) => name.slice(0, -'Runner'.length)),
  );
}
