import { renderTemplateFolder } from '../../../render/template-folder.js';
import { filesIn } from '../../../tree/files-in.js';
import type { Tree } from '../../../tree/tree.js';
import { addWorkerTestHelper } from './worker-test-helper.js';
import { addTextBlock } from './block-order.js';
import { AnchorNotFoundError, loadGoParser, type GoEdit } from '../edit/index.js';
import { goRequirements } from '../go-modules.js';
import { readAdapterFacts } from '../inspect/adapter-presence.js';
import { openedVariable } from '../inspect/opened-variable.js';
import { addConfigSection } from './datastore/config-section.js';
import { bindCompositionRoot, wiringStatements, type RootBinding, type RootRequest } from './datastore/composition-root.js';
import type { GoContext } from './datastore/context.js';
import { addGoRequirements } from './datastore/edits.js';
import { editGoFile } from './datastore/edits.js';
import { MIGRATIONS, nextMigrationVersion } from './migration-version.js';

/** The broker adapters whose publisher the relay takes, through port.EventPublisher only. */
const BROKERS = ['nats', 'kafka', 'rabbitmq'] as const;

const OUTBOX_MIGRATION = '_create_outbox.sql';

/**
 * The transactional outbox, once a service has both postgres and a broker: the outbox table (the
 * next free migration number), `postgres.Outbox` as the sample's event publisher (so CreateOrder's
 * event commits with its order), and `postgres.OutboxRelay` publishing the rows through the
 * broker's publisher as a background worker. The postgres and broker features both call it last,
 * so create and either order of adds give the same bytes; it does nothing until both are there,
 * and nothing again once the migration exists.
 */
export async function applyOutbox(tree: Tree, context: GoContext): Promise<void> {
  const { module } = context;
  const parser = await loadGoParser();
  const present = (store: string) => {
    const facts = readAdapterFacts(parser, tree, module, store);
    return facts.package && facts.openedIn !== null;
  };
  const broker = BROKERS.find(present);
  if (broker === undefined || !present('postgres')) return;
  const migrations = filesIn(tree, MIGRATIONS, '.sql');
  if (migrations.some((file) => file.endsWith(OUTBOX_MIGRATION))) return;

  renderTemplateFolder(tree, 'go/postgres/outbox', { ...context, outboxVersion: nextMigrationVersion(migrations) });
  addWorkerTestHelper(tree, context);
  addGoRequirements(tree, goRequirements.outbox);
  await addConfigSection(tree, 'Outbox');
  await wireOutbox(tree, module, broker, context.example, context.metrics.prometheus);
  addTextBlock(tree, '.env.example', ENV_EXAMPLE);
  addTextBlock(tree, 'README.md', README(context.example, context.metrics.prometheus));
}

function statements(binding: RootBinding, db: string, publisher: string, prometheus: boolean): string[] {
  const { adapter, cfg, log, deps, variable: relay } = binding;
  return [
    `${relay} := ${adapter.name}.NewOutboxRelay(${db}, ${publisher}, ${cfg}.Outbox, ${log})`,
    `${deps}.workers = append(${deps}.workers, worker{"outbox relay", ${relay}.Run})`,
    ...(prometheus ? [`${deps}.metrics.MustRegister(${relay}.Collector())`] : []),
  ];
}

async function wireOutbox(tree: Tree, module: string, broker: string, sample: boolean, prometheus: boolean): Promise<void> {
  const parser = await loadGoParser();
  const wanted: RootRequest = { store: 'postgres', variable: ['relay', 'outboxRelay'], needs: ['cfg', 'log', 'deps'], manual: () => '' };
  const binding = bindCompositionRoot(parser, tree, module, wanted);
  const { site } = binding;
  const text = tree.read(site.file) ?? '';
  const db = openedVariable(parser, site.file, text, site.func, `${binding.adapter.name}.Open`);
  const publisher = openedVariable(parser, site.file, text, site.func, `${broker}.Open`);
  const lines = statements(binding, db ?? 'db', publisher ?? 'events', prometheus);
  const outbox = `${binding.adapter.name}.NewOutbox(${db ?? 'db'})`;
  const manual = [...lines, ...(sample ? ['', `(and in the ${site.type}{…} literal)`, `Events: ${outbox},`] : [])].join('\n');
  const events = site.elements.find((element) => element.key === 'Events')?.value ?? null;
  if (db === null || publisher === null || (sample && events !== publisher && events !== outbox)) {
    throw new AnchorNotFoundError(site.file, {
      problem: 'wrong-kind',
      reason:
        db === null || publisher === null
          ? `${site.func} does not bind the results of postgres.Open and ${broker}.Open to variables, so the relay cannot be given them`
          : `Events is set to ${events ?? 'nothing'}, not the ${broker} publisher ${publisher}, and svc never replaces a publisher chosen by hand`,
      where: `in ${site.func} (${site.file}), above the statement that builds the ${site.type}{…} literal`,
      manualSnippet: manual,
    });
  }
  const edits: GoEdit[] = wiringStatements(binding, lines);
  if (sample) edits.push({ kind: 'set-keyed-value', func: site.func, type: site.type, key: 'Events', value: outbox, replace: publisher });
  await editGoFile(tree, site.file, edits);
}

const ENV_EXAMPLE = `# Transactional outbox: the relay that publishes stored events to the broker.
OUTBOX_BATCH_SIZE=100
OUTBOX_POLL_INTERVAL=100ms
OUTBOX_MAX_BACKOFF=30s
`;

const README = (sample: boolean, prometheus: boolean) => `## Transactional outbox

With PostgreSQL and a broker, events are not published by the use case but written to the
\`outbox\` table in the transaction of its own writes (\`port.Transactor\`, \`postgres.Outbox\`)${sample ? ':\nCreateOrder stores the order and its `order.placed` row together, or neither' : ''}. A background
worker, \`postgres.OutboxRelay\`, publishes the committed rows through \`port.EventPublisher\` and
deletes them once the broker has acknowledged them.

**What is guaranteed.** Every committed event is published **at least once**: a relay that stops
between the broker's acknowledgement and its delete publishes those events again, with the same
event ID (JetStream drops a repeat within its duplicate window; consumers deduplicate by ID).
Events of one aggregate key are published in the order they were written, also with several
replicas: each poll locks the oldest row of each key (\`FOR UPDATE SKIP LOCKED\`), and a row is
eligible only while no older row of its key is left, so one relay at a time owns a key. While the
broker fails, the relay pauses from \`OUTBOX_POLL_INTERVAL\` doubling with jitter up to
\`OUTBOX_MAX_BACKOFF\`, and the backlog waits in the table.${prometheus ? '\nMetrics: `outbox_backlog_events`, `outbox_oldest_event_age_seconds`,\n`outbox_events_relayed_total` and `outbox_relay_failures_total`.' : ''}

| Variable | Default | Meaning |
|---|---|---|
| \`OUTBOX_BATCH_SIZE\` | \`100\` | Most events one poll publishes |
| \`OUTBOX_POLL_INTERVAL\` | \`100ms\` | Pause between polls of an empty outbox; first pause after a failure |
| \`OUTBOX_MAX_BACKOFF\` | \`30s\` | Longest pause while the database or broker fails |
`;
