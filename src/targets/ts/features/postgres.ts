import { addCiServiceContainer } from '../../../file-edits/ci-services.js';
import { addComposePostgres } from '../../../file-edits/compose-services.js';
import { appendTextBlock } from '../../../file-edits/text-block.js';
import { addK8sPostgresEnv } from '../../../file-edits/k8s-env.js';
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
 * PostgreSQL: a `pg` pool pinged at start, numbered migrations run at start (under an advisory
 * lock) and by `npm run migrate`, a repository for the sample port, readiness check, release at
 * shutdown, config, compose service, k8s env and CI service container. Create (--datastore
 * postgres) and `svc add adapter postgres` both run applyTsPostgres, so they give the same bytes.
 */
export const tsPostgresFeature: TsFeature = {
  id: 'postgres',
  enabled: (spec) => spec.choices.datastore.includes('postgres'),
  apply: (tree, template) => applyTsPostgres(tree, template as TsContext, createTarget(template as TsContext)),
};

export async function applyTsPostgres(tree: Tree, context: TsContext, target: AdapterTarget): Promise<void> {
  const { name } = context;
  const sample = target.port !== null;
  renderTemplateFolder(tree, 'ts/integration', context);
  renderTemplateFolder(tree, 'ts/postgres', adapterContext(context, target));
  addNpmPackages(tree, NPM_PACKAGES.postgres);
  addNpmScript(tree, 'migrate', 'node --enable-source-maps dist/migrate.js', 'dev');

  const session = await TsEditSession.open(tree);
  const { z, vars } = configNames(session, ['positiveInt', 'duration'], CONFIG_SNIPPET);
  session.apply(
    CONFIG_FILE,
    [
      { kind: 'interface-property', iface: 'Config', name: 'postgres', type: '{ url: string; maxConnections: number; statementTimeoutMs: number; migrateOnStart: boolean }' },
      { kind: 'variable-property', variable: 'schema', name: 'POSTGRES_URL', initializer: `${z}.url({ protocol: /^postgres(ql)?$/ })` },
      { kind: 'variable-property', variable: 'schema', name: 'POSTGRES_MAX_CONNS', initializer: 'positiveInt.default(10)' },
      { kind: 'variable-property', variable: 'schema', name: 'POSTGRES_STATEMENT_TIMEOUT', initializer: "duration.prefault('5s')" },
      { kind: 'variable-property', variable: 'schema', name: 'POSTGRES_MIGRATE_ON_START', initializer: `${z}.enum(['true', 'false']).default('true')` },
      {
        kind: 'returned-property',
        func: 'loadConfig',
        name: 'postgres',
        initializer: {
          url: `${vars}.POSTGRES_URL`,
          maxConnections: `${vars}.POSTGRES_MAX_CONNS`,
          statementTimeoutMs: `${vars}.POSTGRES_STATEMENT_TIMEOUT`,
          migrateOnStart: `${vars}.POSTGRES_MIGRATE_ON_START === 'true'`,
        },
      },
    ],
    CONFIG_SNIPPET,
  );
  if (tree.exists(CONFIG_TEST_FILE)) {
    session.apply(
      CONFIG_TEST_FILE,
      [
        { kind: 'variable-property', variable: 'required', name: 'POSTGRES_URL', initializer: "'postgres://app@localhost:5432/app'" },
        { kind: 'top-level-statement', statement: CONFIG_TEST, unlessPresent: "describe('PostgreSQL configuration'" },
      ],
      `POSTGRES_URL: 'postgres://app@localhost:5432/app',   (in const required)`,
    );
  }

  const keys = hasIdempotencySlot(tree, session);
  const generated = PORTS_STATEMENTS({ config: 'config', deps: 'deps' }, keys).map(([statement]) => statement).join('\n');
  // Wired already when createPorts calls createPool, however the user reworded the statements around it.
  if (!wiredInCreatePorts(session, 'createPool', generated)) {
    const names = createPortsNames(session, 'pool', 'createPool(', generated);
    const statements = PORTS_STATEMENTS(names, keys);
    const swap = sampleRepositorySwap(sample, 'new PostgresOrderRepository(pool)');
    session.apply(
      PORTS_FILE,
      [
        { kind: 'named-import', module: '../adapter/postgres/migrate.js', name: 'migrate' },
        { kind: 'named-import', module: '../adapter/postgres/pool.js', name: 'createPool' },
        { kind: 'named-import', module: '../adapter/postgres/pool.js', name: 'pingPostgres' },
        ...(keys ? [{ kind: 'named-import' as const, module: '../adapter/postgres/idempotency-store.js', name: 'PostgresIdempotencyStore' }] : []),
        { kind: 'named-import', module: '../adapter/postgres/readiness.js', name: 'PostgresReadiness' },
        ...(sample ? [{ kind: 'named-import' as const, module: '../adapter/postgres/order-repository.js', name: 'PostgresOrderRepository' }] : []),
        ...names.edits,
        ...portsStatements(statements),
        ...swap.edits,
      ],
      [...statements.map(([statement]) => statement), ...swap.snippet].join('\n'),
    );
  }
  if (tree.exists(TEST_ENV_FILE)) {
    // The start/stop test needs the connection only: the schema is the integration tests' business.
    const { edits, snippet } = serviceTestEnvEdits('POSTGRES_TEST_URL', 'postgresUrl', { POSTGRES_URL: 'postgresUrl', POSTGRES_MIGRATE_ON_START: "'false'" });
    session.apply(TEST_ENV_FILE, edits, snippet);
  }


  addComposePostgres(tree, name);
  addK8sPostgresEnv(tree, name, 'npm run migrate');
  addCiServiceContainer(tree, 'postgres');
  appendTextBlock(tree, '.env.example', ENV_EXAMPLE(name));
  appendTextBlock(tree, 'README.md', README(sample));
}

/** Each statement of the composition root, and the text that shows it is there already, with the names createPorts gives its parameters. */
const PORTS_STATEMENTS = ({ config, deps }: { config: string; deps: string }, keys: boolean): readonly (readonly [string, string])[] => [
  [`const pool = createPool(${config}.postgres);`, 'createPool('],
  // Readiness pings on a connection of its own: a pool busy with requests is no reason to be unready.
  [`const postgresReadiness = new PostgresReadiness(${config}.postgres);`, 'new PostgresReadiness('],
  [`${deps}.health.add('postgres', (signal) => postgresReadiness.ping(signal));`, `${deps}.health.add('postgres'`],
  [
    `${deps}.startups.push({
  name: 'postgres',
  async start() {
    // A wrong POSTGRES_URL stops the service at once instead of failing every request.
    await pingPostgres(pool, AbortSignal.timeout(10_000));
    if (${config}.postgres.migrateOnStart) await migrate(pool, ${deps}.logger);
  },
});`,
    "name: 'postgres',\n  async start()",
  ],
  [
    `${deps}.closers.push({
  name: 'postgres',
  async close() {
    await postgresReadiness.close();
    await pool.end();
  },
});`,
    "name: 'postgres',\n  async close()",
  ],
  // Idempotency keys are kept in the transaction of each request's writes.
  ...(keys ? [[`${deps}.idempotency = new PostgresIdempotencyStore(pool, ${config}.idempotency.keyTtlMs);`, 'new PostgresIdempotencyStore('] as const] : []),
];

const CONFIG_SNIPPET = `postgres: { url: string; maxConnections: number; statementTimeoutMs: number; migrateOnStart: boolean };   (in interface Config)
POSTGRES_URL: z.url({ protocol: /^postgres(ql)?$/ }), POSTGRES_MAX_CONNS: positiveInt.default(10),
POSTGRES_STATEMENT_TIMEOUT: duration.prefault('5s'), POSTGRES_MIGRATE_ON_START: z.enum(['true', 'false']).default('true'),   (in the z.object of const schema)
postgres: { url: vars.POSTGRES_URL, maxConnections: vars.POSTGRES_MAX_CONNS, statementTimeoutMs: vars.POSTGRES_STATEMENT_TIMEOUT, migrateOnStart: vars.POSTGRES_MIGRATE_ON_START === 'true' },   (in the object loadConfig returns)`;

const CONFIG_TEST = `describe('PostgreSQL configuration', () => {
  it('requires POSTGRES_URL', () => {
    expect(() => loadConfig({ ...required, POSTGRES_URL: '' })).toThrow(/POSTGRES_URL/);
  });

  it('takes the documented defaults', () => {
    expect(loadConfig(required).postgres).toEqual({ url: required.POSTGRES_URL, maxConnections: 10, statementTimeoutMs: 5_000, migrateOnStart: true });
  });

  it('refuses a URL of another scheme', () => {
    expect(() => loadConfig({ ...required, POSTGRES_URL: 'mysql://app@localhost/app' })).toThrow(/POSTGRES_URL/);
  });
});`;

const ENV_EXAMPLE = (name: string) => `# PostgreSQL (required). The password is part of the URL: keep real ones out of version control.
POSTGRES_URL=postgres://${name}:${name}@localhost:5432/${name}?sslmode=disable
# Connection pool size, and the server-side bound on every statement.
POSTGRES_MAX_CONNS=10
POSTGRES_STATEMENT_TIMEOUT=5s
# Apply pending migrations at start. Set to false when a deployment step runs
# \`npm run migrate\` first.
POSTGRES_MIGRATE_ON_START=true
`;

const README = (sample: boolean) => `## PostgreSQL

\`src/adapter/postgres\` holds a \`pg\` pool${sample ? ' and the order repository' : ' for the repositories you add'}. The pool is pinged at start
(a wrong \`POSTGRES_URL\` stops the service at once) and closed at shutdown. \`/readyz\` pings on a
connection of its own (\`readiness.ts\`), so a pool busy with requests never makes the service
unready. A database that cannot be reached or does not answer in time (\`unavailable.ts\`) is an
\`UnavailableError\`: answered 503 with \`Retry-After\` and logged as a warning, never 500.
The schema lives in \`src/adapter/postgres/migrations.ts\` as numbered migrations: the service
applies pending ones at start (\`POSTGRES_MIGRATE_ON_START\`) under an advisory lock so replicas
take turns, and \`npm run migrate\` (after \`npm run build\`) applies them as a separate deployment step.
Add a change as the next numbered migration; never edit one that has run somewhere.
The \`Idempotency-Key\` of each successful POST is kept in \`idempotency_keys\` (migration 2), written in
the same transaction as the request's own writes, so the two are kept or lost together.

| Variable | Default | Meaning |
|---|---|---|
| \`POSTGRES_URL\` | required | Connection string, e.g. \`postgres://user:password@host:5432/db?sslmode=verify-full\` |
| \`POSTGRES_MAX_CONNS\` | \`10\` | Pool size |
| \`POSTGRES_STATEMENT_TIMEOUT\` | \`5s\` | Server-side bound on every statement |
| \`POSTGRES_MIGRATE_ON_START\` | \`true\` | Apply pending migrations at start (under an advisory lock) |

The integration tests (\`src/adapter/postgres\`, \`test/service.test.ts\`) run against a real server
named by \`POSTGRES_TEST_URL\`, each run in a schema of its own:
\`POSTGRES_TEST_URL=postgres://postgres@localhost:5432/postgres npm test\`. Without it they are
skipped, unless \`CI\` or \`REQUIRE_INTEGRATION\` is set: then they fail.
`;
