import type { AddOperation } from '../../../target-contract/add-operation.js';
import { TRANSPORTS } from '../../../choices/catalog.js';
import { parseTransportToAdd } from '../../../choices/target-support.js';
import { goTemplateContext } from '../context.js';
import { applyGrpc } from '../features/grpc.js';
import { useGoModulePath } from '../go-project.js';
import { goPostSteps } from '../post-steps.js';

export interface AddTransportOptions {
  /** Run go mod tidy and buf generate after the commit (default true); `--no-install` turns them off. */
  install?: boolean;
}

/**
 * `svc add transport grpc`: runs the very feature module `create-service --transport http,grpc`
 * runs (features/grpc.ts), so create + add gives the bytes of create with gRPC; on a service that
 * has it already, nothing changes. There is no compile check before the write: the adapter imports
 * the Go that `buf generate` writes in the post-steps, from the .proto this writes.
 */
export function addTransportOperation(kind: string, options: AddTransportOptions = {}): AddOperation {
  return {
    command: `add transport ${kind}`,
    async apply(project) {
      useGoModulePath(project);
      const transport = parseTransportToAdd('go', kind, 'Go');
      await applyGrpc(project.tree, goTemplateContext(project.spec, []));
      const chosen = new Set([...project.manifest.choices.transport, transport]);
      project.manifest.choices = { ...project.manifest.choices, transport: TRANSPORTS.filter((candidate) => chosen.has(candidate)) };
      return { postSteps: goPostSteps({ install: options.install !== false, git: false, generate: true }) };
    },
  };
}
