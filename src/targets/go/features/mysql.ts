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
import { addComposeMysql } from '../../../file-edits/compose-services.js';
import { addK8sMysqlEnv } from '../../../file-edits/k8s-env.js';
import type { GoFeature } from './feature.js';

/**
 * MySQL or MariaDB: a database/sql pool over go-sql-driver/mysql opened and pinged at start, goose
 * migrations in the MySQL dialect embedded in the binary (run at start under GET_LOCK and by the
 * `migrate` subcommand), a repository for the sample port, idempotency keys, readiness check,
 * close at shutdown, config, compose service and k8s env. Create (--datastore mysql) and
 * `svc add adapter mysql` both run applyMysql, so they give the same bytes.
 */
export const mysqlFeature: GoFeature = {
  id: 'mysql',
  enabled: (spec) => spec.choices.datastore.includes('mysql'),
  requires: () => ['mysql'],
  apply: (tree, template) => applyMysql(tree, template as GoContext, createTarget(template as GoContext)),
};

const MYSQL: SqlStore = { store: 'mysql', section: 'MySQL' };

export async function applyMysql(tree: Tree, context: GoContext, target: AdapterTarget): Promise<void> {
  const { module, name } = context;
  if ((await datastorePresence(tree, module, 'mysql', () => sqlWiringLines(tree, module, MYSQL, target.port === 'OrderRepository'))) === 'present') return;
  renderTemplateFolder(tree, 'go/integration', context);
  renderTemplateFolder(tree, 'go/mysql/core', context);
  if (target.port === 'OrderRepository') renderTemplateFolder(tree, 'go/mysql/orders', context);
  addGoRequirements(tree, goRequirements.mysql);

  await addConfigSection(tree, 'MySQL');
  await addRequiredVar(tree, 'MYSQL_URL', `mysql://${name}@localhost:3306/${name}`);
  await wireSqlStore(tree, module, MYSQL, target.port === 'OrderRepository');
  await addMigrateCommand(tree, name);
  await addStoreEndToEndVars(tree, name, module, 'mysql');

  addComposeMysql(tree, name);
  addCiServiceContainer(tree, 'mysql');
  addK8sMysqlEnv(tree, name, `${name} migrate`);
  addTextBlock(tree, '.env.example', ENV_EXAMPLE(name));
  addTextBlock(tree, 'README.md', README(name, target.port !== null));
}

const ENV_EXAMPLE = (name: string) => `# MySQL or MariaDB (required). The password is part of the URL: keep real ones out of version
# control. Add ?tls=true (or skip-verify, preferred) to encrypt the connection.
MYSQL_URL=mysql://${name}:${name}@localhost:3306/${name}
# Connection pool bounds: open connections, idle ones kept, and how long a connection lives and
# may stay idle (keep the lifetime below the server's wait_timeout).
MYSQL_MAX_OPEN_CONNS=10
MYSQL_MAX_IDLE_CONNS=10
MYSQL_CONN_MAX_LIFETIME=5m
MYSQL_CONN_MAX_IDLE_TIME=1m
MYSQL_CONNECT_TIMEOUT=5s
# Apply pending migrations (migrations/*.sql) at start. Set to false when a deployment step
# runs \`${name} migrate\` first.
MYSQL_MIGRATE_ON_START=true
`;

const README = (name: string, sample: boolean) => `## MySQL / MariaDB

\`internal/adapter/mysql\` ${sample ? 'stores orders in MySQL or MariaDB through' : 'holds'} a database/sql pool over
go-sql-driver/mysql${sample ? '' : ' for the repositories you add'}. It is opened and pinged at start (a wrong \`MYSQL_URL\` stops
the service at once), checked by \`/readyz\` on a connection of its own and closed at shutdown.
Sessions run in strict mode with utf8mb4 text compared byte for byte and UTC times, so a value a
column cannot hold is an error, never silently cut. The schema lives in \`migrations/\` as
numbered goose SQL files in the MySQL dialect, embedded in the binary: the service applies
pending ones at start (\`MYSQL_MIGRATE_ON_START\`), under a named lock (\`GET_LOCK\`) so replicas
take turns, and \`${name} migrate\` applies them as a separate step. Add a change as the next
numbered file; never edit a migration that has run somewhere. MySQL commits each DDL statement
on its own: keep one schema change per migration, so a failed one is easy to finish by hand.

| Variable | Default | Meaning |
|---|---|---|
| \`MYSQL_URL\` | required | \`mysql://user:password@host:3306/db\`, optionally \`?tls=true\` |
| \`MYSQL_MAX_OPEN_CONNS\` / \`MYSQL_MAX_IDLE_CONNS\` | \`10\` / \`10\` | Pool bounds |
| \`MYSQL_CONN_MAX_LIFETIME\` / \`MYSQL_CONN_MAX_IDLE_TIME\` | \`5m\` / \`1m\` | When pooled connections are replaced |
| \`MYSQL_CONNECT_TIMEOUT\` | \`5s\` | Time allowed for each new connection |
| \`MYSQL_MIGRATE_ON_START\` | \`true\` | Apply pending migrations at start |

The integration tests (\`internal/adapter/mysql\`, \`cmd/${name}\`) run against a real server,
each in a database of its own: \`MYSQL_TEST_URL=mysql://root@127.0.0.1:3306/ make test\`.
Without it they are skipped, unless \`CI\` or \`REQUIRE_INTEGRATION\` is set: then they fail.
`;
