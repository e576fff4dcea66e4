import type { Choices } from './options.js';

/** The booleans every target's templates branch on, derived from the choices the same way for Go and TypeScript. */
export function choiceFlags(choices: Choices) {
  return {
    transport: { http: choices.transport.includes('http'), grpc: choices.transport.includes('grpc') },
    metrics: { prometheus: choices.metrics === 'prometheus' },
    tracing: { otel: choices.tracing === 'otel' },
    deploy: {
      docker: choices.deploy.includes('docker'),
      compose: choices.deploy.includes('compose'),
      k8s: choices.deploy.includes('k8s'),
      githubActions: choices.deploy.includes('github-actions'),
      any: choices.deploy.length > 0,
    },
    messaging: { nats: choices.messaging === 'nats', kafka: choices.messaging === 'kafka', rabbitmq: choices.messaging === 'rabbitmq', any: (choices.messaging ?? 'none') !== 'none' },
    example: choices.example,
  };
}
