import { UsageError } from '../../../../errors.js';
import type { Project } from '../../../../project/load-project.js';

/** Whether the service was created with (or given) the gRPC transport. */
export function hasGrpcTransport(project: Project): boolean {
  return (project.spec.choices.transport as readonly string[]).includes('grpc');
}

/** `--grpc` on a service without the transport: bad usage, before anything is planned. */
export function requireGrpcTransport(project: Project, useCase: string): void {
  if (hasGrpcTransport(project)) return;
  throw new UsageError(`--grpc: ${project.spec.name.kebab} has no gRPC transport, so there is no API to add the rpc ${useCase} to`, `add the transport first: svc add transport grpc`);
}
