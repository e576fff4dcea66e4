import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import { goRequirements } from '../go-modules.js';
import { addConfigSection } from './datastore/config-section.js';
import type { GoContext } from './datastore/context.js';
import { addGoRequirements } from './datastore/edits.js';
import { natsWiringLines, wireNats } from './datastore/nats-wiring.js';
import { refuseSecondBroker } from './datastore/one-broker.js';
import { datastorePresence } from './datastore/presence.js';
import { addRequiredVar, addStoreEndToEndVars } from './datastore/test-env.js';
import { addTextBlock } from './block-order.js';
import { addCiNats } from '../../../file-edits/ci-services.js';
import { addComposeNats } from '../../../file-edits/compose-services.js';
import { addContainerEnv, editYamlFile } from '../../../file-edits/yaml-file.js';
import type { GoFeature } from './feature.js';
import { documentBrokerEvents } from '../add/asyncapi-broker.js';
import { applyOutbox } from './outbox.js';

/** Where the event port lives: a service without the sample gets it (and its envelope) from the nats add. */
const EVENT_PORT_FILE = 'internal/port/event_publisher.go';

/**
 * NATS JetStream: a publisher behind port.EventPublisher (message IDs for JetStream's
 * deduplication, trace context in headers, publish metrics), the stream ensured at start, config,
 * readiness check, drain at shutdown, compose service, CI server and k8s env; with the sample,
 * CreateOrder's order.placed events go to NATS instead of memory. Create (--messaging nats) and
 * `svc add adapter nats` both run applyNats.
 */
export const natsFeature: GoFeature = {
  id: 'nats',
  enabled: (spec) => spec.choices.messaging === 'nats',
  requires: () => ['nats'],
  apply: (tree, template) => applyNats(tree, template as GoContext),
};

export async function applyNats(tree: Tree, context: GoContext): Promise<void> {
  const { module, name } = context;
  const prometheus = context.metrics.prometheus;
  // The sample wires its publisher in app.Ports; without it the port may still be there from an earlier add.
  const sample = context.example;
  if ((await datastorePresence(tree, module, 'nats', () => natsWiringLines(tree, module, sample, prometheus))) === 'present') return;
  refuseSecondBroker(tree, 'nats');
  if (!tree.exists(EVENT_PORT_FILE)) renderTemplateFolder(tree, 'go/events', context);
  renderTemplateFolder(tree, 'go/integration', context);
  renderTemplateFolder(tree, 'go/nats/core', context);
  addGoRequirements(tree, goRequirements.nats);

  await addConfigSection(tree, 'NATS');
  await addRequiredVar(tree, 'NATS_URL', 'nats://localhost:4222');
  await wireNats(tree, module, sample, prometheus);
  await addStoreEndToEndVars(tree, name, module, 'nats');

  addComposeNats(tree, name);
  addCiNats(tree);
  editYamlFile(tree, 'deploy/k8s/deployment.yaml', (doc) => {
    addContainerEnv(doc, name, { name: 'NATS_URL', value: `nats://${name}-nats:4222` }, ' The NATS servers (JetStream enabled) the events are published to.');
  });
  addTextBlock(tree, '.env.example', ENV_EXAMPLE(name, context.names.constant));
  addTextBlock(tree, 'README.md', README(name, context.names.constant, sample, prometheus));
  await documentBrokerEvents(tree, name, 'nats');
  await applyOutbox(tree, context);
}

const ENV_EXAMPLE = (name: string, constant: string) => `# NATS JetStream (required): the broker the events are published to. The stream is created, or
# updated to these settings, at start.
NATS_URL=nats://localhost:4222
NATS_STREAM=${constant}_EVENTS
NATS_SUBJECT_PREFIX=${name}.events
NATS_CONNECT_TIMEOUT=2s
# Bound on each publish until JetStream acknowledges it.
NATS_PUBLISH_TIMEOUT=2s
# How long the stream keeps events, and how long it remembers event IDs to drop duplicates.
NATS_STREAM_MAX_AGE=168h
NATS_DUPLICATE_WINDOW=2m
`;

const README = (name: string, constant: string, sample: boolean, prometheus: boolean) => `## Events (NATS JetStream)

\`internal/adapter/nats\` implements \`port.EventPublisher\` with the nats.go client. At start it
connects and creates the stream \`NATS_STREAM\` (or updates it to the configuration) over the
subjects \`NATS_SUBJECT_PREFIX.>\`; an event of type \`T\` is published to \`NATS_SUBJECT_PREFIX.T\` as
its JSON envelope (\`id\`, \`type\`, \`schema_version\`, \`occurred_at\`, \`key\`, \`payload\`), with the
event ID as JetStream's message ID, so a second publish of one event within
\`NATS_DUPLICATE_WINDOW\` is dropped, and the W3C trace context (\`traceparent\`) in its headers.
${sample ? `CreateOrder publishes \`order.placed\` (to \`${name}.events.order.placed\` by default) after storing the order.\n` : 'Use cases publish through the port: add `Events port.EventPublisher` where they need it.\n'}
**What is guaranteed without PostgreSQL.** Publishing is direct: the event is published after the
order is stored, not in the same transaction. When NATS does not acknowledge it within
\`NATS_PUBLISH_TIMEOUT\`, the request fails with 503 while the order stays stored, and that event
is lost. So each event is published at most once relative to the store write. With PostgreSQL
(\`svc add adapter postgres\`) the events go through the transactional outbox instead (its section
below): stored with the order, relayed at least once.

A broker that does not answer at start stops the service. Afterwards the client reconnects
without end; meanwhile \`/readyz\` reports \`nats\` failing and the service degraded (still 200: the
broker is shared by every replica) and publishes fail at once
(503 + Retry-After) rather than queue. At shutdown the connection is drained within
\`SHUTDOWN_TIMEOUT\`.${prometheus ? ' Metrics: `events_published_total{type,outcome}` and\n`event_publish_duration_seconds{type}`.' : ''}

| Variable | Default | Meaning |
|---|---|---|
| \`NATS_URL\` | required | Servers, comma-separated \`nats://\` or \`tls://\` URLs |
| \`NATS_STREAM\` / \`NATS_SUBJECT_PREFIX\` | \`${constant}_EVENTS\` / \`${name}.events\` | Stream name and subject prefix |
| \`NATS_CONNECT_TIMEOUT\` / \`NATS_PUBLISH_TIMEOUT\` | \`2s\` / \`2s\` | Bounds on connecting and on each publish |
| \`NATS_STREAM_MAX_AGE\` / \`NATS_DUPLICATE_WINDOW\` | \`168h\` / \`2m\` | Retention, and the deduplication window |

The publisher's integration tests run against a real server, each with a stream of its own:
\`NATS_TEST_URL=nats://localhost:4222 make test\` (\`docker compose up -d nats\` starts one). Without it
they are skipped, unless \`CI\` or \`REQUIRE_INTEGRATION\` is set: then they fail. The test of a broker
going away starts its own \`nats-server\` and is skipped when that is not on \`PATH\`.
`;
