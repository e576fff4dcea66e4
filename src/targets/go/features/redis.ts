import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import { goRequirements } from '../go-modules.js';
import { addConfigSection } from './datastore/config-section.js';
import { createTarget, type AdapterTarget, type GoContext } from './datastore/context.js';
import { addGoRequirements } from './datastore/edits.js';
import type { RootBinding } from './datastore/composition-root.js';
import { wireRedis, redisWiringLines } from './datastore/redis-wiring.js';
import { datastorePresence } from './datastore/presence.js';
import { addRequiredVar, addStoreEndToEndVars } from './datastore/test-env.js';
import { addTextBlock } from './block-order.js';
import { addCiServiceContainer } from '../../../file-edits/ci-services.js';
import { addComposeRedis } from '../../../file-edits/compose-services.js';
import { addContainerEnv, editYamlFile } from '../../../file-edits/yaml-file.js';
import type { GoFeature } from './feature.js';

/**
 * Redis: a go-redis client behind a circuit breaker, optional at run time, a cache-aside decorator over the sample
 * port (TTL, singleflight, JSON, failures fall back to the source), readiness check, release at
 * shutdown, config, compose service and k8s env. Create (--datastore redis) and
 * `svc add adapter redis` both run applyRedis.
 */
export const redisFeature: GoFeature = {
  id: 'redis',
  enabled: (spec) => spec.choices.datastore.includes('redis'),
  requires: () => ['redis'],
  apply: (tree, template) => applyRedis(tree, template as GoContext, createTarget(template as GoContext)),
};

export async function applyRedis(tree: Tree, context: GoContext, target: AdapterTarget): Promise<void> {
  const { module, name } = context;
  if ((await datastorePresence(tree, module, 'redis', () => redisWiringLines(tree, module, target.port === 'OrderRepository', context.metrics.prometheus))) === 'present') return;
  renderTemplateFolder(tree, 'go/integration', context);
  renderTemplateFolder(tree, 'go/redis/core', context);
  if (target.port === 'OrderRepository') renderTemplateFolder(tree, 'go/redis/orders', context);
  addGoRequirements(tree, goRequirements.redis);

  await addConfigSection(tree, 'Redis');
  await addRequiredVar(tree, 'REDIS_ADDR', 'localhost:6379');
  const root = await wireRedis(tree, module, target.port === 'OrderRepository', context.metrics.prometheus);
  await addStoreEndToEndVars(tree, name, module, 'redis');

  addComposeRedis(tree, name);
  addCiServiceContainer(tree, 'redis');
  editYamlFile(tree, 'deploy/k8s/deployment.yaml', (doc) => {
    addContainerEnv(doc, name, { name: 'REDIS_ADDR', value: `${name}-redis:6379` }, ' host:port of the Redis that caches orders.');
    addContainerEnv(
      doc,
      name,
      { name: 'REDIS_PASSWORD', valueFrom: { secretKeyRef: { name: `${name}-redis`, key: 'password', optional: true } } },
      ` Optional: kubectl create secret generic ${name}-redis --from-literal=password=...`,
    );
  });
  addTextBlock(tree, '.env.example', ENV_EXAMPLE(name));
  addTextBlock(tree, 'README.md', README(name, context.metrics.prometheus ? ' and the Prometheus counter `cache_lookups_total`' : '', target.port !== null, root));
}

const ENV_EXAMPLE = (name: string) => `# Redis (optional at run time). Cache failures are served from the source and, after a few,
# a circuit breaker stops calling Redis until it answers again: Redis being down costs little
# latency, never requests. The service starts without it and /readyz reports it degraded.
REDIS_ADDR=localhost:6379
# REDIS_PASSWORD=
REDIS_DB=0
REDIS_DIAL_TIMEOUT=2s
# Bound on every cache command, so a frozen Redis costs a request at most this; keep it small,
# the repository is the fallback.
REDIS_COMMAND_TIMEOUT=200ms
# How long a cached order lives, and the prefix of every key (services may share a server).
REDIS_CACHE_TTL=5m
REDIS_KEY_PREFIX=${name}:
`;

const README = (name: string, metricsNote: string, sample: boolean, root: RootBinding) => `## Redis

${
  sample
    ? `\`internal/adapter/redis\` puts a cache-aside decorator in front of the order repository: reads
try Redis first and load from the repository on a miss, once for all concurrent callers of an
ID (singleflight), caching the result as JSON for \`REDIS_CACHE_TTL\`; saves drop the cached copy.
A Redis failure is logged and counted (\`OrderCache.Stats\`${metricsNote}),
and the request is served from the repository.`
    : `\`internal/adapter/redis\` holds the go-redis client that caches in front of ports are built on
(\`svc add adapter redis\` on a service with the sample shows one: \`OrderCache\`).`
}
Redis is optional at run time. The service starts without it (a warning is logged) and the
client connects when Redis answers. Every command is bounded by \`REDIS_COMMAND_TIMEOUT\` and runs
behind a circuit breaker (sony/gobreaker): after 5 failures in a row it stops calling Redis and
every cache lookup goes to the source at once; 3s later one command probes Redis and, if it
answers, closes the breaker. Each change of state is logged once${metricsNote ? ', and the gauge \`cache_available\` is 0 while the breaker is open' : ''}.
\`/readyz\` reports \`redis\` as \`degraded\` while it fails, and stays 200: losing the cache must not
take every replica out of service. The client is closed at shutdown.

| Variable | Default | Meaning |
|---|---|---|
| \`REDIS_ADDR\` | required | \`host:port\` of the server (it need not answer at start) |
| \`REDIS_PASSWORD\` / \`REDIS_DB\` | unset / \`0\` | Credentials and database number |
| \`REDIS_DIAL_TIMEOUT\` / \`REDIS_COMMAND_TIMEOUT\` | \`2s\` / \`200ms\` | Bounds on connecting and on each command |
| \`REDIS_CACHE_TTL\` | \`5m\` | Lifetime of a cached entry |
| \`REDIS_KEY_PREFIX\` | \`${name}:\` | Prefix of every key |

To take a replica whose cache is unreachable out of rotation instead, register the check with
\`${root.deps}.checks.Register\` rather than \`RegisterOptional\` in \`${root.site.func}\` (\`${root.site.file}\`).

The cache's integration tests run against a real server, each under a key prefix of its own:
\`REDIS_TEST_ADDR=localhost:6379 make test\`. Without it they are skipped, unless \`CI\` or
\`REQUIRE_INTEGRATION\` is set: then they fail.
`;
