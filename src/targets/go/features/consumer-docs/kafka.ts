/** The settings of the Kafka consumers in .env.example, and their guarantees in README.md. */
export const kafkaConsumerDocs = (name: string) => ({ envExample: ENV_EXAMPLE(name), readme: README(name) });

const ENV_EXAMPLE = (name: string) => `# Event consumers (Kafka): consumer groups <prefix>-<event> on KAFKA_TOPIC, each polling at most
# KAFKA_CONSUMER_MAX_POLL_RECORDS records and handling KAFKA_CONSUMER_WORKERS partitions at once; a failing
# record is retried in place with exponential backoff and jitter, then published to
# KAFKA_DEAD_LETTER_PREFIX.<event> after KAFKA_CONSUMER_MAX_ATTEMPTS attempts.
KAFKA_CONSUMER_GROUP_PREFIX=${name}
KAFKA_CONSUMER_WORKERS=4
KAFKA_CONSUMER_MAX_POLL_RECORDS=100
KAFKA_CONSUMER_MAX_ATTEMPTS=5
KAFKA_CONSUMER_HANDLER_TIMEOUT=30s
KAFKA_CONSUMER_BACKOFF_INITIAL=500ms
KAFKA_CONSUMER_BACKOFF_MAX=10s
# Processed event IDs kept in memory, all consumers together, when no SQL store records them.
KAFKA_CONSUMER_DEDUPE_SIZE=100000
KAFKA_DEAD_LETTER_PREFIX=${name}.dead
`;

const README = (name: string) => `## Event consumers (Kafka)

Each consumer in \`internal/adapter/kafka/*_consumer.go\` runs a use case for every event of one type,
as a member of the consumer group \`KAFKA_CONSUMER_GROUP_PREFIX-<event>\` on the service's topic (the
events of other types on it are passed over). It runs as a worker beside the HTTP server
(\`internal/bootstrap/consumers.go\`); replicas share the topic's partitions.

- **At least once, each event handled once per record.** Every record runs in one unit of work
  (\`port.Inbox\`): the event's ID is recorded as processed, then the use case runs, and the offset is
  committed after the commit. A failing use case leaves no record, so the retry runs it again; an event
  delivered again after the commit is passed over without running it. Without a SQL store the records
  are the newest \`KAFKA_CONSUMER_DEDUPE_SIZE\` IDs in memory (\`memory.Inbox\`): a restart or another
  replica does not know them, so make the use case idempotent where a repeat matters. With PostgreSQL
  they are rows of \`processed_messages\`, written in the use case's transaction.
- **In order per key, bounded.** Events of one key are on one partition, and a partition's records are
  handled one after another. A poll takes at most \`KAFKA_CONSUMER_MAX_POLL_RECORDS\` records, handles
  at most \`KAFKA_CONSUMER_WORKERS\` partitions at once, commits, and only then polls again: a slow use
  case slows the polling, and a rebalance waits until the records polled are committed.
- **Retries in place, then a dead letter.** A failing use case is retried after a delay doubling from
  \`KAFKA_CONSUMER_BACKOFF_INITIAL\` up to \`KAFKA_CONSUMER_BACKOFF_MAX\` (half of it random), holding
  its partition so that no later event of the key overtakes it. After \`KAFKA_CONSUMER_MAX_ATTEMPTS\`
  attempts, or at once for a record that cannot be decoded, is of another schema version, or fails
  with \`domain.ErrInvalid\`, it is published to \`${name}.dead.<event>\` with the headers
  \`dead-letter-error\`, \`dead-letter-attempts\`, \`dead-letter-topic\`, \`dead-letter-partition\`,
  \`dead-letter-offset\` and \`dead-letter-consumer\`, and consumption goes on.
- **Shutdown.** After the HTTP drain the consumers stop polling, finish the records in hand (each
  attempt within \`KAFKA_CONSUMER_HANDLER_TIMEOUT\`), commit their offsets and leave their groups; a
  record waiting for a retry is left to the group's next member.
- **Readiness and telemetry.** \`/readyz\` reports each consumer's cluster, as
  degraded while it is away (still 200: every replica shares the broker). Logs carry \`message_id\`
  and \`attempt\`; the consumer span continues the trace of the \`traceparent\` header; with Prometheus:
  \`events_consumed_total\`, \`event_retries_total\`, \`events_dead_lettered_total\`,
  \`event_handler_duration_seconds\` and \`kafka_consumer_lag\` (per partition), labelled by consumer.
`;
