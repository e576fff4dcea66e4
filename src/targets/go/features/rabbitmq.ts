import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import { goRequirements } from '../go-modules.js';
import { addConfigSection } from './datastore/config-section.js';
import type { GoContext } from './datastore/context.js';
import { addGoRequirements } from './datastore/edits.js';
import { brokerWiringLines, wireBroker } from './datastore/nats-wiring.js';
import { refuseSecondBroker } from './datastore/one-broker.js';
import { datastorePresence } from './datastore/presence.js';
import { addRequiredVar, addStoreEndToEndVars } from './datastore/test-env.js';
import { addTextBlock } from './block-order.js';
import { addCiServiceContainer } from '../../../file-edits/ci-services.js';
import { addComposeRabbitmq } from '../../../file-edits/compose-services.js';
import { addContainerEnv, editYamlFile } from '../../../file-edits/yaml-file.js';
import type { GoFeature } from './feature.js';
import { documentBrokerEvents } from '../add/asyncapi-broker.js';
import { applyOutbox } from './outbox.js';

const EVENT_PORT_FILE = 'internal/port/event_publisher.go';

/**
 * RabbitMQ: a publisher behind port.EventPublisher with amqp091-go (publisher confirms, mandatory
 * routing with returns as errors, the event type as routing key, trace context and event metadata
 * in headers, publish metrics), the topic exchange declared at start, reconnection with readiness,
 * config, close at shutdown, compose, CI service and k8s env; with the sample, CreateOrder's
 * order.placed events go to RabbitMQ. Create (--messaging rabbitmq) and `svc add adapter rabbitmq`
 * both run applyRabbitmq.
 */
export const rabbitmqFeature: GoFeature = {
  id: 'rabbitmq',
  enabled: (spec) => spec.choices.messaging === 'rabbitmq',
  requires: () => ['rabbitmq'],
  apply: (tree, template) => applyRabbitmq(tree, template as GoContext),
};

export async function applyRabbitmq(tree: Tree, context: GoContext): Promise<void> {
  const { module, name } = context;
  const prometheus = context.metrics.prometheus;
  const sample = context.example;
  if ((await datastorePresence(tree, module, 'rabbitmq', () => brokerWiringLines(tree, module, 'rabbitmq', sample, prometheus))) === 'present') return;
  refuseSecondBroker(tree, 'rabbitmq');
  if (!tree.exists(EVENT_PORT_FILE)) renderTemplateFolder(tree, 'go/events', context);
  renderTemplateFolder(tree, 'go/integration', context);
  renderTemplateFolder(tree, 'go/rabbitmq/core', context);
  addGoRequirements(tree, goRequirements.rabbitmq);

  await addConfigSection(tree, 'RabbitMQ');
  // No credentials in the test's value (gosec G101); amqp091 defaults to guest/guest.
  await addRequiredVar(tree, 'RABBITMQ_URL', 'amqp://localhost:5672/');
  await wireBroker(tree, module, 'rabbitmq', sample, prometheus);
  await addStoreEndToEndVars(tree, name, module, 'rabbitmq');

  addComposeRabbitmq(tree, name);
  addCiServiceContainer(tree, 'rabbitmq');
  editYamlFile(tree, 'deploy/k8s/deployment.yaml', (doc) => {
    addContainerEnv(doc, name, { name: 'RABBITMQ_URL', value: `amqp://${name}-rabbitmq:5672/` }, ' The RabbitMQ server the events are published to (credentials belong in a Secret).');
  });
  addTextBlock(tree, '.env.example', ENV_EXAMPLE(name));
  addTextBlock(tree, 'README.md', README(name, sample, prometheus));
  await documentBrokerEvents(tree, name, 'rabbitmq');
  await applyOutbox(tree, context);
}

const ENV_EXAMPLE = (name: string) => `# RabbitMQ (required): the server the events are published to. The topic exchange is declared
# at start.
RABBITMQ_URL=amqp://guest:guest@localhost:5672/
RABBITMQ_EXCHANGE=${name}.events
RABBITMQ_CONNECT_TIMEOUT=5s
# Bound on each publish until the broker confirms it.
RABBITMQ_PUBLISH_TIMEOUT=5s
`;

const README = (name: string, sample: boolean, prometheus: boolean) => `## Events (RabbitMQ)

\`internal/adapter/rabbitmq\` implements \`port.EventPublisher\` with amqp091-go. At start it
connects and declares the durable topic exchange \`RABBITMQ_EXCHANGE\`. An event is published to it
with its type as routing key, as a persistent message whose body is its JSON envelope (\`id\`,
\`type\`, \`schema_version\`, \`occurred_at\`, \`key\`, \`payload\`), with the event ID as message ID and
\`event-type\`, \`event-schema-version\`, \`event-key\` and the W3C trace context (\`traceparent\`) in
its headers. A publish returns once the broker confirmed it (publisher confirms). An event no
queue is bound for yet is kept in the durable queue \`RABBITMQ_EXCHANGE.unrouted\` (the exchange's
alternate exchange) rather than lost: watch its depth, and move its messages once the consumers
exist.
${sample ? `CreateOrder publishes \`order.placed\` after storing the order.\n` : 'Use cases publish through the port: add `Events port.EventPublisher` where they need it.\n'}
**What is guaranteed.** Publishing is direct: the event is published after the order is stored,
not in the same transaction. When RabbitMQ does not confirm it within \`RABBITMQ_PUBLISH_TIMEOUT\`,
or returns it unroutable, the request fails (503 while the broker is away) while the order stays
stored, and that event is lost. So each event is published at most once relative to the database
write. With PostgreSQL
(\`svc add adapter postgres\`) the events go through the transactional outbox instead (its section
below): stored with the order, relayed at least once.

A broker that does not answer at start stops the service. Afterwards a lost connection is
reopened in the background, with backoff; meanwhile \`/readyz\` reports \`rabbitmq\` failing and the
service degraded (still 200: the broker is shared by every replica) and publishes fail at once. At shutdown the channel and connection close within
\`SHUTDOWN_TIMEOUT\`.${prometheus ? ' Metrics: `events_published_total{type,outcome}` and\n`event_publish_duration_seconds{type}`.' : ''}

| Variable | Default | Meaning |
|---|---|---|
| \`RABBITMQ_URL\` | required | \`amqp://\` or \`amqps://\` URL with credentials and vhost |
| \`RABBITMQ_EXCHANGE\` | \`${name}.events\` | The topic exchange the events are published to |
| \`RABBITMQ_CONNECT_TIMEOUT\` / \`RABBITMQ_PUBLISH_TIMEOUT\` | \`5s\` / \`5s\` | Bounds on connecting and on each publish |

The publisher's integration tests run against a real server, each with an exchange and queue of
its own, deleted at the end: \`RABBITMQ_TEST_URL=amqp://guest:guest@localhost:5672/ make test\`
(\`docker compose up -d rabbitmq\` starts one). Without it they are skipped, unless \`CI\` or
\`REQUIRE_INTEGRATION\` is set: then they fail.
`;
