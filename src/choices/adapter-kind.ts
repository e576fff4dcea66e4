import { UsageError } from '../errors.js';
import { DATASTORES, type Datastore } from './catalog.js';

/** The kind `svc add adapter <kind>` takes: one of the datastores; anything else is bad input. */
export function parseAdapterKind(kind: string): Datastore {
  if ((DATASTORES as readonly string[]).includes(kind)) return kind as Datastore;
  throw new UsageError(`unknown adapter kind ${JSON.stringify(kind)}`, `choose one of: ${DATASTORES.join(', ')} (e.g. svc add adapter postgres)`);
}

/** The line `svc add adapter` records in svc.json's history, for either target. */
export function adapterCommand(kind: string, port: string | undefined): string {
  return `add adapter ${kind}${port === undefined ? '' : ` --for ${port}`}`;
}
