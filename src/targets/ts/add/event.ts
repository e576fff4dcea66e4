import type { AddOperation } from '../../../target-contract/add-operation.js';
import { eventCommand } from '../../../choices/event-command.js';
import { UsageError } from '../../../errors.js';

/** `svc add event` in a TypeScript service: refused, as brokers are (no TypeScript service has an event port yet). */
export function addTsEventOperation(name: string, options: { from?: string } = {}): AddOperation {
  return {
    command: eventCommand(name, options),
    apply() {
      return Promise.reject(
        new UsageError(`svc add event ${name} is not yet for TypeScript: a TypeScript service has no event envelope or publisher port`, 'nothing was changed; events are added to Go services'),
      );
    },
  };
}
