import { addCiServiceContainer } from '../../../file-edits/ci-services.js';
import { addComposeMysql } from '../../../file-edits/compose-services.js';
import { appendTextBlock } from '../../../file-edits/text-block.js';
import { addK8sMysqlEnv } from '../../../file-edits/k8s-env.js';
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
import { portsStatements, sampleRepositorySwap, serviceTestEnvEdits } from './datastore/wiring-edits.js';
import { configNames, createPortsNames, hasIdempotencySlot, wiredInCreatePorts } from './datastore/wiring-names.js';
import { addNpmPackages, addNpmScript } from './datastore/package-json.js';
import type { TsFeature } from './feature.js';

/**
 * MySQL or MariaDB: a mysql2 pool pinged at start, numbered migrations run at start (under a named
 * lock) and by `npm run migrate`, a repository for the sample port, idempotency keys, readiness
 * check, release at shutdown, config, compose service, k8s env and CI service container. Create
 * (--datastore mysql) and `svc add adapter mysql` both run applyTsMysql, so they give the same bytes.
 */
export const tsMysqlFeature: TsFeature = {
  id: 'mysql',
  enabled: (spec) => spec.choices.datastore.includes('mysql'),
  apply: (tree, template) => applyTsMysql(tree, template as TsContext, createTarget(template as TsContext)),
};

const CONFIG_TYPE = '{ url: string; maxConnections: number; maxIdleConnections: number; idleTimeoutMs: number; queryTimeoutMs: number; migrateOnStart: boolean }';

export async function applyTsMysql(tree: Tree, context: TsContext, target: AdapterTarget): Promise<void> {
  const { name } = context;
  const sample = target.port !== null;
  renderTemplateFolder(tree, 'ts/integration', context);
  renderTemplateFolder(tree, 'ts/mysql', adapterContext(context, target));
  addNpmPackages(tree, NPM_PACKAGES.mysql);
  addNpmScript(tree, 'migrate', 'node --enable-source-maps dist/migrate.js', 'dev');

  const session = await TsEditSession.open(tree);
  const { z, vars } = configNames(session, ['positiveInt', 'duration'], CONFIG_SNIPPET);
  session.apply(
    CONFIG_FILE,
    [
      { kind: 'interface-property', iface: 'Config', name: 'mysql', type: CONFIG_TYPE },
      { kind: 'variable-property', variable: 'schema', name: 'MYSQL_URL', initializer: `${z}.url({ protocol: /^mysql$/ })` },
      { kind: 'variable-property', variable: 'schema', name: 'MYSQL_MAX_CONNS', initializer: 'positiveInt.default(10)' },
      { kind: 'variable-property', variable: 'schema', name: 'MYSQL_MAX_IDLE_CONNS', initializer: 'positiveInt.default(10)' },
      { kind: 'variable-property', variable: 'schema', name: 'MYSQL_IDLE_TIMEOUT', initializer: "duration.prefault('1m')" },
      { kind: 'variable-property', variable: 'schema', name: 'MYSQL_QUERY_TIMEOUT', initializer: "duration.prefault('5s')" },
      { kind: 'variable-property', variable: 'schema', name: 'MYSQL_MIGRATE_ON_START', initializer: `${z}.enum(['true', 'false']).default('true')` },
      {
        kind: 'returned-property',
        func: 'loadConfig',
        name: 'mysql',
        initializer: {
          url: `${vars}.MYSQL_URL`,
          maxConnections: `${vars}.MYSQL_MAX_CONNS`,
          maxIdleConnections: `${vars}.MYSQL_MAX_IDLE_CONNS`,
          idleTimeoutMs: `${vars}.MYSQL_IDLE_TIMEOUT`,
          queryTimeoutMs: `${vars}.MYSQL_QUERY_TIMEOUT`,
          migrateOnStart: `${vars}.MYSQL_MIGRATE_ON_START === 'true'`,
        },
      },
    ],
    CONFIG_SNIPPET,
  );
  if (tree.exists(CONFIG_TEST_FILE)) {
    session.apply(
      CONFIG_TEST_FILE,
      [
        { kind: 'variable-property', variable: 'required', name: 'MYSQL_URL', initializer: "'mysql://app@localhost:3306/app'" },
        { kind: 'top-level-statement', statement: CONFIG_TEST, unlessPresent: "describe('MySQL configuration'" },
      ],
      `MYSQL_URL: 'mysql://app@localhost:3306/app',   (in const required)`,
    );
  }

  const keys = hasIdempotencySlot(tree, session);
  const generated = PORTS_STATEMENTS({ config: 'config', deps: 'deps' }, keys).map(([statement]) => statement).join('\n');
  // Wired already when createPorts calls createMysqlPool, however the user reworded the statements around it.
  if (!wiredInCreatePorts(session, 'createMysqlPool', generated)) {
    const names = createPortsNames(session, 'mysqlPool', 'createMysqlPool(', generated);
    const statements = PORTS_STATEMENTS(names, keys);
    const swap = sampleRepositorySwap(sample, `new MysqlOrderRepository(mysqlPool, ${names.config}.mysql.queryTimeoutMs)`, 'new MysqlOrderRepository(mysqlPool, config.mysql.queryTimeoutMs)');
    session.apply(
      PORTS_FILE,
      [
        { kind: 'named-import', module: '../adapter/mysql/migrate.js', name: 'migrate' },
        { kind: 'named-import', module: '../adapter/mysql/pool.js', name: 'createMysqlPool' },
        { kind: 'named-import', module: '../adapter/mysql/pool.js', name: 'pingMysql' },
        ...(keys ? [{ kind: 'named-import' as const, module: '../adapter/mysql/idempotency-store.js', name: 'MysqlIdempotencyStore' }] : []),
        { kind: 'named-import', module: '../adapter/mysql/readiness.js', name: 'MysqlReadiness' },
        ...(sample ? [{ kind: 'named-import' as const, module: '../adapter/mysql/order-repository.js', name: 'MysqlOrderRepository' }] : []),
        ...names.edits,
        ...portsStatements(statements),
        ...swap.edits,
      ],
      [...statements.map(([statement]) => statement), ...swap.snippet].join('\n'),
    );
  }
  if (tree.exists(TEST_ENV_FILE)) {
    // The start/stop test needs the connection only: the schema is the integration tests' business.
    const { edits, snippet } = serviceTestEnvEdits('MYSQL_TEST_URL', 'mysqlUrl', { MYSQL_URL: 'mysqlUrl', MYSQL_MIGRATE_ON_START: "'false'" });
    session.apply(TEST_ENV_FILE, edits, snippet);
  }

  addComposeMysql(tree, name);
  addK8sMysqlEnv(tree, name, 'npm run migrate');
  addCiServiceContainer(tree, 'mysql');
  appendTextBlock(tree, '.env.example', ENV_EXAMPLE(name));
  appendTextBlock(tree, 'README.md', README(sample));
}

/** Each statement of the composition root, and the text that shows it is there already, with the names createPorts gives its parameters. */
const PORTS_STATEMENTS = ({ config, deps }: { config: string; deps: string }, keys: boolean): readonly (readonly [string, string])[] => [
  [`const mysqlPool = createMysqlPool(${config}.mysql);`, 'createMysqlPool('],
  // Readiness pings on a connection of its own: a pool busy with requests is no reason to be unready.
  [`const mysqlReadiness = new MysqlReadiness(${config}.mysql);`, 'new MysqlReadiness('],
  [`${deps}.health.add('mysql', (signal) => mysqlReadiness.ping(signal));`, `${deps}.health.add('mysql'`],
  [
    `${deps}.startups.push({
  name: 'mysql',
  async start() {
    // A wrong MYSQL_URL stops the service at once instead of failing every request; the first
    // readiness probe finds its connection open rather than paying the handshake.
    await pingMysql(mysqlPool, AbortSignal.timeout(10_000));
    await mysqlReadiness.ping(AbortSignal.timeout(10_000));
    if (${config}.mysql.migrateOnStart) await migrate(mysqlPool, ${deps}.logger);
  },
});`,
    "name: 'mysql',\n  async start()",
  ],
  [
    `${deps}.closers.push({
  name: 'mysql',
  async close() {
    await mysqlReadiness.close();
    await mysqlPool.end();
  },
});`,
    "name: 'mysql',\n  async close()",
  ],
  // Idempotency keys are kept in the transaction of each request's writes.
  ...(keys ? [[`${deps}.idempotency = new MysqlIdempotencyStore(mysqlPool, ${config}.idempotency.keyTtlMs);`, 'new MysqlIdempotencyStore('] as const] : []),
];

const CONFIG_SNIPPET = `mysql: ${CONFIG_TYPE};   (in interface Config)
MYSQL_URL: z.url({ protocol: /^mysql$/ }), MYSQL_MAX_CONNS: positiveInt.default(10), MYSQL_MAX_IDLE_CONNS: positiveInt.default(10),
MYSQL_IDLE_TIMEOUT: duration.prefault('1m'), MYSQL_QUERY_TIMEOUT: duration.prefault('5s'), MYSQL_MIGRATE_ON_START: z.enum(['true', 'false']).default('true'),   (in the z.object of const schema)
mysql: { url: vars.MYSQL_URL, maxConnections: vars.MYSQL_MAX_CONNS, maxIdleConnections: vars.MYSQL_MAX_IDLE_CONNS, idleTimeoutMs: vars.MYSQL_IDLE_TIMEOUT, queryTimeoutMs: vars.MYSQL_QUERY_TIMEOUT, migrateOnStart: vars.MYSQL_MIGRATE_ON_START === 'true' },   (in the object loadConfig returns)`;

const CONFIG_TEST = `describe('MySQL configuration', () => {
  it('requires MYSQL_URL', () => {
    expect(() => loadConfig({ ...required, MYSQL_URL: '' })).toThrow(/MYSQL_URL/);
  });

  it('takes the documented defaults', () => {
    expect(loadConfig(required).mysql).toEqual({ url: required.MYSQL_URL, maxConnections: 10, maxIdleConnections: 10, idleTimeoutMs: 60_000, queryTimeoutMs: 5_000, migrateOnStart: true });
  });

  it('refuses a URL of another scheme', () => {
    expect(() => loadConfig({ ...required, MYSQL_URL: 'postgres://app@localhost/app' })).toThrow(/MYSQL_URL/);
  });
});`;

const ENV_EXAMPLE = (name: string) => `# MySQL or MariaDB (required). The password is part of the URL: keep real ones out of version control.
MYSQL_URL=mysql://${name}:${name}@localhost:3306/${name}
# Connection pool size, idle connections kept and for how long (below the server's wait_timeout),
# and the client-side bound on every statement.
MYSQL_MAX_CONNS=10
MYSQL_MAX_IDLE_CONNS=10
MYSQL_IDLE_TIMEOUT=1m
MYSQL_QUERY_TIMEOUT=5s
# Apply pending migrations at start. Set to false when a deployment step runs
# \`npm run migrate\` first.
MYSQL_MIGRATE_ON_START=true
`;

const README = (sample: boolean) => `## MySQL / MariaDB

\`src/adapter/mysql\` holds a \`mysql2\` pool${sample ? ' and the order repository' : ' for the repositories you add'}. The pool is pinged at start
(a wrong \`MYSQL_URL\` stops the service at once) and closed at shutdown. \`/readyz\` pings on a
connection of its own (\`readiness.ts\`), so a pool busy with requests never makes the service
unready. Sessions run in strict mode with utf8mb4 text compared byte for byte and UTC times, so a
value a column cannot hold is an error, never silently cut. A database that cannot be reached or
does not answer in time (\`unavailable.ts\`) is an \`UnavailableError\`: answered 503 with
\`Retry-After\` and logged as a warning, never 500.
The schema lives in \`src/adapter/mysql/migrations.ts\` as numbered migrations: the service
applies pending ones at start (\`MYSQL_MIGRATE_ON_START\`) under a named lock (\`GET_LOCK\`) so
replicas take turns, and \`npm run migrate\` (after \`npm run build\`) applies them as a separate
deployment step. MySQL commits DDL at once: keep one change per migration, add it as the next
number, and never edit one that has run somewhere.
The \`Idempotency-Key\` of each successful POST is kept in \`idempotency_keys\` (migration 2), written in
the same transaction as the request's own writes, so the two are kept or lost together.

| Variable | Default | Meaning |
|---|---|---|
| \`MYSQL_URL\` | required | Connection URL, e.g. \`mysql://user:password@host:3306/db\` |
| \`MYSQL_MAX_CONNS\` / \`MYSQL_MAX_IDLE_CONNS\` | \`10\` / \`10\` | Pool size, and idle connections kept |
| \`MYSQL_IDLE_TIMEOUT\` | \`1m\` | Idle connections are closed after this |
| \`MYSQL_QUERY_TIMEOUT\` | \`5s\` | Client-side bound on every statement |
| \`MYSQL_MIGRATE_ON_START\` | \`true\` | Apply pending migrations at start (under a named lock) |

The integration tests (\`src/adapter/mysql\`, \`test/service.test.ts\`) run against a real server
named by \`MYSQL_TEST_URL\`, each run in a database of its own:
\`MYSQL_TEST_URL=mysql://root@localhost:3306/ npm test\`. Without it they are skipped, unless \`CI\`
or \`REQUIRE_INTEGRATION\` is set: then they fail.
`;
