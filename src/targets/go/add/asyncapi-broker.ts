import { parseEnv } from 'node:util';
import { addAsyncApiBroker, type AsyncApiBroker } from '../../../file-edits/asyncapi-broker.js';
import { addAsyncApiEvent, ASYNCAPI_FILE } from '../../../file-edits/asyncapi-add-event.js';
import { loadGoParser } from '../edit/parser.js';
import { sampleEvent } from './sample-event.js';
import type { Tree } from '../../../tree/tree.js';
import type { Broker } from '../features/datastore/nats-wiring.js';

const ENV_EXAMPLE = '.env.example';

/**
 * The service's broker in api/asyncapi.yaml, when the document exists: the server (host from the
 * service's default config, .env.example, which the broker's add writes; never its credentials) and
 * the bindings AsyncAPI 3 defines for it: Kafka's topic (every event goes to one) and message key,
 * and consumer group of a receive, RabbitMQ's topic exchange (the event type is the routing key) and persistent, mandatory publishes.
 * NATS has no channel binding; the subject is NATS_SUBJECT_PREFIX, a dot and the channel's address.
 */
export function documentBroker(tree: Tree, serviceName: string, broker: Broker): void {
  if (!tree.exists(ASYNCAPI_FILE)) return;
  addAsyncApiBroker(tree, ASYNCAPI_FILE, asyncApiBroker(readEnvExample(tree), serviceName, broker));
}

/**
 * The broker feature's part (create --messaging and svc add adapter alike): once events leave the
 * service, the document describes them, so a service whose sample publishes order.placed gets
 * api/asyncapi.yaml with that event, then the broker as documentBroker writes it.
 */
export async function documentBrokerEvents(tree: Tree, serviceName: string, broker: Broker): Promise<void> {
  if (!tree.exists(ASYNCAPI_FILE)) {
    const sample = sampleEvent(await loadGoParser(), tree);
    if (sample !== null) addAsyncApiEvent(tree, ASYNCAPI_FILE, { serviceName, ...sample });
  }
  documentBroker(tree, serviceName, broker);
}

export function asyncApiBroker(env: ReadonlyMap<string, string>, serviceName: string, broker: Broker): AsyncApiBroker {
  const events = `${serviceName}.events`;
  switch (broker) {
    case 'nats': {
      const prefix = env.get('NATS_SUBJECT_PREFIX') ?? events;
      return {
        server: 'nats',
        value: {
          host: urlHost(firstOf(env.get('NATS_URL')), 'localhost:4222'),
          protocol: 'nats',
          description: `NATS with JetStream (NATS_URL). An event goes to the subject ${prefix}.<channel address> (NATS_SUBJECT_PREFIX), kept by the stream ${env.get('NATS_STREAM') ?? 'NATS_STREAM'}.`,
        },
        binding: 'nats',
      };
    }
    case 'kafka': {
      const topic = env.get('KAFKA_TOPIC') ?? events;
      return {
        server: 'kafka',
        value: {
          host: firstOf(env.get('KAFKA_BROKERS')) ?? 'localhost:9092',
          protocol: 'kafka',
          description: `Kafka (KAFKA_BROKERS). Every event goes to the topic ${topic} (KAFKA_TOPIC), keyed by the event's key.`,
        },
        binding: 'kafka',
        channel: { topic, ...positive('partitions', env.get('KAFKA_TOPIC_PARTITIONS')), ...positive('replicas', env.get('KAFKA_TOPIC_REPLICATION_FACTOR')), bindingVersion: '0.5.0' },
        message: { key: { type: 'string', description: 'The event key: events of one key go to one partition, in order.' }, bindingVersion: '0.5.0' },
        receive: { groupId: { type: 'string', description: `The consumer group: ${env.get('KAFKA_CONSUMER_GROUP_PREFIX') ?? serviceName} (KAFKA_CONSUMER_GROUP_PREFIX), a dash and the event in kebab case; one group per consumer.` }, bindingVersion: '0.5.0' },
      };
    }
    case 'rabbitmq': {
      const exchange = env.get('RABBITMQ_EXCHANGE') ?? events;
      const url = parseUrl(env.get('RABBITMQ_URL'));
      const vhost = url === null || url.pathname === '/' || url.pathname === '' ? '/' : decodeURIComponent(url.pathname.slice(1));
      return {
        server: 'rabbitmq',
        value: {
          host: url?.host || 'localhost:5672',
          protocol: url?.protocol === 'amqps:' ? 'amqps' : 'amqp',
          protocolVersion: '0.9.1',
          description: `RabbitMQ (RABBITMQ_URL). Every event is published to the durable topic exchange ${exchange} (RABBITMQ_EXCHANGE) with its type as routing key.`,
        },
        binding: 'amqp',
        channel: { is: 'routingKey', exchange: { name: exchange, type: 'topic', durable: true, autoDelete: false, vhost }, bindingVersion: '0.3.0' },
        send: { deliveryMode: 2, mandatory: true, bindingVersion: '0.3.0' },
        receive: { ack: true, bindingVersion: '0.3.0' },
      };
    }
  }
}

/** The variables of .env.example, read by Node's own dotenv parser. */
function readEnvExample(tree: Tree): Map<string, string> {
  const env = parseEnv(tree.read(ENV_EXAMPLE) ?? '');
  return new Map(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function firstOf(list: string | undefined): string | undefined {
  const first = list?.split(',')[0]?.trim();
  return first === '' ? undefined : first;
}

function parseUrl(text: string | undefined): URL | null {
  try {
    return text === undefined ? null : new URL(text);
  } catch {
    return null;
  }
}

/** The host:port of a URL, without its credentials. */
function urlHost(text: string | undefined, fallback: string): string {
  return parseUrl(text)?.host || fallback;
}

function positive(key: string, text: string | undefined): Record<string, number> {
  const value = Number(text);
  return Number.isInteger(value) && value >= 1 ? { [key]: value } : {};
}
