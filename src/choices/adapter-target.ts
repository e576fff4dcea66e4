import { UsageError } from '../errors.js';
import { SQL_DATASTORES, type Datastore } from './catalog.js';
import { namesOf } from './naming.js';

/** The port of the sample domain: the only one postgres and redis generate code for. */
export const SAMPLE_PORT = 'OrderRepository';

/** What an adapter serves: the sample OrderRepository, or nothing yet (connection, config and readiness only). */
export interface AdapterTarget {
  port: typeof SAMPLE_PORT | null;
}

/** Where a target keeps ports and adapters, and how its messages name them. */
export interface AdapterLayout {
  portDir: string;
  /** The memory adapter of a port, and the one to model a new one on. */
  memoryFile(port: string): string;
  memoryModel: string;
  /** A store's adapter of a port, the file holding its connection, and the sample adapter to model on. */
  adapterFile(store: Datastore, port: string): string;
  connectionFile(store: Datastore): string;
  modelFile(store: Datastore): string;
  /** What is in place once the connection exists, e.g. `pool and migrations are`. */
  connectionInPlace(store: Datastore): string;
  /** The port as the user's code names it: `port.X` in Go, `X` in TypeScript. */
  portRef(port: string): string;
  /** Where the user then wires the adapter, e.g. `set it in newPorts (internal/bootstrap/ports.go)`. */
  wiring: string;
}

/**
 * The decisions of `svc add adapter <store> [--for Port]` for every target (docs/adapters.md):
 * - without --for, postgres/redis serve the sample OrderRepository when the sample exists, and
 *   otherwise add the connection alone (pool/client, config, readiness, migrations) for later use;
 * - --for a port that does not exist is bad input (exit 2);
 * - --for another port is refused (exit 2) with what to write by hand: a SQL schema and a cache
 *   key cannot be derived honestly from a method list, and a skeleton that fails at run time
 *   would only look done.
 */
export function resolveAdapterTarget(
  store: Datastore,
  port: string | undefined,
  service: { ports: ReadonlySet<string>; example: boolean; exists(file: string): boolean },
  layout: AdapterLayout,
): AdapterTarget {
  const sample = service.ports.has(SAMPLE_PORT) && service.example ? SAMPLE_PORT : null;
  if (port === undefined) return { port: sample };
  requireDeclaredPort(port, service.ports, layout);
  if (store === 'memory') {
    const file = layout.memoryFile(port);
    if (service.exists(file)) return { port: null };
    throw new UsageError(`${port} has no memory adapter (${file}), and svc writes one only together with the port`, `write ${file} by hand, modelled on ${layout.memoryModel}`);
  }
  if (port === sample) return { port: sample };
  const refused = `svc generates a ${store} adapter only for the sample ${SAMPLE_PORT}; it will not guess a ${SQL_DATASTORES.includes(store) ? 'schema' : 'cache key and encoding'} for ${port}`;
  const file = layout.adapterFile(store, port);
  if (service.exists(layout.connectionFile(store))) {
    throw new UsageError(refused, `the ${layout.connectionInPlace(store)} in place: implement ${layout.portRef(port)} in ${file} (model: ${layout.modelFile(store)}) and ${layout.wiring}`);
  }
  throw new UsageError(
    refused,
    `run svc add adapter ${store} (without --for) for the ${store === 'sqlite' ? 'database file, migrations' : SQL_DATASTORES.includes(store) ? 'pool, migrations' : 'client'}, config and readiness check, ` +
      `then implement ${layout.portRef(port)} in ${file} and ${layout.wiring}`,
  );
}

/**
 * The port `svc add adapter http --for Port` implements: any declared port (its methods become JSON
 * calls, so nothing has to be guessed); one that does not exist is bad input (exit 2).
 */
export function resolveHttpAdapterPort(port: string, ports: ReadonlySet<string>, layout: Pick<AdapterLayout, 'portDir'>): string {
  requireDeclaredPort(port, ports, layout);
  return port;
}

function requireDeclaredPort(port: string, ports: ReadonlySet<string>, layout: Pick<AdapterLayout, 'portDir'>): void {
  if (ports.has(port)) return;
  const known = [...ports].sort();
  throw new UsageError(
    `there is no port ${JSON.stringify(port)} in ${layout.portDir}${known.length > 0 ? ` (ports: ${known.join(', ')})` : ''}`,
    `add it first with: svc add port ${/^[A-Z]/.test(port) ? port : namesOf(port).pascal}`,
  );
}
