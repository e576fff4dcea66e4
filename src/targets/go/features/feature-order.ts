/**
 * The order create applies its features in (stores, brokers, the outbox that needs both, gRPC),
 * then the consumers': each feature's config.go section, README.md heading and .env.example
 * paragraph, so that svc writes them in this order whichever add comes first.
 */
const FEATURES: readonly { section: string; readme: string; env: string }[] = [
  { section: 'Postgres', readme: '## PostgreSQL', env: '# PostgreSQL (required)' },
  { section: 'MySQL', readme: '## MySQL', env: '# MySQL or MariaDB' },
  { section: 'SQLite', readme: '## SQLite', env: '# SQLite:' },
  { section: 'Redis', readme: '## Redis', env: '# Redis (' },
  { section: 'NATS', readme: '## Events (NATS', env: '# NATS JetStream (required)' },
  { section: 'Kafka', readme: '## Events (Kafka', env: '# Kafka (required)' },
  { section: 'RabbitMQ', readme: '## Events (RabbitMQ', env: '# RabbitMQ (required)' },
  { section: 'Outbox', readme: '## Transactional outbox', env: '# Transactional outbox' },
  { section: 'GRPC', readme: '## gRPC', env: '# gRPC server' },
  { section: 'NATSConsumer', readme: '## Event consumers (NATS', env: '# Event consumers (NATS' },
  { section: 'KafkaConsumer', readme: '## Event consumers (Kafka', env: '# Event consumers (Kafka' },
  { section: 'RabbitMQConsumer', readme: '## Event consumers (RabbitMQ', env: '# Event consumers (RabbitMQ' },
  { section: 'Inbox', readme: '## Processed events in PostgreSQL', env: '# Processed events:' },
];

export const SECTION_ORDER = FEATURES.map((feature) => feature.section);
export const README_ORDER = FEATURES.map((feature) => feature.readme);
export const ENV_EXAMPLE_ORDER = FEATURES.map((feature) => feature.env);
