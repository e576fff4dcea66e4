import { renderTemplateFolder } from '../../../render/template-folder.js';
import { filesIn } from '../../../tree/files-in.js';
import type { Tree } from '../../../tree/tree.js';
import { addTextBlock } from './block-order.js';
import { loadGoParser, type GoParser } from '../edit/index.js';
import { readAdapterFacts } from '../inspect/adapter-presence.js';
import { openedVariable } from '../inspect/opened-variable.js';
import { bindCompositionRoot, wiringStatements, type RootBinding, type RootRequest } from './datastore/composition-root.js';
import type { GoContext } from './datastore/context.js';
import { editGoFile } from './datastore/edits.js';
import { MIGRATIONS, nextMigrationVersion } from './migration-version.js';
import { addInboxPrunerFiles } from './inbox-pruner.js';
import { CONSUMER_BROKERS } from './consumer-broker.js';
import { addWorkerTestHelper } from './worker-test-helper.js';

const INBOX_MIGRATION = '_create_processed_messages.sql';

/**
 * The consumers' inbox in PostgreSQL, once a service has both postgres and a consumer: the
 * processed_messages table (the next free migration number), `postgres.Inbox`, and
 * `deps.inbox = postgres.NewInbox(db)` in the composition root, which replaces the in-memory
 * default of internal/bootstrap/consumers.go; and `postgres.InboxPruner` as a worker beside it.
 * `svc add consumer` and the postgres feature both call it last (the postgres feature after the
 * outbox), so either order gives the same bytes; it does nothing until both are there. Each part
 * is added when it is missing, so a service whose inbox came from an older version of the tool
 * gets what that version did not write, and a complete one is left unchanged.
 */
export async function applyInbox(tree: Tree, context: GoContext): Promise<void> {
  const { module } = context;
  // The consumer runtime's file means a consumer was added; the inbox's test runs that consumer.
  const broker = Object.values(CONSUMER_BROKERS).find((candidate) => tree.exists(candidate.runtimeFile));
  if (broker === undefined) return;
  const parser = await loadGoParser();
  const facts = readAdapterFacts(parser, tree, module, 'postgres');
  if (!facts.package || facts.openedIn === null) return;
  const migrations = filesIn(tree, MIGRATIONS, '.sql');
  if (!migrations.some((file) => file.endsWith(INBOX_MIGRATION))) {
    const inboxContext = { ...context, inboxVersion: nextMigrationVersion(migrations) };
    renderTemplateFolder(tree, 'go/postgres/inbox', inboxContext);
    renderTemplateFolder(tree, `go/postgres/inbox-${broker.name}`, inboxContext);
  }
  await addInboxPrunerFiles(tree, context);
  addWorkerTestHelper(tree, context);
  await wireInbox(tree, module, parser);
  addTextBlock(tree, '.env.example', ENV_EXAMPLE);
  addTextBlock(tree, 'README.md', README);
}

async function wireInbox(tree: Tree, module: string, parser: GoParser): Promise<void> {
  const wanted: RootRequest = { store: 'postgres', variable: ['pruner', 'inboxPruner'], needs: ['cfg', 'log', 'deps'], manual: (binding) => lines(binding, 'db').join('\n') };
  const binding = bindCompositionRoot(parser, tree, module, wanted);
  const { site } = binding;
  const text = tree.read(site.file) ?? '';
  const db = openedVariable(parser, site.file, text, site.func, `${binding.adapter.name}.Open`) ?? 'db';
  // A pruner wired already keeps its name, so its statements are found and not added twice.
  const pruner = openedVariable(parser, site.file, text, site.func, `${binding.adapter.name}.NewInboxPruner`);
  const named = pruner === null ? binding : { ...binding, variable: pruner };
  await editGoFile(tree, site.file, wiringStatements(named, lines(named, db)));
}

/** The inbox replacing the in-memory default, and its pruner as a worker beside the server. */
function lines(binding: RootBinding, db: string): string[] {
  const { adapter, cfg, log, deps, variable: pruner } = binding;
  return [
    `${deps}.inbox = ${adapter.name}.NewInbox(${db})`,
    `${pruner} := ${adapter.name}.NewInboxPruner(${db}, ${cfg}.Inbox, ${log})`,
    `${deps}.workers = append(${deps}.workers, worker{"inbox pruner", ${pruner}.Run})`,
  ];
}

const ENV_EXAMPLE = `# Processed events: how long their records are kept, and how often expired ones are deleted.
# INBOX_RETENTION must exceed the longest time an event can be delivered again.
INBOX_RETENTION=336h
INBOX_PRUNE_INTERVAL=1h
INBOX_PRUNE_BATCH=1000
`;

const README = `## Processed events in PostgreSQL

The consumers record each event they handle in the \`processed_messages\` table
(\`postgres.Inbox\`), in the transaction of the use case they run: the row commits with the use
case's writes, or, when it fails, neither is kept and the retry runs it again. An event delivered
again after its commit (a lost acknowledgement, a producer's retry, another replica) finds the row
and is acknowledged without running the use case, across restarts and replicas. What the use case
does outside PostgreSQL (a call to another service, another store) is not in that transaction: it
can run again when the commit fails after it.

The table keeps one row per consumer and event until \`postgres.InboxPruner\`, a worker beside
the server, deletes it: every \`INBOX_PRUNE_INTERVAL\` it removes the rows older than
\`INBOX_RETENTION\`, \`INBOX_PRUNE_BATCH\` rows per statement, so it never holds many locks for
long. **\`INBOX_RETENTION\` must exceed the redelivery window**, the longest time an event can
be delivered again (for NATS, \`NATS_STREAM_MAX_AGE\`; for Kafka, the topic's retention): an
event delivered after its row is gone runs its use case again.

| Variable | Default | Meaning |
|---|---|---|
| \`INBOX_RETENTION\` | \`336h\` | How long a processed event's record is kept |
| \`INBOX_PRUNE_INTERVAL\` | \`1h\` | Pause between prunes; at most \`INBOX_RETENTION\` |
| \`INBOX_PRUNE_BATCH\` | \`1000\` | Most rows one DELETE removes |
`;
