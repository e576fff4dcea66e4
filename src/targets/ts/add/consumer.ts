import type { AddOperation } from '../../../target-contract/add-operation.js';
import { consumerCommand } from '../../../choices/consumer-command.js';
import { UsageError } from '../../../errors.js';

/** `svc add consumer` in a TypeScript service: refused, as brokers and events are. */
export function addTsConsumerOperation(event: string, options: { handler: string }): AddOperation {
  return {
    command: consumerCommand(event, options),
    apply() {
      return Promise.reject(
        new UsageError(`svc add consumer ${event} is not yet for TypeScript: a TypeScript service has no broker or event envelope`, 'nothing was changed; consumers are added to Go services'),
      );
    },
  };
}
