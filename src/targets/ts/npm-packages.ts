/**
 * Every npm package a generated TypeScript service depends on, pinned to a version tested on
 * Node 20.17+ (the engines floor of the generated package.json). Several latest majors need a
 * newer Node: vitest 5, OpenTelemetry JS 0.300 / 2.13+ and opossum 10 need Node 22, ESLint 10
 * needs 20.19. Stay below them until the floor moves.
 * Keys are the feature that needs the package; the template context turns them into sorted rows.
 */
export const NPM_PACKAGES = {
  base: {
    dependencies: { '@streamparser/json': '0.0.26', fastify: '5.12.8', pino: '10.4.0', zod: '4.6.7', opossum: '9.0.0' },
    devDependencies: {
      '@eslint/js': '9.39.5',
      '@types/node': '20.19.25',
      '@types/opossum': '8.1.9',
      eslint: '9.39.5',
      tsx: '4.23.15',
      typescript: '5.9.3',
      'typescript-eslint': '8.73.0',
      vitest: '4.1.12',
    },
  },
  'metrics-prometheus': { dependencies: { 'prom-client': '15.1.3' }, devDependencies: {} },
  'tracing-otel': {
    dependencies: {
      '@opentelemetry/api': '1.9.0',
      '@opentelemetry/exporter-trace-otlp-http': '0.223.0',
      '@opentelemetry/instrumentation': '0.223.0',
      '@opentelemetry/instrumentation-http': '0.223.0',
      '@opentelemetry/resources': '2.12.0',
      '@opentelemetry/sdk-trace-node': '2.12.0',
      '@opentelemetry/semantic-conventions': '1.45.0',
    },
    devDependencies: {},
  },
  postgres: { dependencies: { pg: '8.23.1' }, devDependencies: { '@types/pg': '8.23.1' } },
  // mysql2 ships its own types.
  mysql: { dependencies: { mysql2: '3.24.5' }, devDependencies: {} },
  // better-sqlite3 13 needs Node 22. A native module: the Dockerfile builds it (features/datastore/dockerfile.ts).
  sqlite: { dependencies: { 'better-sqlite3': '12.11.1' }, devDependencies: { '@types/better-sqlite3': '7.6.13' } },
  redis: { dependencies: { ioredis: '5.9.2' }, devDependencies: {} },
  // undici 7+ needs Node 20.18.1 and cockatiel 4 Node 22; opossum (the breaker) comes with base.
  outbound: { dependencies: { cockatiel: '3.2.1', undici: '6.29.1' }, devDependencies: {} },
} as const satisfies Record<string, { dependencies: Record<string, string>; devDependencies: Record<string, string> }>;

export type NpmPackageSet = keyof typeof NPM_PACKAGES;

/** The Node version the generated Dockerfile and CI use; package.json engines says >=20.17. */
export const NODE_VERSION = '20';
