import type { AddOperation } from '../../../cli/svc-add-action.js';
import { UsageError } from '../../../errors.js';
import type { Project } from '../../../project/load-project.js';
import { adapterCommand, parseAdapterKind } from '../../../spec/adapter-kind.js';
import { withDatastore, type Datastore } from '../../../spec/catalog.js';
import { namesOf } from '../../../spec/naming.js';
import { filesIn } from '../../../tree/files-in.js';
import { tsTemplateContext } from '../context.js';
import { tsPostSteps } from '../post-steps.js';
import type { AdapterTarget } from '../features/datastore/context.js';
import { applyTsPostgres } from '../features/postgres.js';
import { applyTsRedis } from '../features/redis.js';
import { TsReader } from '../inspect/source.js';

export interface AddTsAdapterOptions {
  /** The port the adapter implements; defaults to the sample OrderRepository when it exists. */
  for?: string;
  /** Run `npm install` after the commit (default true), for the packages the adapter added; `--no-install` turns it off. */
  install?: boolean;
}

const SAMPLE_PORT = 'OrderRepository';
const PORT_DIR = 'src/port';
const MEMORY_DIR = 'src/adapter/memory';

/**
 * `svc add adapter <memory|postgres|redis> [--for Port]` in a TypeScript service, with the decisions
 * of the Go target (docs/adapters.md): postgres and redis run the feature modules create runs;
 * without --for they serve the sample OrderRepository when it exists, else add the connection,
 * config, readiness and wiring alone; --for another port is refused with what to write by hand,
 * because a schema or a cache key cannot be derived honestly from an interface.
 */
export function addTsAdapterOperation(kind: string, options: AddTsAdapterOptions = {}): AddOperation {
  return {
    command: adapterCommand(kind, options.for),
    async apply(project) {
      const store = parseAdapterKind(kind);
      const target = await resolveTarget(project, store, options.for);
      if (store !== 'memory') {
        const context = tsTemplateContext(project.spec);
        if (store === 'postgres') await applyTsPostgres(project.tree, context, target);
        else await applyTsRedis(project.tree, context, target);
        project.manifest.choices = { ...project.manifest.choices, datastore: withDatastore(project.manifest.choices.datastore, store) };
      }
      return { postSteps: store === 'memory' ? [] : tsPostSteps({ install: options.install !== false, git: false }) };
    },
  };
}

async function resolveTarget(project: Project, store: Datastore, port: string | undefined): Promise<AdapterTarget> {
  const ports = await declaredPorts(project);
  const sample = ports.has(SAMPLE_PORT) && project.spec.choices.example ? SAMPLE_PORT : null;
  if (port === undefined) return { port: sample };
  if (!ports.has(port)) {
    const known = [...ports].sort();
    throw new UsageError(
      `there is no port ${JSON.stringify(port)} in ${PORT_DIR}${known.length > 0 ? ` (ports: ${known.join(', ')})` : ''}`,
      `add it first with: svc add port ${/^[A-Z]/.test(port) ? port : namesOf(port).pascal}`,
    );
  }
  const kebab = namesOf(port).kebab;
  if (store === 'memory') {
    const file = `${MEMORY_DIR}/${kebab}.ts`;
    if (project.tree.exists(file)) return { port: null };
    throw new UsageError(`${port} has no memory adapter (${file}), and svc writes one only together with the port`, `write ${file} by hand, modelled on ${MEMORY_DIR}/order-repository.ts`);
  }
  if (port === sample) return { port: sample };
  const what = store === 'postgres' ? 'schema' : 'cache key and encoding';
  const file = `src/adapter/${store}/${kebab}.ts`;
  const model = `src/adapter/${store}/${store === 'postgres' ? 'order-repository.ts' : 'order-cache.ts'}`;
  if (project.tree.exists(`src/adapter/${store}/${store === 'postgres' ? 'pool.ts' : 'client.ts'}`)) {
    throw new UsageError(
      `svc generates a ${store} adapter only for the sample ${SAMPLE_PORT}; it will not guess a ${what} for ${port}`,
      `the ${store === 'postgres' ? 'pool and migrations are' : 'client is'} in place: implement ${port} in ${file} (model: ${model}) and return it from createPorts (src/bootstrap/ports.ts)`,
    );
  }
  throw new UsageError(
    `svc generates a ${store} adapter only for the sample ${SAMPLE_PORT}; it will not guess a ${what} for ${port}`,
    `run svc add adapter ${store} (without --for) for the ${store === 'postgres' ? 'pool, migrations' : 'client'}, config and readiness check, ` +
      `then implement ${port} in ${file} and return it from createPorts (src/bootstrap/ports.ts)`,
  );
}

/** Names of the interfaces exported at the top level of src/port, read through ts-morph. */
async function declaredPorts(project: Project): Promise<Set<string>> {
  const reader = await TsReader.open(project.tree);
  const names = new Set<string>();
  for (const file of filesIn(project.tree, PORT_DIR, '.ts')) {
    if (file.endsWith('.test.ts')) continue;
    for (const iface of reader.source(file)?.getInterfaces() ?? []) if (iface.isExported()) names.add(iface.getName());
  }
  return names;
}
