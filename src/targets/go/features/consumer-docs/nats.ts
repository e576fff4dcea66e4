/** The settings of the NATS JetStream consumers in .env.example, and their guarantees in README.md. */
export const natsConsumerDocs = (name: string, constant: string) => ({ envExample: ENV_EXAMPLE(name, constant), readme: README(name, constant) });

const ENV_EXAMPLE = (name: string, constant: string) => `# Event consumers (NATS JetStream): durable pull consumers <prefix>-<event>, each with at most
# NATS_CONSUMER_WORKERS messages in flight; a failing message is retried with exponential backoff
# and jitter, then published to NATS_DEAD_LETTER_PREFIX.<event> after NATS_CONSUMER_MAX_DELIVER attempts.
NATS_CONSUMER_DURABLE_PREFIX=${name}
NATS_CONSUMER_WORKERS=4
NATS_CONSUMER_MAX_DELIVER=5
NATS_CONSUMER_ACK_WAIT=30s
NATS_CONSUMER_BACKOFF_INITIAL=1s
NATS_CONSUMER_BACKOFF_MAX=1m
# Processed event IDs kept in memory, all consumers together, when no SQL store records them.
NATS_CONSUMER_DEDUPE_SIZE=100000
NATS_DEAD_LETTER_STREAM=${constant}_DEAD_LETTERS
NATS_DEAD_LETTER_PREFIX=${name}.dead
`;

const README = (name: string, constant: string) => `## Event consumers (NATS JetStream)

Each consumer in \`internal/adapter/nats/*_consumer.go\` runs a use case for every event of one type,
through a durable pull consumer (\`NATS_CONSUMER_DURABLE_PREFIX-<event>\`) on the service's stream. It
runs as a worker beside the HTTP server (\`internal/bootstrap/consumers.go\`).

- **At least once, each event handled once per record.** Every delivery runs in one unit of work
  (\`port.Inbox\`): the event's ID is recorded as processed, then the use case runs, and the message
  is acknowledged after the commit. A failing use case leaves no record, so the retry runs it again;
  an event delivered again after the commit is acknowledged without running it. Without a SQL store
  the records are the newest \`NATS_CONSUMER_DEDUPE_SIZE\` IDs in memory (\`memory.Inbox\`): a restart
  or another replica does not know them, so make the use case idempotent where a repeat matters.
  With PostgreSQL they are rows of \`processed_messages\`, written in the use case's transaction.
- **Bounded.** At most \`NATS_CONSUMER_WORKERS\` messages are in flight; the consumer fetches only as
  many as there are idle workers, so a slow use case slows fetching.
- **Retries, then a dead letter.** A failing use case is retried after a delay doubling from
  \`NATS_CONSUMER_BACKOFF_INITIAL\` up to \`NATS_CONSUMER_BACKOFF_MAX\` (half of it random). After
  \`NATS_CONSUMER_MAX_DELIVER\` attempts, or at once for a message that cannot be decoded, is of
  another schema version, or fails with \`domain.ErrInvalid\`, it is published to
  \`${name}.dead.<event>\` (stream \`${constant}_DEAD_LETTERS\`) with the headers \`Dead-Letter-Error\`,
  \`Dead-Letter-Attempts\`, \`Dead-Letter-Subject\` and \`Dead-Letter-Consumer\`, and consumption goes on.
- **Shutdown.** After the HTTP drain the consumers stop fetching, finish the messages they hold
  (each within \`NATS_CONSUMER_ACK_WAIT\`), acknowledge them and close their connections.
- **Readiness and telemetry.** \`/readyz\` reports each consumer's connection, as
  degraded while it is away (still 200: every replica shares the broker). Logs carry
  \`message_id\` and \`attempt\`; the consumer span continues the trace of the \`traceparent\` header;
  with Prometheus: \`events_consumed_total\`, \`event_retries_total\`, \`events_dead_lettered_total\`
  and \`event_handler_duration_seconds\`, labelled by consumer.
`;
