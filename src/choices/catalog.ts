import { UsageError } from '../errors.js';

/** Every choice the create command offers, with its default. One table for flags, prompts and validation. */
export const LANGS = ['go', 'ts'] as const;
export const TRANSPORTS = ['http', 'grpc'] as const;
export const DATASTORES = ['memory', 'postgres', 'mysql', 'sqlite', 'redis'] as const;
/**
 * The relational stores: a service keeps its records in at most one of them (two would mean two
 * schemas, two migration histories and a choice on every write). Redis combines with any of them,
 * as the cache in front. Names the catalog does not offer yet are harmless here.
 */
export const SQL_DATASTORES: readonly string[] = ['postgres', 'mysql', 'sqlite'];
export const LOGGERS = ['slog', 'zap'] as const;
export const METRICS = ['prometheus', 'none'] as const;
export const TRACING = ['otel', 'none'] as const;
export const DEPLOY_TARGETS = ['docker', 'compose', 'k8s', 'github-actions'] as const;
/** The broker a service publishes its events to; `none` publishes nowhere (the sample records them in memory). */
export const MESSAGING = ['none', 'nats', 'kafka', 'rabbitmq'] as const;

export type Lang = (typeof LANGS)[number];
export type Transport = (typeof TRANSPORTS)[number];
export type Datastore = (typeof DATASTORES)[number];
export type Logger = (typeof LOGGERS)[number];
export type Metrics = (typeof METRICS)[number];
export type Tracing = (typeof TRACING)[number];
export type DeployTarget = (typeof DEPLOY_TARGETS)[number];
export type Messaging = (typeof MESSAGING)[number];

export const DEFAULTS = {
  lang: 'go' as Lang,
  transport: ['http'] as Transport[],
  datastore: ['memory'] as Datastore[],
  logger: 'slog' as Logger,
  metrics: 'prometheus' as Metrics,
  tracing: 'otel' as Tracing,
  deploy: [...DEPLOY_TARGETS] as DeployTarget[],
  messaging: 'none' as Messaging,
  example: true,
};

export const CHOICE_LABELS: Record<string, string> = {
  http: 'HTTP/JSON (net/http ServeMux)',
  grpc: 'gRPC (grpc-go, buf; Go only)',
  memory: 'In-memory (embedded default)',
  postgres: 'PostgreSQL (pgx pool, goose migrations)',
  mysql: 'MySQL / MariaDB (connection pool, embedded migrations)',
  sqlite: 'SQLite (embedded file: one writer, WAL, embedded migrations; one replica)',
  redis: 'Redis (go-redis cache in front of the repository)',
  slog: 'log/slog (standard library)',
  zap: 'zap (behind the slog API)',
  prometheus: 'Prometheus',
  otel: 'OpenTelemetry (OTLP when an endpoint is set)',
  none: 'None',
  nats: 'NATS JetStream (nats.go jetstream; through an outbox with postgres)',
  kafka: 'Kafka (franz-go; idempotent producer, acks=all; through an outbox with postgres)',
  rabbitmq: 'RabbitMQ (amqp091-go; publisher confirms; through an outbox with postgres)',
  docker: 'Dockerfile',
  compose: 'Docker Compose',
  k8s: 'Kubernetes manifests',
  'github-actions': 'GitHub Actions CI',
};

/**
 * The datastores a service records once `added` joins `current`, in catalog order. Memory is the
 * embedded default: it is implied, and recorded only while no other datastore is there. A second
 * SQL store is bad input (refuseSecondSqlStore).
 */
export function withDatastore(current: readonly Datastore[], added: Datastore): Datastore[] {
  refuseSecondSqlStore(current, added);
  const chosen = new Set<Datastore>([...current, added]);
  const others = DATASTORES.filter((store) => store !== 'memory' && chosen.has(store));
  return others.length > 0 ? others : ['memory'];
}

/** Refuses (UsageError, exit 2) a SQL store joining a service that already has another one; redis and memory always join. */
export function refuseSecondSqlStore(current: readonly string[], added: string): void {
  const other = current.find((store) => store !== added && SQL_DATASTORES.includes(store));
  if (other === undefined || !SQL_DATASTORES.includes(added)) return;
  throw new UsageError(
    `${other} and ${added} cannot both be the datastore of one service: it keeps its records in one SQL store (one schema, one migration history); redis combines with either as the cache in front`,
    `keep one SQL store per service, e.g. --datastore ${other},redis; data that belongs in ${added} belongs to another service`,
  );
}

/** The datastores a service records for a chosen set (flags or prompts): the rule of withDatastore, applied to each in turn. */
export function recordedDatastores(chosen: readonly Datastore[]): Datastore[] {
  return chosen.reduce<Datastore[]>((stores, store) => withDatastore(stores, store), []);
}

/** The create flags whose values a target may not offer. */
export type ChoiceFlag = 'module' | 'transport' | 'datastore' | 'logger' | 'metrics' | 'tracing' | 'deploy' | 'messaging';

export interface UnsupportedChoice {
  flag: ChoiceFlag;
  /** The values the target refuses; without it, the flag does not apply to the target at all. */
  values?: readonly string[];
  /** What the target does instead, for the refusal. */
  why: string;
}

/**
 * What each target does not offer. Given for that target, a listed choice is refused (exit 2, the
 * message names the target) by src/choices/target-support.ts, never ignored; prompts do not ask a
 * flag that does not apply. A value one target lacks is one entry, e.g.
 * `{ flag: 'transport', values: ['grpc'], why: '...' }` under `ts`.
 */
export const UNSUPPORTED_CHOICES: Record<Lang, readonly UnsupportedChoice[]> = {
  go: [],
  ts: [
    { flag: 'module', why: 'the Go module path; a ts service is an npm package named after the service' },
    { flag: 'logger', why: "ts services always log with pino, Fastify's logger" },
    { flag: 'transport', values: ['grpc'], why: 'gRPC is not yet for TypeScript; it is a Go transport for now (use http)' },
    { flag: 'messaging', values: ['nats', 'kafka', 'rabbitmq'], why: 'messaging is not yet for TypeScript; brokers are Go only for now (use --lang go, or --messaging none)' },
  ],
};
