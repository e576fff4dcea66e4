import { addCiServiceContainer } from '../../../file-edits/ci-services.js';
import { addComposeRedis } from '../../../file-edits/compose-services.js';
import { appendTextBlock } from '../../../file-edits/text-block.js';
import { addContainerEnv, editYamlFile } from '../../../file-edits/yaml-file.js';
import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import { TsEditSession } from '../edit/session.js';
import { NPM_PACKAGES } from '../npm-packages.js';
import { adapterContext, CONFIG_FILE, CONFIG_TEST_FILE, createTarget, PORTS_FILE, TEST_ENV_FILE, type AdapterTarget, type TsContext } from './datastore/context.js';
import { portsStatements, serviceTestEnvEdits } from './datastore/wiring-edits.js';
import { configNames, createPortsNames, wiredInCreatePorts } from './datastore/wiring-names.js';
import { addNpmPackages } from './datastore/package-json.js';
import type { TsFeature } from './feature.js';

const ORDER_CACHE = 'new CachedOrderRepository(';

/**
 * Redis: an ioredis client checked by /readyz and closed at shutdown and, for the sample, a
 * cache-aside CachedOrderRepository in front of whichever repository serves orders (memory or
 * PostgreSQL). Create (--datastore redis) and `svc add adapter redis` both run applyTsRedis.
 */
export const tsRedisFeature: TsFeature = {
  id: 'redis',
  enabled: (spec) => spec.choices.datastore.includes('redis'),
  apply: (tree, template) => applyTsRedis(tree, template as TsContext, createTarget(template as TsContext)),
};

export async function applyTsRedis(tree: Tree, context: TsContext, target: AdapterTarget): Promise<void> {
  const { name } = context;
  const sample = target.port !== null;
  renderTemplateFolder(tree, 'ts/integration', context);
  renderTemplateFolder(tree, 'ts/redis', adapterContext(context, target));
  addNpmPackages(tree, NPM_PACKAGES.redis);

  const session = await TsEditSession.open(tree);
  const { z, vars } = configNames(session, ['address', 'duration'], CONFIG_SNIPPET(name));
  session.apply(
    CONFIG_FILE,
    [
      { kind: 'interface-property', iface: 'Config', name: 'redis', type: '{ host: string; port: number; keyPrefix: string; commandTimeoutMs: number }' },
      { kind: 'variable-property', variable: 'schema', name: 'REDIS_ADDR', initializer: "address.prefault('localhost:6379')" },
      { kind: 'variable-property', variable: 'schema', name: 'REDIS_KEY_PREFIX', initializer: `${z}.string().default('${name}:')` },
      { kind: 'variable-property', variable: 'schema', name: 'REDIS_COMMAND_TIMEOUT', initializer: "duration.prefault('200ms')" },
      {
        kind: 'returned-property',
        func: 'loadConfig',
        name: 'redis',
        initializer: { host: `${vars}.REDIS_ADDR.host`, port: `${vars}.REDIS_ADDR.port`, keyPrefix: `${vars}.REDIS_KEY_PREFIX`, commandTimeoutMs: `${vars}.REDIS_COMMAND_TIMEOUT` },
      },
    ],
    CONFIG_SNIPPET(name),
  );
  if (tree.exists(CONFIG_TEST_FILE)) {
    session.apply(CONFIG_TEST_FILE, [{ kind: 'top-level-statement', statement: CONFIG_TEST(name), unlessPresent: "describe('Redis configuration'" }], CONFIG_TEST(name));
  }

  const generated = PORTS_STATEMENTS({ config: 'config', deps: 'deps' }).map(([statement]) => statement).join('\n');
  // Wired already when createPorts calls createRedis, however the user reworded the statements around it.
  if (!wiredInCreatePorts(session, 'createRedis', generated)) {
    const names = createPortsNames(session, 'redis', 'createRedis(', generated);
    const statements = PORTS_STATEMENTS(names);
    session.apply(
      PORTS_FILE,
      [
        { kind: 'named-import', module: '../adapter/redis/client.js', name: 'createRedis' },
        ...(sample ? [{ kind: 'named-import' as const, module: '../adapter/redis/order-cache.js', name: 'CachedOrderRepository' }] : []),
        ...names.edits,
        ...portsStatements(statements),
        // Whatever serves orders now (memory, PostgreSQL or the user's own) gets the cache in front.
        ...(sample ? [{ kind: 'wrap-returned-property' as const, func: 'createPorts', name: 'orders', prefix: ORDER_CACHE, suffix: `, redis, ${names.deps}.logger)` }] : []),
      ],
      [...statements.map(([statement]) => statement), ...(sample ? [`orders: new CachedOrderRepository(<the current repository>, redis, ${names.deps}.logger),   (in the object createPorts returns)`] : [])].join('\n'),
    );
  }
  if (tree.exists(TEST_ENV_FILE)) {
    const { edits, snippet } = serviceTestEnvEdits('REDIS_TEST_ADDR', 'redisAddr', { REDIS_ADDR: 'redisAddr', REDIS_KEY_PREFIX: '`test-${String(process.pid)}:`' });
    session.apply(TEST_ENV_FILE, edits, snippet);
  }


  addComposeRedis(tree, name);
  editYamlFile(tree, 'deploy/k8s/deployment.yaml', (doc) => {
    addContainerEnv(doc, name, { name: 'REDIS_ADDR', value: `${name}-redis:6379` }, ` host:port of the Redis that ${sample ? 'caches orders' : 'the service uses'}.`);
  });
  addCiServiceContainer(tree, 'redis');
  appendTextBlock(tree, '.env.example', ENV_EXAMPLE(name));
  appendTextBlock(tree, 'README.md', README(name, sample));
}

/** Each statement of the composition root, and the text that shows it is there already, with the names createPorts gives its parameters. */
const PORTS_STATEMENTS = ({ config, deps }: { config: string; deps: string }): readonly (readonly [string, string])[] => [
  [`const redis = createRedis(${config}.redis, ${deps}.logger);`, 'createRedis('],
  // Optional: a Redis outage reports the service degraded, never unready.
  [`${deps}.health.addOptional('redis', () => redis.ping(), () => redis.available);`, `${deps}.health.addOptional('redis'`],
  [`${deps}.startups.push({ name: 'redis', start: () => redis.waitForConnection(2_000) });`, `${deps}.startups.push({ name: 'redis'`],
  [
    `${deps}.closers.push({
  name: 'redis',
  async close() {
    await redis.close();
  },
});`,
    "name: 'redis',\n  async close()",
  ],
];

const CONFIG_SNIPPET = (name: string) => `redis: { host: string; port: number; keyPrefix: string; commandTimeoutMs: number };   (in interface Config)
REDIS_ADDR: address.prefault('localhost:6379'), REDIS_KEY_PREFIX: z.string().default('${name}:'), REDIS_COMMAND_TIMEOUT: duration.prefault('200ms'),   (in the z.object of const schema)
redis: { host: vars.REDIS_ADDR.host, port: vars.REDIS_ADDR.port, keyPrefix: vars.REDIS_KEY_PREFIX, commandTimeoutMs: vars.REDIS_COMMAND_TIMEOUT },   (in the object loadConfig returns)`;

const CONFIG_TEST = (name: string) => `describe('Redis configuration', () => {
  it('takes the documented defaults', () => {
    expect(loadConfig(required).redis).toEqual({ host: 'localhost', port: 6379, keyPrefix: '${name}:', commandTimeoutMs: 200 });
  });

  it('refuses an address without a port', () => {
    expect(() => loadConfig({ ...required, REDIS_ADDR: 'localhost' })).toThrow(/REDIS_ADDR: must be host:port/);
  });
});`;

const ENV_EXAMPLE = (name: string) => `# Redis: host:port, a prefix for every key, and the bound on each command.
REDIS_ADDR=localhost:6379
REDIS_KEY_PREFIX=${name}:
REDIS_COMMAND_TIMEOUT=200ms
`;

const README = (name: string, sample: boolean) => `## Redis

${
  sample
    ? `\`src/adapter/redis\` holds an \`ioredis\` client and a cache-aside \`CachedOrderRepository\` in front of the
order repository: Redis failures (or an open circuit breaker) fall back to the repository, so
the cache never takes the service down.`
    : `\`src/adapter/redis\` holds the \`ioredis\` client that caches in front of ports are built on
(\`svc add adapter redis\` on a service with the sample shows one: \`CachedOrderRepository\`).`
}

Redis is optional. The service starts without it and connects when it is back; every command is
bounded by \`REDIS_COMMAND_TIMEOUT\`, never queued or retried, and runs behind an opossum circuit
breaker (\`RedisCache\`) that opens after 5 failed commands and lets one probe through every 3s,
so a frozen Redis costs a request at most one command timeout. The breaker logs once when Redis
is lost and once when it is back. \`/readyz\` reports a failing Redis as \`degraded\` and stays
200; the metric \`optional_dependency_available{dependency="redis"}\` is 0 while the breaker is
open. The client is closed at shutdown.

| Variable | Default | Meaning |
|---|---|---|
| \`REDIS_ADDR\` | \`localhost:6379\` | \`host:port\` of Redis |
| \`REDIS_KEY_PREFIX\` | \`${name}:\` | Prefix of every key |
| \`REDIS_COMMAND_TIMEOUT\` | \`200ms\` | Bound on each command |

The integration tests (\`src/adapter/redis\`, \`test/service.test.ts\`) run against a real server
named by \`REDIS_TEST_ADDR\`, each run under a key prefix of its own:
\`REDIS_TEST_ADDR=localhost:6379 npm test\`. Without it they are skipped, unless \`CI\` or
\`REQUIRE_INTEGRATION\` is set: then they fail.
`;
