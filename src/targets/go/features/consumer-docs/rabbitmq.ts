/** The settings of the RabbitMQ consumers in .env.example, and their guarantees in README.md. */
export const rabbitmqConsumerDocs = (name: string) => ({ envExample: ENV_EXAMPLE(name), readme: README(name) });

const ENV_EXAMPLE = (name: string) => `# Event consumers (RabbitMQ): durable queues <prefix>.<event> bound to RABBITMQ_EXCHANGE with the
# event's type as routing key, each handling at most RABBITMQ_CONSUMER_WORKERS messages at once (the
# prefetch); a failing message is retried with exponential backoff and jitter, then published to the
# queue RABBITMQ_DEAD_LETTER_EXCHANGE.<event> after RABBITMQ_CONSUMER_MAX_ATTEMPTS attempts.
RABBITMQ_CONSUMER_QUEUE_PREFIX=${name}
RABBITMQ_CONSUMER_WORKERS=4
RABBITMQ_CONSUMER_MAX_ATTEMPTS=5
RABBITMQ_CONSUMER_HANDLER_TIMEOUT=30s
RABBITMQ_CONSUMER_BACKOFF_INITIAL=500ms
RABBITMQ_CONSUMER_BACKOFF_MAX=10s
# Processed event IDs kept in memory, all consumers together, when no SQL store records them.
RABBITMQ_CONSUMER_DEDUPE_SIZE=100000
RABBITMQ_DEAD_LETTER_EXCHANGE=${name}.dead
`;

const README = (name: string) => `## Event consumers (RabbitMQ)

Each consumer in \`internal/adapter/rabbitmq/*_consumer.go\` runs a use case for every event of one
type, read from the durable queue \`RABBITMQ_CONSUMER_QUEUE_PREFIX.<event>\`, bound to the service's
exchange with the event's type as routing key. It runs as a worker beside the HTTP server
(\`internal/bootstrap/consumers.go\`); replicas share the queue.

- **At least once, each event handled once.** Every message runs in one unit of work
  (\`port.Inbox\`): the event's ID is recorded as processed, then the use case runs, and the message
  is acknowledged after the commit. A failing use case leaves no record, so the retry runs it again;
  an event delivered again after the commit is passed over without running it. Without a SQL store the
  records are the newest \`RABBITMQ_CONSUMER_DEDUPE_SIZE\` IDs in memory (\`memory.Inbox\`): a restart
  or another replica does not know them, so make the use case idempotent where a repeat matters. With
  PostgreSQL they are rows of \`processed_messages\`, written in the use case's transaction.
- **Bounded.** The channel's prefetch is \`RABBITMQ_CONSUMER_WORKERS\`: the broker hands a consumer at
  most that many unacknowledged messages, and as many workers handle them at once.
- **Retries, then a dead letter.** A failing use case is retried after a delay doubling from
  \`RABBITMQ_CONSUMER_BACKOFF_INITIAL\` up to \`RABBITMQ_CONSUMER_BACKOFF_MAX\` (half of it random),
  the message held unacknowledged meanwhile (RabbitMQ has no delayed requeue). After
  \`RABBITMQ_CONSUMER_MAX_ATTEMPTS\` attempts, or at once for a message that cannot be decoded, is of
  another schema version, or fails with \`domain.ErrInvalid\`, it is published to the queue
  \`${name}.dead.<event>\` (through the exchange \`RABBITMQ_DEAD_LETTER_EXCHANGE\`) with the headers
  \`dead-letter-error\`, \`dead-letter-attempts\`, \`dead-letter-routing-key\`, \`dead-letter-queue\` and
  \`dead-letter-consumer\`, confirmed, then acknowledged.
- **Outages and shutdown.** A lost connection is reopened with backoff; the messages not acknowledged
  go back to the queue. After the HTTP drain the consumers stop taking messages, finish those in hand
  (each attempt within \`RABBITMQ_CONSUMER_HANDLER_TIMEOUT\`) and close: a message waiting for a retry
  goes back to the queue.
- **Readiness and telemetry.** \`/readyz\` reports each consumer's connection, as degraded while it is
  down (still 200: every replica shares the broker). Logs carry \`message_id\` and \`attempt\`; the
  consumer span continues the trace of the \`traceparent\` header; with Prometheus:
  \`events_consumed_total\`, \`event_retries_total\`, \`events_dead_lettered_total\` and
  \`event_handler_duration_seconds\`, labelled by consumer.
`;
