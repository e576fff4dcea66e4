import { kafkaConsumerDocs } from './consumer-docs/kafka.js';
import { natsConsumerDocs } from './consumer-docs/nats.js';
import { rabbitmqConsumerDocs } from './consumer-docs/rabbitmq.js';

/** The brokers a consumer can be generated for. */
export type ConsumerBrokerName = 'nats' | 'kafka' | 'rabbitmq';

/** What differs between the consumers of two brokers; everything else is shared. */
export interface ConsumerBroker {
  name: ConsumerBrokerName;
  /** The adapter's package (and its folder under internal/adapter). */
  package: string;
  dir: string;
  /** The file of the adapter's publisher: the broker's add wrote it. */
  adapterFile: string;
  /** The adapter's import name in internal/bootstrap/consumers.go. */
  alias: string;
  /** The runtime every consumer of the broker shares; its first file marks an earlier consumer add. */
  runtimeTemplate: string;
  runtimeFile: string;
  /** The config sections: the broker's connection, the consumers' settings. */
  config: string;
  configSection: string;
  /** What Open<Event>Consumer opens, in its doc comment. */
  consumerKind: string;
  /** The readiness check's and worker's name before the consumer's own. */
  label: string;
  docs: (name: string, constant: string) => { envExample: string; readme: string };
}

const broker = (name: ConsumerBrokerName, fields: Pick<ConsumerBroker, 'config' | 'configSection' | 'consumerKind' | 'docs'>): ConsumerBroker => ({
  name,
  package: name,
  dir: `internal/adapter/${name}`,
  adapterFile: `internal/adapter/${name}/${name}.go`,
  alias: `${name}adapter`,
  runtimeTemplate: `go/${name}-consumer/core`,
  runtimeFile: `internal/adapter/${name}/consumer.go`,
  label: `${name} consumer`,
  ...fields,
});

export const CONSUMER_BROKERS: Readonly<Record<ConsumerBrokerName, ConsumerBroker>> = {
  nats: broker('nats', { config: 'NATS', configSection: 'NATSConsumer', consumerKind: 'durable consumer', docs: natsConsumerDocs }),
  kafka: broker('kafka', { config: 'Kafka', configSection: 'KafkaConsumer', consumerKind: 'consumer group member', docs: kafkaConsumerDocs }),
  rabbitmq: broker('rabbitmq', { config: 'RabbitMQ', configSection: 'RabbitMQConsumer', consumerKind: 'queue consumer', docs: rabbitmqConsumerDocs }),
};

export function isConsumerBroker(name: string | undefined): name is ConsumerBrokerName {
  return name !== undefined && Object.hasOwn(CONSUMER_BROKERS, name);
}
