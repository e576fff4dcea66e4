import { baseFeature } from './base.js';
import type { GoFeature } from './feature.js';
import { lazyFeature } from './lazy-feature.js';
import { templateFeature } from './template-feature.js';

/** Every Go feature in the order it is applied. A new feature is one entry here plus its folder. */
export const GO_FEATURES: readonly GoFeature[] = [
  baseFeature,
  templateFeature('example', (spec) => spec.choices.example, () => ['example']),
  // The event envelope, the publisher port and its in-memory default: the sample publishes order.placed.
  templateFeature('events', (spec) => spec.choices.example),
  templateFeature('docker', (spec) => spec.choices.deploy.includes('docker')),
  templateFeature('compose', (spec) => spec.choices.deploy.includes('compose')),
  templateFeature('k8s', (spec) => spec.choices.deploy.includes('k8s')),
  templateFeature('github-actions', (spec) => spec.choices.deploy.includes('github-actions')),
  // Datastores edit what the folders above rendered, exactly as `svc add adapter` does later.
  lazyFeature('postgres', (spec) => spec.choices.datastore.includes('postgres'), ['postgres'], async () => (await import('./postgres.js')).postgresFeature),
  lazyFeature('mysql', (spec) => spec.choices.datastore.includes('mysql'), ['mysql'], async () => (await import('./mysql.js')).mysqlFeature),
  lazyFeature('sqlite', (spec) => spec.choices.datastore.includes('sqlite'), ['sqlite'], async () => (await import('./sqlite.js')).sqliteFeature),
  lazyFeature('redis', (spec) => spec.choices.datastore.includes('redis'), ['redis'], async () => (await import('./redis.js')).redisFeature),
  // The broker comes after the stores: its wiring sits beside theirs in the composition root.
  lazyFeature('nats', (spec) => spec.choices.messaging === 'nats', ['nats'], async () => (await import('./nats.js')).natsFeature),
  lazyFeature('kafka', (spec) => spec.choices.messaging === 'kafka', ['kafka'], async () => (await import('./kafka.js')).kafkaFeature),
  lazyFeature('rabbitmq', (spec) => spec.choices.messaging === 'rabbitmq', ['rabbitmq'], async () => (await import('./rabbitmq.js')).rabbitmqFeature),
  // The gRPC transport comes last, after the datastores, as `svc add transport grpc` does on a
  // service that has them: it edits what the folders above rendered and gives its e2e test their variables.
  lazyFeature('grpc', (spec) => spec.choices.transport.includes('grpc'), ['grpc'], async () => (await import('./grpc.js')).grpcFeature),
];
