import { renderTemplateFolder } from '../../../render/template-folder.js';
import { filesIn } from '../../../tree/files-in.js';
import type { Tree } from '../../../tree/tree.js';
import { appendTextBlock } from '../../../file-edits/text-block.js';
import { loadGoParser } from '../edit/index.js';
import { readAdapterFacts } from '../inspect/adapter-presence.js';
import { openedVariable } from '../inspect/opened-variable.js';
import { bindCompositionRoot, wiringStatements, type RootRequest } from './datastore/composition-root.js';
import type { GoContext } from './datastore/context.js';
import { editGoFile } from './datastore/edits.js';
import { MIGRATIONS, nextMigrationVersion } from './migration-version.js';
import { CONSUMER_BROKERS } from '../add/consumer-broker.js';

const INBOX_MIGRATION = '_create_processed_messages.sql';

/**
 * The consumers' inbox in PostgreSQL, once a service has both postgres and a consumer: the
 * processed_messages table (the next free migration number), `postgres.Inbox`, and
 * `deps.inbox = postgres.NewInbox(db)` in the composition root, which replaces the in-memory
 * default of internal/bootstrap/consumers.go. `svc add consumer` and the postgres feature both call
 * it last (the postgres feature after the outbox), so either order gives the same bytes; it does
 * nothing until both are there, and nothing again once the migration exists.
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
  if (migrations.some((file) => file.endsWith(INBOX_MIGRATION))) return;

  const inboxContext = { ...context, inboxVersion: nextMigrationVersion(migrations) };
  renderTemplateFolder(tree, 'go/postgres/inbox', inboxContext);
  renderTemplateFolder(tree, `go/postgres/inbox-${broker.name}`, inboxContext);
  await wireInbox(tree, module, parser);
  appendTextBlock(tree, 'README.md', README);
}

async function wireInbox(tree: Tree, module: string, parser: Awaited<ReturnType<typeof loadGoParser>>): Promise<void> {
  const wanted: RootRequest = { store: 'postgres', variable: ['inbox'], needs: ['deps'], manual: (binding) => line(binding.deps, binding.adapter.name, 'db') };
  const binding = bindCompositionRoot(parser, tree, module, wanted);
  const { site } = binding;
  const db = openedVariable(parser, site.file, tree.read(site.file) ?? '', site.func, `${binding.adapter.name}.Open`) ?? 'db';
  await editGoFile(tree, site.file, wiringStatements(binding, [line(binding.deps, binding.adapter.name, db)]));
}

const line = (deps: string, adapter: string, db: string) => `${deps}.inbox = ${adapter}.NewInbox(${db})`;

const README = `## Processed events in PostgreSQL

The consumers record each event they handle in the \`processed_messages\` table
(\`postgres.Inbox\`), in the transaction of the use case they run: the row commits with the use
case's writes, or, when it fails, neither is kept and the retry runs it again. An event delivered
again after its commit (a lost acknowledgement, a producer's retry, another replica) finds the row
and is acknowledged without running the use case, across restarts and replicas. What the use case
does outside PostgreSQL (a call to another service, another store) is not in that transaction: it
can run again when the commit fails after it. The table keeps
one row per consumer and event; delete old rows by \`processed_at\` once no redelivery can reach
them (beyond the stream's retention).
`;
