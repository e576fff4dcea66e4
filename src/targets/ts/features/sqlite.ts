import { addComposeSqlite } from '../../../file-edits/compose-services.js';
import { addK8sSqliteVolume } from '../../../file-edits/k8s-env.js';
import { appendTextBlock } from '../../../file-edits/text-block.js';
import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import { TsEditSession } from '../edit/session.js';
import { NPM_PACKAGES } from '../npm-packages.js';
import {
  adapterContext,
  CONFIG_FILE,
  CONFIG_TEST_FILE,
  createTarget,
  PORTS_FILE,
  TEST_ENV_FILE,
  type AdapterTarget,
  type TsContext,
} from './datastore/context.js';
import { addSqliteDockerStage } from './datastore/dockerfile.js';
import { addNpmPackages, addNpmScript } from './datastore/package-json.js';
import { portsStatements, sampleRepositorySwap } from './datastore/wiring-edits.js';
import { configNames, createPortsNames, hasIdempotencySlot, wiredInCreatePorts } from './datastore/wiring-names.js';
import type { TsFeature } from './feature.js';

/** The home of the distroless image's user 65532: a volume mounted there is theirs (compose-services.ts). */
const COMPOSE_DATA_DIR = '/home/nonroot';

/**
 * SQLite: an embedded database file through better-sqlite3 in WAL mode, one writer connection whose
 * transactions queue and one read-only connection, numbered migrations run at start and by `npm run
 * migrate`, a repository for the sample port, idempotency keys, readiness check, checkpoint and close
 * at shutdown, config, the native driver built in the image, a compose volume and, in Kubernetes, one
 * replica on a PersistentVolumeClaim. Create (--datastore sqlite) and `svc add adapter sqlite` both
 * run applyTsSqlite, so they give the same bytes.
 */
export const tsSqliteFeature: TsFeature = {
  id: 'sqlite',
  enabled: (spec) => spec.choices.datastore.includes('sqlite'),
  apply: (tree, template) => applyTsSqlite(tree, template as TsContext, createTarget(template as TsContext)),
};

const CONFIG_TYPE = '{ path: string; busyTimeoutMs: number; migrateOnStart: boolean }';

export async function applyTsSqlite(tree: Tree, context: TsContext, target: AdapterTarget): Promise<void> {
  const { name } = context;
  const sample = target.port !== null;
  renderTemplateFolder(tree, 'ts/sqlite', adapterContext(context, target));
  addNpmPackages(tree, NPM_PACKAGES.sqlite);
  addNpmScript(tree, 'migrate', 'node --enable-source-maps dist/migrate.js', 'dev');
  addSqliteDockerStage(tree, context);

  const session = await TsEditSession.open(tree);
  const { z, vars } = configNames(session, ['duration'], CONFIG_SNIPPET(name));
  session.apply(
    CONFIG_FILE,
    [
      { kind: 'interface-property', iface: 'Config', name: 'sqlite', type: CONFIG_TYPE },
      { kind: 'variable-property', variable: 'schema', name: 'SQLITE_PATH', initializer: `${z}.string().default('data/${name}.db')` },
      { kind: 'variable-property', variable: 'schema', name: 'SQLITE_BUSY_TIMEOUT', initializer: "duration.prefault('5s')" },
      { kind: 'variable-property', variable: 'schema', name: 'SQLITE_MIGRATE_ON_START', initializer: `${z}.enum(['true', 'false']).default('true')` },
      {
        kind: 'returned-property',
        func: 'loadConfig',
        name: 'sqlite',
        initializer: {
          path: `${vars}.SQLITE_PATH`,
          busyTimeoutMs: `${vars}.SQLITE_BUSY_TIMEOUT`,
          migrateOnStart: `${vars}.SQLITE_MIGRATE_ON_START === 'true'`,
        },
      },
    ],
    CONFIG_SNIPPET(name),
  );
  if (tree.exists(CONFIG_TEST_FILE)) {
    session.apply(CONFIG_TEST_FILE, [{ kind: 'top-level-statement', statement: CONFIG_TEST(name), unlessPresent: "describe('SQLite configuration'" }], CONFIG_TEST(name));
  }

  const keys = hasIdempotencySlot(tree, session);
  const generated = PORTS_STATEMENTS({ config: 'config', deps: 'deps' }, keys).map(([statement]) => statement).join('\n');
  // Wired already when createPorts constructs the database, however the user reworded the statements around it.
  if (!wiredInCreatePorts(session, 'createSqliteDatabase', generated)) {
    const names = createPortsNames(session, 'sqlite', 'createSqliteDatabase(', generated);
    const statements = PORTS_STATEMENTS(names, keys);
    const swap = sampleRepositorySwap(sample, 'new SqliteOrderRepository(sqlite)');
    session.apply(
      PORTS_FILE,
      [
        { kind: 'named-import', module: '../adapter/sqlite/database.js', name: 'createSqliteDatabase' },
        { kind: 'named-import', module: '../adapter/sqlite/migrate.js', name: 'migrate' },
        ...(keys ? [{ kind: 'named-import' as const, module: '../adapter/sqlite/idempotency-store.js', name: 'SqliteIdempotencyStore' }] : []),
        ...(sample ? [{ kind: 'named-import' as const, module: '../adapter/sqlite/order-repository.js', name: 'SqliteOrderRepository' }] : []),
        ...names.edits,
        ...portsStatements(statements),
        ...swap.edits,
      ],
      [...statements.map(([statement]) => statement), ...swap.snippet].join('\n'),
    );
  }
  if (tree.exists(TEST_ENV_FILE)) {
    // Nothing to start: the start/stop test runs on a file of its own, migrated at start.
    session.apply(
      TEST_ENV_FILE,
      [
        { kind: 'named-import', module: './sqlite.js', name: 'testDatabasePath' },
        { kind: 'returned-property', func: 'serviceTestEnv', name: 'SQLITE_PATH', initializer: 'testDatabasePath()' },
      ],
      "SQLITE_PATH: testDatabasePath(),   (in the object serviceTestEnv returns; import { testDatabasePath } from './sqlite.js')",
    );
  }

  addComposeSqlite(tree, name, COMPOSE_DATA_DIR);
  addK8sSqliteVolume(tree, name, `/var/lib/${name}`);
  appendTextBlock(tree, '.env.example', ENV_EXAMPLE(name));
  appendTextBlock(tree, '.gitignore', GITIGNORE);
  appendTextBlock(tree, '.dockerignore', DOCKERIGNORE);
  appendTextBlock(tree, 'README.md', README(name, sample));
}

/** Each statement of the composition root, and the text that shows it is there already, with the names createPorts gives its parameters. */
const PORTS_STATEMENTS = ({ config, deps }: { config: string; deps: string }, keys: boolean): readonly (readonly [string, string])[] => [
  [`const sqlite = createSqliteDatabase(${config}.sqlite);`, 'createSqliteDatabase('],
  [`${deps}.health.add('sqlite', () => sqlite.ping());`, `${deps}.health.add('sqlite'`],
  [
    `${deps}.startups.push({
  name: 'sqlite',
  async start() {
    // A path that cannot be written stops the service at once instead of failing every write.
    sqlite.open();
    if (${config}.sqlite.migrateOnStart) await migrate(sqlite, ${deps}.logger);
  },
});`,
    "name: 'sqlite',\n  async start()",
  ],
  [
    `${deps}.closers.push({
  name: 'sqlite',
  close: () => sqlite.close(),
});`,
    "name: 'sqlite',\n  close:",
  ],
  // Idempotency keys are kept in the transaction of each request's writes.
  ...(keys ? [[`${deps}.idempotency = new SqliteIdempotencyStore(sqlite, ${config}.idempotency.keyTtlMs);`, 'new SqliteIdempotencyStore('] as const] : []),
];

const CONFIG_SNIPPET = (name: string) => `sqlite: ${CONFIG_TYPE};   (in interface Config)
SQLITE_PATH: z.string().default('data/${name}.db'), SQLITE_BUSY_TIMEOUT: duration.prefault('5s'), SQLITE_MIGRATE_ON_START: z.enum(['true', 'false']).default('true'),   (in the z.object of const schema)
sqlite: { path: vars.SQLITE_PATH, busyTimeoutMs: vars.SQLITE_BUSY_TIMEOUT, migrateOnStart: vars.SQLITE_MIGRATE_ON_START === 'true' },   (in the object loadConfig returns)`;

const CONFIG_TEST = (name: string) => `describe('SQLite configuration', () => {
  it('takes the documented defaults', () => {
    expect(loadConfig(required).sqlite).toEqual({ path: 'data/${name}.db', busyTimeoutMs: 5_000, migrateOnStart: true });
  });

  it('reads the file, the busy timeout and whether to migrate at start', () => {
    expect(loadConfig({ ...required, SQLITE_PATH: '/var/lib/${name}/${name}.db', SQLITE_BUSY_TIMEOUT: '250ms', SQLITE_MIGRATE_ON_START: 'false' }).sqlite).toEqual({
      path: '/var/lib/${name}/${name}.db',
      busyTimeoutMs: 250,
      migrateOnStart: false,
    });
  });

  it('refuses a busy timeout that is not a duration', () => {
    expect(() => loadConfig({ ...required, SQLITE_BUSY_TIMEOUT: '5' })).toThrow(/SQLITE_BUSY_TIMEOUT/);
  });
});`;

const GITIGNORE = `# The SQLite database of local runs (SQLITE_PATH), with its write-ahead log.
/data/
`;

const DOCKERIGNORE = `# The SQLite database of local runs: its rows stay out of the build context.
data
`;

const ENV_EXAMPLE = (name: string) => `# SQLite: the database file; its directory is created and must be writable (it also holds the
# write-ahead log). Keep it on a persistent volume in containers.
SQLITE_PATH=data/${name}.db
# How long a statement waits for a lock held by another process (e.g. \`npm run migrate\`).
SQLITE_BUSY_TIMEOUT=5s
# Apply pending migrations at start. Set to false when a deployment step runs
# \`npm run migrate\` first.
SQLITE_MIGRATE_ON_START=true
`;

const README = (name: string, sample: boolean) => `## SQLite

\`src/adapter/sqlite\` ${sample ? 'stores orders in' : 'holds'} an SQLite database file${sample ? '' : ' for the repositories you add'}, through
better-sqlite3 (a native module: the Dockerfile builds it in the dependencies stage). The database
runs in WAL mode with foreign keys on and \`synchronous=NORMAL\`. better-sqlite3 is synchronous and
Node runs one statement at a time, so instead of a pool there are two connections: one writer,
whose transactions (\`BEGIN IMMEDIATE\`) queue in the service up to each request's deadline, and one
read-only connection that never waits for the writer (\`database.ts\`). The file is opened at start
(a path that cannot be written stops the service at once), checked by \`/readyz\`, and checkpointed
and closed at shutdown. A lock held by another process beyond \`SQLITE_BUSY_TIMEOUT\` (that wait
blocks the event loop), a failing or full disk, or a writer not free before the request's deadline
answers 503 with Retry-After. The schema lives in \`src/adapter/sqlite/migrations.ts\` as numbered
migrations, each applied in a transaction of its own: the service applies pending ones at start
(\`SQLITE_MIGRATE_ON_START\`), and \`npm run migrate\` (after \`npm run build\`) applies them as a
separate step. Add a change as the next number; never edit one that has run somewhere.
The \`Idempotency-Key\` of each successful POST is kept in \`idempotency_keys\` (migration 2), written in
the same transaction as the request's own writes, so the two are kept or lost together.

| Variable | Default | Meaning |
|---|---|---|
| \`SQLITE_PATH\` | \`data/${name}.db\` | The database file; its directory must be writable |
| \`SQLITE_BUSY_TIMEOUT\` | \`5s\` | Wait for a lock held by another process |
| \`SQLITE_MIGRATE_ON_START\` | \`true\` | Apply pending migrations at start |

One process owns the file: run a single replica with the file on a persistent volume (compose
mounts the \`sqlite-data\` volume; \`deploy/k8s\` runs one replica on a PersistentVolumeClaim,
replaced with the Recreate strategy, without the autoscaler). Do not put the file on a network
file system (NFS, SMB), whose locks SQLite cannot trust. When the service needs more than one
replica, several writers at once or zero-downtime deploys, use PostgreSQL instead.

The tests (\`src/adapter/sqlite\`, \`test/service.test.ts\`) run on a temporary file each, with nothing
to start, so they always run.
`;
