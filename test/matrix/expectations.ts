import { SQL_DATASTORES } from '../../src/choices/catalog.js';
import type { MatrixChoices } from './service-matrix.js';

/**
 * What a generated project must and must not contain, derived from its choices. A choice not
 * named here (a new catalog value) still runs through the whole toolchain; it only lacks these
 * extra presence checks until one is added.
 */
export interface Presence {
  present: string[];
  absent: string[];
}

function presence(rules: [boolean, string[]][]): Presence {
  return {
    present: rules.filter(([on]) => on).flatMap(([, names]) => names),
    absent: rules.filter(([on]) => !on).flatMap(([, names]) => names),
  };
}

/** Module paths in go.mod after go mod tidy. */
export function goModules(choices: MatrixChoices): Presence {
  return presence([
    [choices.logger === 'zap', ['go.uber.org/zap']],
    [choices.metrics === 'prometheus', ['github.com/prometheus/client_golang']],
    [choices.tracing === 'otel', ['go.opentelemetry.io/otel/sdk', 'opentelemetry']],
    [choices.datastore.includes('postgres'), ['github.com/jackc/pgx']],
    [choices.datastore.includes('mysql'), ['github.com/go-sql-driver/mysql']],
    [choices.datastore.includes('sqlite'), ['modernc.org/sqlite']],
    // Every SQL store migrates with goose.
    [choices.datastore.some((store) => SQL_DATASTORES.includes(store)), ['github.com/pressly/goose']],
    [choices.datastore.includes('redis'), ['github.com/redis/go-redis']],
    [choices.messaging === 'nats', ['github.com/nats-io/nats.go']],
    [choices.messaging === 'kafka', ['github.com/twmb/franz-go']],
    [choices.messaging === 'rabbitmq', ['github.com/rabbitmq/amqp091-go']],
    // grpc itself is also an indirect requirement of the OTLP exporter: the code generators say gRPC.
    [choices.transport.includes('grpc'), ['google.golang.org/grpc/cmd/protoc-gen-go-grpc', 'google.golang.org/protobuf/cmd/protoc-gen-go']],
  ]);
}

/**
 * Go packages whose tests must pass. Integration tests are among them (CI=true makes a missing
 * server fail them): the datastore adapters' own, which exist once the example gives them a port,
 * and cmd's end-to-end test, which always runs against every chosen datastore.
 */
export function goTestedPackages(choices: MatrixChoices): string[] {
  const adapters = choices.example ? choices.datastore.map((store) => `internal/adapter/${store}`) : [];
  return [
    'cmd/orders',
    'internal/adapter/http',
    'internal/platform/config',
    ...adapters,
    // The publisher's integration tests run whether or not the sample publishes through it.
    ...(choices.messaging !== 'none' ? [`internal/adapter/${choices.messaging}`] : []),
    ...(choices.tracing === 'otel' ? ['internal/platform/tracing'] : []),
    ...(choices.metrics === 'prometheus' ? ['internal/platform/metrics'] : []),
    ...(choices.transport.includes('grpc') ? ['internal/adapter/grpc', 'internal/platform/grpcserver'] : []),
  ];
}

/** Runtime dependencies in package.json. */
export function tsDependencies(choices: MatrixChoices): Presence {
  return presence([
    [true, ['fastify', 'pino', 'zod', 'opossum']],
    [choices.metrics === 'prometheus', ['prom-client']],
    [choices.tracing === 'otel', ['@opentelemetry/api', '@opentelemetry/sdk-trace-node']],
    [choices.datastore.includes('postgres'), ['pg']],
    [choices.datastore.includes('mysql'), ['mysql2']],
    [choices.datastore.includes('sqlite'), ['better-sqlite3']],
    [choices.datastore.includes('redis'), ['ioredis']],
  ]);
}

/** Test files that must have run with every test passing (present) or must not exist (absent). */
export function tsTestFiles(choices: MatrixChoices): Presence {
  return presence([
    [true, ['test/service.test.ts', 'src/adapter/http/server.test.ts', 'src/platform/config.test.ts']],
    [choices.example, ['src/adapter/http/orders.test.ts', 'src/app/create-order.test.ts']],
    [choices.tracing === 'otel', ['src/platform/tracing.test.ts']],
    [choices.datastore.includes('postgres'), ['src/adapter/postgres/postgres.test.ts']],
    [choices.datastore.includes('mysql'), ['src/adapter/mysql/mysql.test.ts']],
    [choices.datastore.includes('sqlite'), ['src/adapter/sqlite/sqlite.test.ts', 'src/adapter/sqlite/idempotency-store.test.ts', 'src/adapter/sqlite/unavailable.test.ts']],
    [choices.datastore.includes('redis'), ['src/adapter/redis/redis.test.ts']],
  ]);
}

/** Deployment files, the same for both targets. */
export function deployFiles(choices: MatrixChoices): Presence {
  return presence([
    [choices.deploy.includes('docker'), ['Dockerfile', '.dockerignore']],
    [choices.deploy.includes('compose'), ['compose.yaml']],
    [choices.deploy.includes('k8s'), ['deploy/k8s']],
    [choices.deploy.includes('github-actions'), ['.github/workflows']],
  ]);
}
