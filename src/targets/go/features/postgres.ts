import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import { goRequirements } from '../go-modules.js';
import { addConfigSection } from './datastore/config-section.js';
import { createTarget, type AdapterTarget, type GoContext } from './datastore/context.js';
import { addGoRequirements } from './datastore/edits.js';
import { addMigrateCommand } from './datastore/migrate-command.js';
import { wireSqlStore, sqlWiringLines, type SqlStore } from './datastore/sql-wiring.js';
import { datastorePresence } from './datastore/presence.js';
import { addRequiredVar, addStoreEndToEndVars } from './datastore/test-env.js';
import { addTextBlock } from './block-order.js';
import { addCiServiceContainer } from '../../../file-edits/ci-services.js';
import { addComposePostgres } from '../../../file-edits/compose-services.js';
import { addK8sPostgresEnv } from '../../../file-edits/k8s-env.js';
import type { GoFeature } from './feature.js';
import { applyInbox } from './inbox.js';
import { applyOutbox } from './outbox.js';

/**
 * PostgreSQL: a pgx pool opened and pinged at start, goose migrations embedded in the binary
 * (run at start and by the `migrate` subcommand), a repository for the sample port, readiness
 * check, release at shutdown, config, compose service and k8s env. Create (--datastore postgres)
 * and `svc add adapter postgres` both run applyPostgres, so they give the same bytes.
 */
export const postgresFeature: GoFeature = {
  id: 'postgres',
  enabled: (spec) => spec.choices.datastore.includes('postgres'),
  requires: () => ['postgres'],
  apply: (tree, template) => applyPostgres(tree, template as GoContext, createTarget(template as GoContext)),
};

const POSTGRES: SqlStore = { store: 'postgres', section: 'Postgres' };

export async function applyPostgres(tree: Tree, context: GoContext, target: AdapterTarget): Promise<void> {
  const { module, name } = context;
  if ((await datastorePresence(tree, module, 'postgres', () => sqlWiringLines(tree, module, POSTGRES, target.port === 'OrderRepository'))) === 'present') return;
  renderTemplateFolder(tree, 'go/integration', context);
  renderTemplateFolder(tree, 'go/postgres/core', context);
  if (target.port === 'OrderRepository') renderTemplateFolder(tree, 'go/postgres/orders', context);
  addGoRequirements(tree, goRequirements.postgres);

  await addConfigSection(tree, 'Postgres');
  await addRequiredVar(tree, 'POSTGRES_URL', `postgres://${name}@localhost:5432/${name}`);
  await wireSqlStore(tree, module, POSTGRES, target.port === 'OrderRepository');
  await addMigrateCommand(tree, name);
  await addStoreEndToEndVars(tree, name, module, 'postgres');

  addComposePostgres(tree, name);
  addCiServiceContainer(tree, 'postgres');
  addK8sPostgresEnv(tree, name, `${name} migrate`);
  addTextBlock(tree, '.env.example', ENV_EXAMPLE(name));
  addTextBlock(tree, 'README.md', README(name, target.port !== null));
  await applyOutbox(tree, context);
  await applyInbox(tree, context);
}

const ENV_EXAMPLE = (name: string) => `# PostgreSQL (required). The password is part of the URL: keep real ones out of version control.
POSTGRES_URL=postgres://${name}:${name}@localhost:5432/${name}?sslmode=disable
# Connection pool bounds, and the time allowed for each new connection.
POSTGRES_MAX_CONNS=10
POSTGRES_MIN_CONNS=0
POSTGRES_CONNECT_TIMEOUT=5s
# Apply pending migrations (migrations/*.sql) at start. Set to false when a deployment step
# runs \`${name} migrate\` first.
POSTGRES_MIGRATE_ON_START=true
`;

const README = (name: string, sample: boolean) => `## PostgreSQL

\`internal/adapter/postgres\` ${sample ? 'stores orders in PostgreSQL through' : 'holds'} a pgx pool${sample ? '' : ' for the repositories you add'}. It is opened and
pinged at start (a wrong \`POSTGRES_URL\` stops the service at once), checked by \`/readyz\` and
closed at shutdown. The schema lives in \`migrations/\` as numbered goose SQL files, embedded in
the binary: the service applies pending ones at start (\`POSTGRES_MIGRATE_ON_START\`), under an
advisory lock so replicas take turns, and \`${name} migrate\` applies them as a separate step.
Add a change as the next numbered file; never edit a migration that has run somewhere.

| Variable | Default | Meaning |
|---|---|---|
| \`POSTGRES_URL\` | required | \`postgres://user:password@host:5432/db\` |
| \`POSTGRES_MAX_CONNS\` / \`POSTGRES_MIN_CONNS\` | \`10\` / \`0\` | Pool bounds |
| \`POSTGRES_CONNECT_TIMEOUT\` | \`5s\` | Time allowed for each new connection |
| \`POSTGRES_MIGRATE_ON_START\` | \`true\` | Apply pending migrations at start |

The integration tests (\`internal/adapter/postgres\`, \`cmd/${name}\`) run against a real server,
each in a schema of its own: \`POSTGRES_TEST_URL=postgres://postgres@localhost:5432/postgres?sslmode=disable make test\`.
Without it they are skipped, unless \`CI\` or \`REQUIRE_INTEGRATION\` is set: then they fail.
`;
