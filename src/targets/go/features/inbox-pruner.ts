import { renderTemplateFolder } from '../../../render/template-folder.js';
import { filesIn } from '../../../tree/files-in.js';
import type { Tree } from '../../../tree/tree.js';
import { addConfigSection } from './datastore/config-section.js';
import type { GoContext } from './datastore/context.js';
import { MIGRATIONS, nextMigrationVersion } from './migration-version.js';

const PRUNER_FILE = 'internal/adapter/postgres/inbox_pruner.go';
const CONFIG_FILE = 'internal/platform/config/inbox.go';
const INDEX_MIGRATION = '_index_processed_messages_processed_at.sql';

/**
 * The files of `postgres.InboxPruner` beside the inbox: the pruner, its config section Inbox and the
 * migration indexing processed_at. Each part is added when it is missing, so a service whose inbox
 * predates the pruner gets it from the next add, and one that has it is left as it is. Its wiring
 * goes with the inbox's (inbox.ts), in the same paragraph.
 */
export async function addInboxPrunerFiles(tree: Tree, context: GoContext): Promise<void> {
  if (!tree.exists(PRUNER_FILE)) renderTemplateFolder(tree, 'go/postgres/inbox-pruner/adapter', context);
  if (!tree.exists(CONFIG_FILE)) renderTemplateFolder(tree, 'go/postgres/inbox-pruner/config', context);
  await addConfigSection(tree, 'Inbox');
  const migrations = filesIn(tree, MIGRATIONS, '.sql');
  if (!migrations.some((file) => file.endsWith(INDEX_MIGRATION))) {
    // The next free number: the table's migration may have run already, so the index is a file of its own.
    renderTemplateFolder(tree, 'go/postgres/inbox-pruner/index', { ...context, pruneVersion: nextMigrationVersion(migrations) });
  }
}
