import type { Project } from '../../../project/load-project.js';
import type { GoEdit } from '../edit/index.js';
import { editGoFile } from '../features/datastore/edits.js';
import { eventType } from './event.js';
import type { GoTypeName } from './names.js';
import type { ConsumerBroker } from '../features/consumer-broker.js';

const CONSUMERS_FILE = 'internal/bootstrap/consumers.go';
const BOOTSTRAP_FILE = 'internal/bootstrap/bootstrap.go';
/** Where the consumers record the events they processed: memory by default (consumers.go), a SQL store's table when there is one (features/inbox.ts). */
const INBOX_FIELD = 'inbox port.Inbox // the events consumers processed: in memory unless a SQL store keeps them';

/**
 * dependencies gets the consumers' inbox, Run calls addConsumers once the application is built
 * (above the HTTP handler's config), and addConsumers opens the event's consumer, registers its
 * readiness check (and its metrics) and appends it to the workers. Each edit is skipped when it is
 * there already.
 */
export async function wireConsumer(project: Project, broker: ConsumerBroker, event: GoTypeName, handler: GoTypeName, prometheus: boolean): Promise<void> {
  const { tree, spec } = project;
  const { alias, label } = broker;
  await editGoFile(tree, BOOTSTRAP_FILE, [
    { kind: 'import', path: `${spec.module}/internal/port` },
    { kind: 'struct-field', struct: 'dependencies', field: INBOX_FIELD },
    {
      kind: 'statement',
      func: 'Run',
      statement: 'if err := addConsumers(ctx, cfg, log, deps, application); err != nil {\n\treturn fail(err)\n}',
      position: 'before-literal',
      literal: 'httpadapter.Config',
      unlessPresent: 'addConsumers',
      paragraph: true,
    },
  ]);
  const consumer = `${event.camel}Consumer`;
  const statements = [
    `${consumer}, err := ${alias}.Open${event.pascal}Consumer(ctx, cfg.${broker.config}, cfg.${broker.configSection}, deps.inbox, application.${handler.pascal}, log)`,
    `if err != nil {\n\treturn fmt.Errorf("consumer of ${eventType(event)}: %w", err)\n}`,
    `deps.checks.RegisterOptional("${label} "+${consumer}.Name(), ${consumer}.Ping)`,
    ...(prometheus ? [`deps.metrics.MustRegister(${consumer}.Collector())`] : []),
    `deps.workers = append(deps.workers, worker{name: "${label} " + ${consumer}.Name(), run: ${consumer}.Run})`,
  ];
  const edits: GoEdit[] = [
    { kind: 'import', path: 'fmt' },
    { kind: 'import', path: `${spec.module}/${broker.dir}`, alias },
    ...statements.map(
      (statement, index): GoEdit => ({
        kind: 'statement',
        func: 'addConsumers',
        statement,
        position: 'before-return',
        paragraph: index === 0,
        ...(index === 0 ? { unlessPresent: `${alias}.Open${event.pascal}Consumer` } : {}),
      }),
    ),
  ];
  await editGoFile(tree, CONSUMERS_FILE, edits);
}
