import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import { goRequirements } from '../go-modules.js';
import { addConfigSection } from './datastore/config-section.js';
import type { GoContext } from './datastore/context.js';
import { addGoRequirements } from './datastore/edits.js';
import { brokerWiringLines, wireBroker } from './datastore/nats-wiring.js';
import { datastorePresence } from './datastore/presence.js';
import { addRequiredVar, addStoreEndToEndVars } from './datastore/test-env.js';
import { refuseSecondBroker } from './datastore/one-broker.js';
import { addTextBlock } from './block-order.js';
import { addCiServiceContainer } from '../../../file-edits/ci-services.js';
import { addComposeKafka } from '../../../file-edits/compose-services.js';
import { addContainerEnv, editYamlFile } from '../../../file-edits/yaml-file.js';
import type { GoFeature } from './feature.js';
import { documentBrokerEvents } from '../add/asyncapi-broker.js';
import { applyOutbox } from './outbox.js';

const EVENT_PORT_FILE = 'internal/port/event_publisher.go';

/**
 * Kafka: a publisher behind port.EventPublisher with franz-go (idempotent producer, acks=all, the
 * event key as record key, trace context and event metadata in headers, publish metrics), the topic
 * ensured at start, config, readiness check, flush and close at shutdown, compose (KRaft), CI and
 * k8s env; with the sample, CreateOrder's order.placed events go to Kafka. Create (--messaging
 * kafka) and `svc add adapter kafka` both run applyKafka.
 */
export const kafkaFeature: GoFeature = {
  id: 'kafka',
  enabled: (spec) => spec.choices.messaging === 'kafka',
  requires: () => ['kafka'],
  apply: (tree, template) => applyKafka(tree, template as GoContext),
};

export async function applyKafka(tree: Tree, context: GoContext): Promise<void> {
  const { module, name } = context;
  const prometheus = context.metrics.prometheus;
  const sample = context.example;
  if ((await datastorePresence(tree, module, 'kafka', () => brokerWiringLines(tree, module, 'kafka', sample, prometheus))) === 'present') return;
  refuseSecondBroker(tree, 'kafka');
  if (!tree.exists(EVENT_PORT_FILE)) renderTemplateFolder(tree, 'go/events', context);
  renderTemplateFolder(tree, 'go/integration', context);
  renderTemplateFolder(tree, 'go/kafka/core', context);
  addGoRequirements(tree, goRequirements.kafka);

  await addConfigSection(tree, 'Kafka');
  await addRequiredVar(tree, 'KAFKA_BROKERS', 'localhost:9092');
  await wireBroker(tree, module, 'kafka', sample, prometheus);
  await addStoreEndToEndVars(tree, name, module, 'kafka');

  addComposeKafka(tree, name);
  addCiServiceContainer(tree, 'kafka');
  editYamlFile(tree, 'deploy/k8s/deployment.yaml', (doc) => {
    addContainerEnv(doc, name, { name: 'KAFKA_BROKERS', value: `${name}-kafka:9092` }, ' The Kafka brokers (host:port, comma-separated) the events are published to.');
  });
  addTextBlock(tree, '.env.example', ENV_EXAMPLE(name));
  addTextBlock(tree, 'README.md', README(name, sample, prometheus));
  await documentBrokerEvents(tree, name, 'kafka');
  await applyOutbox(tree, context);
}

const ENV_EXAMPLE = (name: string) => `# Kafka (required): the brokers the events are published to. The topic is created at start
# when it does not exist.
KAFKA_BROKERS=localhost:9092
KAFKA_TOPIC=${name}.events
KAFKA_TOPIC_PARTITIONS=6
KAFKA_TOPIC_REPLICATION_FACTOR=1
KAFKA_CONNECT_TIMEOUT=5s
# Bound on each publish until every in-sync replica has it (acks=all).
KAFKA_PUBLISH_TIMEOUT=5s
`;

const README = (name: string, sample: boolean, prometheus: boolean) => `## Events (Kafka)

\`internal/adapter/kafka\` implements \`port.EventPublisher\` with franz-go. At start it connects
and creates the topic \`KAFKA_TOPIC\` when it is missing. Every event is one record: the value is
its JSON envelope (\`id\`, \`type\`, \`schema_version\`, \`occurred_at\`, \`key\`, \`payload\`), the
record key is the event's key, so events of one key land on one partition and keep their order,
and the headers carry \`event-id\`, \`event-type\`, \`event-schema-version\`, \`content-type\` and the
W3C trace context (\`traceparent\`). The producer is idempotent and waits for every in-sync replica
(acks=all), so a retry inside the client never duplicates or reorders a record.
${sample ? `CreateOrder publishes \`order.placed\` (keyed by the order ID) after storing the order.\n` : 'Use cases publish through the port: add `Events port.EventPublisher` where they need it.\n'}
**What is guaranteed.** Publishing is direct: the event is published after the order is stored,
not in the same transaction. When Kafka does not acknowledge it within \`KAFKA_PUBLISH_TIMEOUT\`,
the request fails with 503 while the order stays stored, and that event is lost. So each event
is published at most once relative to the database write; it is never published for a write
that failed. With PostgreSQL
(\`svc add adapter postgres\`) the events go through the transactional outbox instead (its section
below): stored with the order, relayed at least once.

A broker that does not answer at start stops the service. Afterwards the client reconnects by
itself; \`/readyz\` reports \`kafka\` failing and the service degraded (still 200: the broker is
shared by every replica) while no broker answers. At shutdown buffered
records are flushed within \`SHUTDOWN_TIMEOUT\`, then the client closes.${prometheus ? ' Metrics:\n`events_published_total{type,outcome}` and `event_publish_duration_seconds{type}`.' : ''}

| Variable | Default | Meaning |
|---|---|---|
| \`KAFKA_BROKERS\` | required | Seed brokers, comma-separated \`host:port\` |
| \`KAFKA_TOPIC\` | \`${name}.events\` | The topic every event goes to |
| \`KAFKA_TOPIC_PARTITIONS\` / \`KAFKA_TOPIC_REPLICATION_FACTOR\` | \`6\` / \`1\` | Used only when the topic is created |
| \`KAFKA_CONNECT_TIMEOUT\` / \`KAFKA_PUBLISH_TIMEOUT\` | \`5s\` / \`5s\` | Bounds on starting and on each publish |

The publisher's tests run against kfake, an in-process Kafka, each on a cluster of its own; with
\`KAFKA_TEST_BROKERS=localhost:9092 make test\` (\`docker compose up -d kafka\` starts one) the same
tests run against that cluster, each with a topic of its own, deleted at the end.
`;
