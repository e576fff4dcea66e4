import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import { goRequirements } from '../go-modules.js';
import { addConfigSection } from './datastore/config-section.js';
import { createTarget, type AdapterTarget, type GoContext } from './datastore/context.js';
import { addGoRequirements } from './datastore/edits.js';
import { addMigrateCommand } from './datastore/migrate-command.js';
import { wireSqlStore, sqlWiringLines, type SqlStore } from './datastore/sql-wiring.js';
import { datastorePresence } from './datastore/presence.js';
import { addStoreEndToEndVars } from './datastore/test-env.js';
import { appendTextBlock } from '../../../file-edits/text-block.js';
import { addTextBlock } from './block-order.js';
import { addComposeSqlite } from '../../../file-edits/compose-services.js';
import { addK8sSqliteVolume } from '../../../file-edits/k8s-env.js';
import type { GoFeature } from './feature.js';

const SQLITE: SqlStore = { store: 'sqlite', section: 'SQLite' };

/** The home of the distroless image's user 65532: a volume mounted there is theirs (compose-services.ts). */
const COMPOSE_DATA_DIR = '/home/nonroot';

/**
 * SQLite: an embedded database file (modernc.org/sqlite, pure Go, so the static image stays
 * static) in WAL mode with one writer connection and a reader pool, goose migrations embedded in
 * the binary (run at start and by the `migrate` subcommand), a repository for the sample port,
 * idempotency keys, readiness check, checkpoint and close at shutdown, config, a compose volume
 * and, in Kubernetes, one replica on a PersistentVolumeClaim. Create (--datastore sqlite) and
 * `svc add adapter sqlite` both run applySqlite, so they give the same bytes.
 */
export const sqliteFeature: GoFeature = {
  id: 'sqlite',
  enabled: (spec) => spec.choices.datastore.includes('sqlite'),
  requires: () => ['sqlite'],
  apply: (tree, template) => applySqlite(tree, template as GoContext, createTarget(template as GoContext)),
};

export async function applySqlite(tree: Tree, context: GoContext, target: AdapterTarget): Promise<void> {
  const { module, name } = context;
  const sample = target.port === 'OrderRepository';
  if ((await datastorePresence(tree, module, 'sqlite', () => sqlWiringLines(tree, module, SQLITE, sample))) === 'present') return;
  renderTemplateFolder(tree, 'go/sqlite/core', context);
  if (sample) renderTemplateFolder(tree, 'go/sqlite/orders', context);
  addGoRequirements(tree, goRequirements.sqlite);

  await addConfigSection(tree, 'SQLite');
  await wireSqlStore(tree, module, SQLITE, sample);
  await addMigrateCommand(tree, name);
  await addStoreEndToEndVars(tree, name, module, 'sqlite');

  addComposeSqlite(tree, name, COMPOSE_DATA_DIR);
  addK8sSqliteVolume(tree, name, `/var/lib/${name}`);
  addTextBlock(tree, '.env.example', ENV_EXAMPLE(name));
  appendTextBlock(tree, '.gitignore', GITIGNORE);
  addTextBlock(tree, 'README.md', README(name, target.port !== null));
}

const GITIGNORE = `# The SQLite database of local runs (SQLITE_PATH), with its write-ahead log.
/data/
`;

const ENV_EXAMPLE = (name: string) => `# SQLite: the database file; its directory is created and must be writable (it also holds the
# write-ahead log). Keep it on a persistent volume in containers.
SQLITE_PATH=data/${name}.db
# How long a statement waits for a lock held by another process (e.g. \`${name} migrate\`).
SQLITE_BUSY_TIMEOUT=5s
# Read-only connections beside the one writer.
SQLITE_MAX_READ_CONNS=4
# Apply pending migrations (migrations/*.sql) at start. Set to false when a deployment step
# runs \`${name} migrate\` first.
SQLITE_MIGRATE_ON_START=true
`;

const README = (name: string, sample: boolean) => `## SQLite

\`internal/adapter/sqlite\` ${sample ? 'stores orders in' : 'holds'} an SQLite database file${sample ? '' : ' for the repositories you add'}, through
modernc.org/sqlite (pure Go: the binary stays static, no cgo). The database runs in WAL mode with
foreign keys on: writes go through one connection (SQLite has one writer; they queue in Go, up to
each request's deadline), reads through a pool of read-only connections that never wait for the
writer. It is opened and checked at start (a path that cannot be written stops the service at
once), checked by \`/readyz\`, and checkpointed and closed at shutdown. A lock held by another
process beyond \`SQLITE_BUSY_TIMEOUT\`, or a failing disk, answers 503 with Retry-After. The schema
lives in \`migrations/\` as numbered goose SQL files, embedded in the binary: the service applies
pending ones at start (\`SQLITE_MIGRATE_ON_START\`), and \`${name} migrate\` applies them as a
separate step. Add a change as the next numbered file; never edit a migration that has run somewhere.

| Variable | Default | Meaning |
|---|---|---|
| \`SQLITE_PATH\` | \`data/${name}.db\` | The database file; its directory must be writable |
| \`SQLITE_BUSY_TIMEOUT\` | \`5s\` | Wait for a lock held by another process |
| \`SQLITE_MAX_READ_CONNS\` | \`4\` | Read-only connections beside the writer |
| \`SQLITE_MIGRATE_ON_START\` | \`true\` | Apply pending migrations at start |

One process owns the file: run a single replica with the file on a persistent volume (compose
mounts the \`sqlite-data\` volume; \`deploy/k8s\` runs one replica on a PersistentVolumeClaim,
replaced with the Recreate strategy, without the autoscaler). Do not put the file on a network
file system (NFS, SMB), whose locks SQLite cannot trust. When the service needs more than one
replica, several writers at once or zero-downtime deploys, use PostgreSQL instead.

The integration tests (\`internal/adapter/sqlite\`, \`cmd/${name}\`) run on a temporary file each, with
nothing to start.
`;
