import { dotCase } from 'change-case';
import type { AddOperation } from '../../../target-contract/add-operation.js';
import { eventCommand } from '../../../choices/event-command.js';
import { UsageError } from '../../../errors.js';
import type { NewEvent } from '../../../file-edits/asyncapi-add-event.js';
import type { Project } from '../../../project/load-project.js';
import { renderTemplateFolder } from '../../../render/template-folder.js';
import { goTemplateContext } from '../context.js';
import { loadGoParser, type GoParser } from '../edit/parser.js';
import { findDeclarations } from '../inspect/project-model.js';
import { useGoModulePath } from '../go-project.js';
import { goVerifier } from '../verify/go-verifier.js';
import { readBroker } from '../inspect/events.js';
import { documentBroker } from './asyncapi-broker.js';
import { sampleEvent } from './sample-event.js';
import { applyPublishPlan, planPublish } from './event-from.js';
import { idiomaticName, validateTypeName, type GoTypeName } from './names.js';
import { PackageScope, type PackageAddition } from './package-scope.js';

const DOMAIN_DIR = 'internal/domain';
/** Where the event port lives; a service without the sample gets it, and the envelope, from the first event. */
const EVENT_PORT_FILE = 'internal/port/event_publisher.go';
const EVENT_SCHEMA_VERSION = 1;

/** The names an event declares in package domain: the payload, its type and version, its constructor. */
export function eventDeclarations(event: GoTypeName): string[] {
  return [event.pascal, `${event.pascal}Type`, `${event.pascal}Version`, `New${event.pascal}`];
}

/** `OrderShipped` -> `order.shipped`: the event's type, its channel in api/asyncapi.yaml. */
export function eventType(event: GoTypeName): string {
  return dotCase(event.pascal);
}

/** The event's entry in api/asyncapi.yaml, before its sender or receiver. */
export function asyncApiEntry(serviceName: string, event: GoTypeName): NewEvent {
  return { serviceName, type: eventType(event), pascal: event.pascal, words: event.words, schemaVersion: EVENT_SCHEMA_VERSION };
}

export interface AddEventOptions {
  /** A use case of App that publishes the event after its work. */
  from?: string;
}

/**
 * `svc add event <Name> [--from UseCase]`: internal/domain/<snake>_event.go (the payload struct the user fills, its
 * type and schema version 1, and New<Name> building the domain.Event envelope) with its test, and
 * the event's channel, message and payload schema in api/asyncapi.yaml (created on the first
 * event). With --from, the use case publishes it (event-from.ts) and the document gets its `send`
 * operation. The same add twice changes nothing; a name the domain already uses elsewhere is refused.
 */
export function addEventOperation(name: string, options: AddEventOptions = {}): AddOperation {
  return {
    command: eventCommand(name, options),
    async apply(project) {
      useGoModulePath(project);
      const event = validateTypeName('event', name, 'OrderShipped');
      const idiomatic = idiomaticName(event.pascal);
      if (idiomatic !== null) {
        throw new UsageError(`invalid event name ${event.pascal}: Go writes it ${idiomatic}, initialisms in one case (the service's linter rejects the other spelling)`, `svc add event ${idiomatic}`);
      }
      if (event.pascal === 'Event') throw new UsageError('invalid event name Event: domain.Event is the envelope every event travels in', 'name what happened, e.g. svc add event OrderShipped');
      const from = options.from === undefined ? undefined : validateTypeName('use case', options.from, 'ShipOrder');
      const parser = await loadGoParser();
      // Planned before anything is staged: a refusal leaves the tree as it was.
      const publish = from === undefined ? undefined : planPublish(parser, project, event, from);
      const declaredIn = declaringFile(parser, project, event);
      if (declaredIn === null) addEventType(parser, project, event);
      else if (declaredIn !== eventFile(event) && publish !== undefined && !publish.publishes) {
        // The sample's order.placed (or a user's event) has a constructor of its own shape.
        throw new UsageError(
          `${event.pascal} is declared in ${declaredIn}, not by svc add event, so --from ${publish.useCase} cannot tell how to build it`,
          `publish it from ${publish.useCase} by hand with New${event.pascal}, as the use cases that publish it do`,
        );
      }
      if (publish !== undefined) applyPublishPlan(parser, project, publish);
      const { addAsyncApiEvent, ASYNCAPI_FILE } = await import('../../../file-edits/asyncapi-add-event.js');
      // The document is about every event the service publishes: the sample's comes first.
      if (!project.tree.exists(ASYNCAPI_FILE)) {
        const sample = sampleEvent(parser, project.tree);
        if (sample !== null) addAsyncApiEvent(project.tree, ASYNCAPI_FILE, { serviceName: project.spec.name.kebab, ...sample });
      }
      addAsyncApiEvent(project.tree, ASYNCAPI_FILE, {
        ...asyncApiEntry(project.spec.name.kebab, event),
        ...(from === undefined ? {} : { sender: { operation: `${from.camel}Sends${event.pascal}`, useCase: from.pascal } }),
      });
      // The broker's server and its bindings on every channel, the new one included.
      const broker = readBroker(parser, project.tree, project.spec.module);
      if (broker !== null) documentBroker(project.tree, project.spec.name.kebab, broker);
      return { postSteps: [], verifier: goVerifier() };
    },
  };
}

function eventFile(event: GoTypeName): string {
  return `${DOMAIN_DIR}/${event.snake}_event.go`;
}

/**
 * The file declaring the event when every name an event declares is in package domain: its own
 * file after an earlier add, order_events.go for the sample's order.placed, or a user's file. Null
 * when any is missing (a part of them is a clash, which addEventType refuses).
 */
function declaringFile(parser: GoParser, project: Project, event: GoTypeName): string | null {
  const found = findDeclarations(parser, project.tree, DOMAIN_DIR, 'domain', eventDeclarations(event));
  const files = eventDeclarations(event).map((declared) => found.get(declared));
  if (files.some((file) => file === undefined || file.endsWith('_test.go'))) return null;
  return found.get(`New${event.pascal}`) ?? null;
}

function addEventType(parser: GoParser, project: Project, event: GoTypeName): void {
  const { tree, spec } = project;
  const file = eventFile(event);
  const testFile = file.replace(/\.go$/, '_test.go');
  const additions: PackageAddition[] = [
    { dir: DOMAIN_DIR, pkg: 'domain', declares: eventDeclarations(event), imports: [{ name: 'time', path: 'time' }], creates: [file] },
    {
      dir: DOMAIN_DIR,
      pkg: 'domain_test',
      declares: [`TestNew${event.pascal}`],
      imports: ['encoding/json', 'testing', 'time'].map((path) => ({ name: path.split('/').at(-1) ?? path, path })).concat({ name: 'domain', path: `${spec.module}/internal/domain` }),
      creates: [testFile],
    },
  ];
  const scope = new PackageScope(parser, tree);
  const problems = [...new Set(additions.flatMap((addition) => scope.collisions(addition)))];
  if (problems.length > 0) {
    throw new UsageError(`the event ${event.pascal} cannot be added: ${problems.join('; ')}`, 'choose another event name, or rename or move what is in the way');
  }
  ensureEnvelope(parser, project);
  renderTemplateFolder(tree, 'go/event', { module: spec.module, event, type: eventType(event) });
}

/** domain.Event and NewEvent, with port.EventPublisher, as the sample and the nats add have them. */
function ensureEnvelope(parser: GoParser, project: Project): void {
  const { tree, spec } = project;
  if (findDeclarations(parser, tree, DOMAIN_DIR, 'domain', ['Event', 'NewEvent']).size === 2) return;
  if (tree.exists(EVENT_PORT_FILE)) {
    throw new UsageError(
      `${DOMAIN_DIR} declares no Event envelope and NewEvent, which ${EVENT_PORT_FILE} and every event need`,
      'restore internal/domain/event.go (as create-service generates it), then run the command again',
    );
  }
  renderTemplateFolder(tree, 'go/events', goTemplateContext(spec, []));
}
