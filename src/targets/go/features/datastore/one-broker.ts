import { UsageError } from '../../../../errors.js';
import type { Tree } from '../../../../tree/tree.js';
import { goFilesIn } from '../../add/go-files.js';
import type { Broker } from './nats-wiring.js';

const BROKERS: readonly Broker[] = ['nats', 'kafka', 'rabbitmq'];

/**
 * One broker per service: the events have one publisher, port.EventPublisher. A second broker's
 * package beside the first is refused (exit 2) before anything is written.
 */
export function refuseSecondBroker(tree: Tree, wanted: Broker): void {
  const present = BROKERS.find((broker) => broker !== wanted && goFilesIn(tree, `internal/adapter/${broker}`).length > 0);
  if (present === undefined) return;
  throw new UsageError(
    `this service publishes its events to ${present} already, and a service has one broker: port.EventPublisher has one implementation`,
    `nothing was changed; to move to ${wanted}, remove internal/adapter/${present} and its wiring in internal/bootstrap first, then run svc add adapter ${wanted}`,
  );
}
