/**
 * The one table of Go versions a generated service depends on. Every entry was tested
 * together: generated in every option combination, then `go mod tidy`, `go vet`,
 * golangci-lint and `go test -race`. Bump versions here, in one place, and re-run that matrix.
 */

/**
 * The `go` directive of generated go.mod files: the oldest Go that builds them, chosen on
 * purpose (README.md, "Go version"). Go supports its last two releases (1.25, 1.26), but the
 * floor is 1.26.0 because every pinned module below but zap and pgx declares `go 1.26.0`
 * (caarlos0/env, in every service, among them), and the generated code uses Go 1.26 API
 * (reflect.Type.Fields in config, errors.AsType) besides 1.25's sync.WaitGroup.Go and
 * testing/synctest. test/e2e/go-binary.test.ts checks that no module needs more.
 */
export const GO_DIRECTIVE = '1.26.0';

export interface GoRequirement {
  path: string;
  version: string;
}

/** Direct requirements per feature id. 'base' always; 'logger-zap', 'metrics-prometheus', 'tracing-otel' when chosen. */
export const goRequirements: Record<
  'base' | 'logger-zap' | 'metrics-prometheus' | 'tracing-otel' | 'example' | 'postgres' | 'mysql' | 'sqlite' | 'redis' | 'nats' | 'kafka' | 'rabbitmq' | 'outbox' | 'outbound' | 'outbound-otel' | 'grpc' | 'grpc-prometheus' | 'grpc-otel',
  GoRequirement[]
> = {
  base: [
    { path: 'github.com/caarlos0/env/v11', version: 'v11.4.2' },
    // The strict JSON decoder of every handler (internal/adapter/http/json.go): encoding/json/v2
    // semantics without GOEXPERIMENT=jsonv2. Its go.mod asks for go 1.26, within GO_DIRECTIVE.
    { path: 'github.com/go-json-experiment/json', version: 'v1.27.2' },
    // errgroup: bootstrap.Run runs the HTTP server and the workers (gRPC server, relay, consumers) in one group.
    { path: 'golang.org/x/sync', version: 'v0.24.0' },
  ],
  'logger-zap': [
    { path: 'go.uber.org/zap', version: 'v1.28.0' },
    { path: 'go.uber.org/zap/exp', version: 'v0.3.0' },
  ],
  'metrics-prometheus': [{ path: 'github.com/prometheus/client_golang', version: 'v1.25.0' }],
  'tracing-otel': [
    // The server spans are made on the API directly (internal/adapter/http/tracing.go), not with
    // otelhttp, whose handler costs ~37 allocations per request even for spans nobody records.
    { path: 'go.opentelemetry.io/otel', version: 'v1.47.0' },
    { path: 'go.opentelemetry.io/otel/exporters/otlp/otlptrace/otlptracehttp', version: 'v1.47.0' },
    { path: 'go.opentelemetry.io/otel/sdk', version: 'v1.47.0' },
    { path: 'go.opentelemetry.io/otel/trace', version: 'v1.47.0' },
  ],
  // The sample domain uses the standard library only.
  example: [],
  // svc add adapter postgres / --datastore postgres: pgx pool, goose migrations (embedded).
  postgres: [
    { path: 'github.com/jackc/pgx/v5', version: 'v5.12.0' },
    { path: 'github.com/pressly/goose/v3', version: 'v3.29.0' },
  ],
  // svc add adapter mysql / --datastore mysql: database/sql with go-sql-driver, goose migrations (embedded).
  mysql: [
    { path: 'github.com/go-sql-driver/mysql', version: 'v1.10.1' },
    { path: 'github.com/pressly/goose/v3', version: 'v3.29.0' },
  ],
  // svc add adapter sqlite / --datastore sqlite: modernc.org/sqlite (pure Go, no cgo: the static
  // image still works; it brings the modernc.org/libc its go.mod names, never required beside it),
  // goose migrations (embedded).
  sqlite: [
    { path: 'github.com/pressly/goose/v3', version: 'v3.29.0' },
    { path: 'modernc.org/sqlite', version: 'v1.62.0' },
  ],
  // svc add adapter redis / --datastore redis: go-redis client, its circuit breaker, singleflight for the caches.
  redis: [
    { path: 'github.com/redis/go-redis/v9', version: 'v9.23.0' },
    { path: 'github.com/sony/gobreaker/v2', version: 'v2.4.0' },
    { path: 'golang.org/x/sync', version: 'v0.24.0' },
  ],
  // svc add adapter nats / --messaging nats: the nats.go client and its jetstream package (one module).
  nats: [{ path: 'github.com/nats-io/nats.go', version: 'v1.55.0' }],
  // The transactional outbox (postgres and a broker): the relay's jittered exponential backoff.
  outbox: [{ path: 'github.com/cenkalti/backoff/v5', version: 'v5.0.3' }],
  // svc add adapter kafka / --messaging kafka: franz-go's client, its admin client (the topic at
  // start), and kfake, the in-process Kafka the tests run against (untagged: a pseudo-version).
  kafka: [
    { path: 'github.com/twmb/franz-go', version: 'v1.22.3' },
    { path: 'github.com/twmb/franz-go/pkg/kadm', version: 'v1.20.0' },
    { path: 'github.com/twmb/franz-go/pkg/kfake', version: 'v0.0.0-20260918054303-01f206a7e32c' },
  ],
  // svc add adapter rabbitmq / --messaging rabbitmq: the AMQP 0-9-1 client the RabbitMQ team keeps.
  rabbitmq: [{ path: 'github.com/rabbitmq/amqp091-go', version: 'v1.16.0' }],
  // svc add adapter http: internal/platform/outbound's breaker and token bucket, and goleak in its tests.
  outbound: [
    { path: 'github.com/sony/gobreaker/v2', version: 'v2.4.0' },
    { path: 'go.uber.org/goleak', version: 'v1.3.0' },
    { path: 'golang.org/x/time', version: 'v0.16.0' },
  ],
  // With tracing: client spans and propagation. v0.72.0 is the release built on otel v1.47.0 (tracing-otel above).
  'outbound-otel': [{ path: 'go.opentelemetry.io/contrib/instrumentation/net/http/otelhttp', version: 'v0.72.0' }],
  // --transport grpc / svc add transport grpc (docs/grpc.md). googleapis/rpc (errdetails) at the
  // version grpc v1.85.0 requires, so tidy keeps it; protoc-gen-go(-grpc) are go.mod tools, so the
  // generator is the runtime's version.
  grpc: [
    { path: 'github.com/grpc-ecosystem/go-grpc-middleware/v2', version: 'v2.3.4' },
    { path: 'google.golang.org/genproto/googleapis/rpc', version: 'v0.0.0-20260817212433-ac3dfec99bb1' },
    { path: 'google.golang.org/grpc', version: 'v1.85.0' },
    { path: 'google.golang.org/grpc/cmd/protoc-gen-go-grpc', version: 'v1.6.2' },
    { path: 'google.golang.org/protobuf', version: 'v1.36.12' },
  ],
  'grpc-prometheus': [{ path: 'github.com/grpc-ecosystem/go-grpc-middleware/providers/prometheus', version: 'v1.1.1' }],
  // The stats handler; v0.72.0 is built on otel v1.47.0, as tracing-otel.
  'grpc-otel': [{ path: 'go.opentelemetry.io/contrib/instrumentation/google.golang.org/grpc/otelgrpc', version: 'v0.72.0' }],
};

/** The `tool` directives of a service with gRPC: its code generators, at the runtime's versions. */
export const GRPC_GO_TOOLS = ['google.golang.org/grpc/cmd/protoc-gen-go-grpc', 'google.golang.org/protobuf/cmd/protoc-gen-go'];

/**
 * Tools the generated Makefile and CI run at these exact versions. govulncheck v1.9.0 is out,
 * but its golang.org/x/telemetry dependency could not be fetched where this table was
 * tested; v1.8.0 is the newest release that was built and run here.
 */
export const GO_TOOLS = {
  golangciLint: 'v2.15.0',
  govulncheck: 'v1.8.0',
  // buf for the gRPC transport, in tools/buf/go.mod (docs/grpc.md): v1.75.0 declares go 1.26.7.
  buf: 'v1.75.0',
  bufGoDirective: '1.26.7',
};
