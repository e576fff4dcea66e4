import type { Tree } from '../../../../tree/tree.js';
import { AnchorNotFoundError, loadGoParser, type GoEdit } from '../../edit/index.js';
import { expressionCallees } from '../../inspect/go-scope.js';
import { bindCompositionRoot, importEdits, manualWiring, wiringStatements, type RootBinding, type RootRequest } from './composition-root.js';
import { editGoFile } from './edits.js';

/** A broker behind port.EventPublisher: its adapter package (internal/adapter/<store>) and its config.Config section. */
export type Broker = 'nats' | 'kafka' | 'rabbitmq';
const CONFIG_SECTION: Record<Broker, string> = { nats: 'NATS', kafka: 'Kafka', rabbitmq: 'RabbitMQ' };

/**
 * The publisher opened, checked and closed in the composition root (and its collector registered),
 * with its names. The broker is required: Open failing fails the start.
 */
function statements({ ctx, cfg, log, deps, zero, fmt, adapter, variable: pub }: RootBinding, broker: Broker, prometheus: boolean): string[] {
  return [
    `${pub}, err := ${adapter.name}.Open(${ctx}, ${cfg}.${CONFIG_SECTION[broker]}, ${log})`,
    `if err != nil {\n\treturn ${zero}, ${fmt.name}.Errorf("${broker}: %w", err)\n}`,
    `${deps}.checks.RegisterOptional("${broker}", ${pub}.Ping)`,
    `${deps}.closers = append(${deps}.closers, closer{"${broker}", ${pub}.Close})`,
    ...(prometheus ? [`${deps}.metrics.MustRegister(${pub}.Collector())`] : []),
  ];
}

function request(broker: Broker, sample: boolean, prometheus: boolean): RootRequest {
  return {
    store: broker,
    variable: ['events', 'publisher', `${broker}Publisher`],
    needs: ['ctx', 'cfg', 'log', 'deps'],
    manual: (binding) => {
      const lines = manualWiring(binding, statements(binding, broker, prometheus), null);
      return sample ? `${lines}\n\n(and in the ${binding.site.type}{…} literal)\nEvents: ${binding.variable},` : lines;
    },
  };
}

/**
 * Opens the publisher in the function that builds app.Ports, above the statement holding the
 * literal, and (with the sample) publishes the events through it in place of the in-memory
 * publisher. A value of Events the user chose is never replaced: the add stops with the lines to
 * write.
 */
export async function wireNats(tree: Tree, module: string, sample: boolean, prometheus: boolean): Promise<void> {
  await wireBroker(tree, module, 'nats', sample, prometheus);
}

/** wireNats for any broker: the same lines with its package, config section and names. */
export async function wireBroker(tree: Tree, module: string, broker: Broker, sample: boolean, prometheus: boolean): Promise<void> {
  const parser = await loadGoParser();
  const wanted = request(broker, sample, prometheus);
  const binding = bindCompositionRoot(parser, tree, module, wanted);
  const edits: GoEdit[] = [...importEdits(binding.fmt, binding.adapter), ...wiringStatements(binding, statements(binding, broker, prometheus))];
  if (sample) edits.push(...eventsEdits(binding, wanted, module, expressionCallees(parser, eventsValue(binding) ?? '') ?? []));
  await editGoFile(tree, binding.site.file, edits);
}

/** The lines `wireNats` would add, with the names it would use, for messages. */
export async function natsWiringLines(tree: Tree, module: string, sample: boolean, prometheus: boolean): Promise<string> {
  return brokerWiringLines(tree, module, 'nats', sample, prometheus);
}

export async function brokerWiringLines(tree: Tree, module: string, broker: Broker, sample: boolean, prometheus: boolean): Promise<string> {
  const parser = await loadGoParser();
  const wanted = request(broker, sample, prometheus);
  try {
    return wanted.manual(bindCompositionRoot(parser, tree, module, wanted));
  } catch (error) {
    if (error instanceof AnchorNotFoundError) return error.manualSnippet;
    throw error;
  }
}

function eventsValue(binding: RootBinding): string | null {
  return binding.site.elements.find((element) => element.key === 'Events')?.value ?? null;
}

function eventsEdits(binding: RootBinding, wanted: RootRequest, module: string, callees: readonly string[]): GoEdit[] {
  const { site, memory } = binding;
  const events = eventsValue(binding);
  const inMemory = memory === null ? null : `${memory}.NewEventPublisher`;
  if (events === null || inMemory === null || !callees.includes(inMemory) || events !== `${inMemory}()`) {
    throw new AnchorNotFoundError(site.file, {
      problem: 'wrong-kind',
      reason:
        events === null
          ? `the ${site.type}{…} literal of ${site.func} does not set Events, so there is no publisher to replace`
          : `Events is set to ${events}, not ${inMemory ?? 'memory.NewEventPublisher'}(), and svc never replaces a publisher chosen by hand`,
      where: `in ${site.func} (${site.file}), above the statement that builds the ${site.type}{…} literal, and Events in that literal`,
      manualSnippet: wanted.manual(binding),
    });
  }
  return [
    { kind: 'set-keyed-value', func: site.func, type: site.type, key: 'Events', value: binding.variable, replace: events },
    { kind: 'remove-unused-import', path: `${module}/internal/adapter/memory` },
  ];
}
