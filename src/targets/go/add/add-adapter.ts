import type { AddOperation } from '../../../cli/svc-add-action.js';
import { UsageError } from '../../../errors.js';
import type { Project } from '../../../project/load-project.js';
import { adapterCommand, parseAdapterKind } from '../../../spec/adapter-kind.js';
import { withDatastore, type Datastore } from '../../../spec/catalog.js';
import { namesOf } from '../../../spec/naming.js';
import { goTemplateContext } from '../context.js';
import { loadGoParser, type GoParser } from '../edit/index.js';
import type { AdapterTarget } from '../features/datastore/context.js';
import { applyPostgres } from '../features/postgres.js';
import { applyRedis } from '../features/redis.js';
import { goPostSteps } from '../post-steps.js';
import { goFilesIn, MEMORY_DIR, PORT_DIR } from './go-files.js';

export interface AddAdapterOptions {
  /** The port the adapter implements; defaults to the sample OrderRepository when it exists. */
  for?: string;
  /** Run `go mod tidy` after the commit (default true); `--no-install` turns it off. */
  install?: boolean;
}

/** The port of the sample domain: the only one postgres and redis generate code for. */
const SAMPLE_PORT = 'OrderRepository';

/**
 * `svc add adapter <memory|postgres|redis> [--for Port]`. Postgres and redis run the very feature
 * modules `create-service --datastore …` runs, so create + add gives the bytes of create with the
 * datastore. Decisions (docs/adapters.md):
 * - without --for, postgres/redis serve the sample OrderRepository when the sample exists, and
 *   otherwise add the connection alone (pool/client, config, readiness, migrations) for later use;
 * - --for a port that does not exist is bad input (exit 2);
 * - --for another port is refused (exit 2) with what to write by hand: a SQL schema and a cache
 *   key cannot be derived honestly from a method list, and a skeleton of panics would compile
 *   and fail at run time.
 */
export function addAdapterOperation(kind: string, options: AddAdapterOptions = {}): AddOperation {
  return {
    command: adapterCommand(kind, options.for),
    async apply(project) {
      const store = parseAdapterKind(kind);
      const parser = await loadGoParser();
      const target = resolveTarget(project, parser, store, options.for);
      if (store !== 'memory') {
        const context = goTemplateContext(project.spec, []);
        if (store === 'postgres') await applyPostgres(project.tree, context, target);
        else await applyRedis(project.tree, context, target);
        project.manifest.choices = { ...project.manifest.choices, datastore: withDatastore(project.manifest.choices.datastore, store) };
      }
      return { postSteps: goPostSteps({ install: options.install !== false, git: false }) };
    },
  };
}

function resolveTarget(project: Project, parser: GoParser, store: Datastore, port: string | undefined): AdapterTarget {
  const ports = declaredPorts(project, parser);
  const sample = ports.has(SAMPLE_PORT) && project.spec.choices.example ? SAMPLE_PORT : null;
  if (port === undefined) return { port: sample };
  if (!ports.has(port)) {
    const known = [...ports].sort();
    throw new UsageError(
      `there is no port ${JSON.stringify(port)} in ${PORT_DIR}${known.length > 0 ? ` (ports: ${known.join(', ')})` : ''}`,
      `add it first with: svc add port ${/^[A-Z]/.test(port) ? port : namesOf(port).pascal}`,
    );
  }
  if (store === 'memory') {
    const file = `${MEMORY_DIR}/${namesOf(port).snake}.go`;
    if (project.tree.exists(file)) return { port: null };
    throw new UsageError(
      `${port} has no memory adapter (${file}), and svc writes one only together with the port`,
      `write ${file} by hand, modelled on ${MEMORY_DIR}/order_repository.go`,
    );
  }
  if (port === sample) return { port: sample };
  const file = `internal/adapter/${store}/${namesOf(port).snake}.go`;
  if (project.tree.exists(`internal/adapter/${store}/${store}.go`)) {
    throw new UsageError(
      `svc generates a ${store} adapter only for the sample ${SAMPLE_PORT}; it will not guess a ${store === 'postgres' ? 'schema' : 'cache key and encoding'} for ${port}`,
      `the ${store === 'postgres' ? 'pool (db) and migrations are' : 'client (rdb) is'} in place: implement port.${port} in ${file} ` +
        `(model: internal/adapter/${store}/${store === 'postgres' ? 'order_repository.go' : 'order_cache.go'}) and set it in newPorts (internal/bootstrap/ports.go)`,
    );
  }
  throw new UsageError(
    `svc generates a ${store} adapter only for the sample ${SAMPLE_PORT}; it will not guess a ${store === 'postgres' ? 'schema' : 'cache key and encoding'} for ${port}`,
    `run svc add adapter ${store} (without --for) for the ${store === 'postgres' ? 'pool, migrations' : 'client'}, config and readiness check, ` +
      `then implement port.${port} in ${file} and set it in newPorts (internal/bootstrap/ports.go)`,
  );
}

/** Names of the interfaces declared at the top level of internal/port. */
function declaredPorts(project: Project, parser: GoParser): Set<string> {
  const names = new Set<string>();
  for (const file of goFilesIn(project.tree, PORT_DIR)) {
    if (file.endsWith('_test.go')) continue;
    const tree = parser.parse(project.tree.read(file) ?? '');
    try {
      for (const spec of tree.rootNode.descendantsOfType('type_spec')) {
        if (spec?.parent?.parent?.type !== 'source_file') continue;
        const name = spec.childForFieldName('name');
        if (name !== null && spec.childForFieldName('type')?.type === 'interface_type') names.add(name.text);
      }
    } finally {
      tree.delete();
    }
  }
  return names;
}
