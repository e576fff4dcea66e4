import type { AddOperation } from '../../../target-contract/add-operation.js';
import type { Project } from '../../../project/load-project.js';
import { adapterCommand, parseAdapterKind } from '../../../choices/adapter-kind.js';
import { resolveAdapterTarget, type AdapterLayout } from '../../../choices/adapter-target.js';
import { DATASTORES, refuseSecondSqlStore, UNSUPPORTED_CHOICES, withDatastore, type Datastore } from '../../../choices/catalog.js';
import { offersValue } from '../../../choices/target-support.js';
import { UsageError } from '../../../errors.js';
import { namesOf } from '../../../choices/naming.js';
import { filesIn } from '../../../tree/files-in.js';
import { tsTemplateContext } from '../context.js';
import { tsPostSteps } from '../post-steps.js';
import { applyTsPostgres } from '../features/postgres.js';
import { applyTsRedis } from '../features/redis.js';
import { TsReader } from '../inspect/source.js';
import { tsVerifier } from '../verify/ts-verifier.js';

export interface AddTsAdapterOptions {
  /** The port the adapter implements; defaults to the sample OrderRepository when it exists. */
  for?: string;
  /** Run `npm install` after the commit (default true), for the packages the adapter added; `--no-install` turns it off. */
  install?: boolean;
}

const PORT_DIR = 'src/port';
const MEMORY_DIR = 'src/adapter/memory';

/** Where a TypeScript service keeps ports and adapters, for the shared decisions of resolveAdapterTarget. */
const TS_LAYOUT: AdapterLayout = {
  portDir: PORT_DIR,
  memoryFile: (port) => `${MEMORY_DIR}/${namesOf(port).kebab}.ts`,
  memoryModel: `${MEMORY_DIR}/order-repository.ts`,
  adapterFile: (store, port) => `src/adapter/${store}/${namesOf(port).kebab}.ts`,
  connectionFile: (store) => `src/adapter/${store}/${store === 'postgres' ? 'pool.ts' : 'client.ts'}`,
  modelFile: (store) => `src/adapter/${store}/${store === 'postgres' ? 'order-repository.ts' : 'order-cache.ts'}`,
  connectionInPlace: (store) => (store === 'postgres' ? 'pool and migrations are' : 'client is'),
  portRef: (port) => port,
  wiring: 'return it from createPorts (src/bootstrap/ports.ts)',
};

/**
 * `svc add adapter <memory|postgres|redis> [--for Port]` in a TypeScript service: postgres and redis
 * run the feature modules create runs; which port they serve, or why they refuse, is decided as
 * for every target (resolveAdapterTarget, docs/adapters.md).
 */
export function addTsAdapterOperation(kind: string, options: AddTsAdapterOptions = {}): AddOperation {
  return {
    command: adapterCommand(kind, options.for),
    async apply(project) {
      const store = parseAdapterKind(kind);
      refuseUnofferedStore(store);
      refuseSecondSqlStore(project.manifest.choices.datastore, store);
      const service = { ports: await declaredPorts(project), example: project.spec.choices.example, exists: (file: string) => project.tree.exists(file) };
      const target = resolveAdapterTarget(store, options.for, service, TS_LAYOUT);
      if (store !== 'memory') {
        const context = tsTemplateContext(project.spec);
        if (store === 'postgres') await applyTsPostgres(project.tree, context, target);
        else await applyTsRedis(project.tree, context, target);
        project.manifest.choices = { ...project.manifest.choices, datastore: withDatastore(project.manifest.choices.datastore, store) };
      }
      return { postSteps: store === 'memory' ? [] : tsPostSteps({ install: options.install !== false, git: false }), verifier: tsVerifier() };
    },
  };
}

/** A datastore the catalog does not offer TypeScript services is bad input (exit 2), never another store's add. */
function refuseUnofferedStore(store: Datastore): void {
  const entry = UNSUPPORTED_CHOICES.ts.find((candidate) => candidate.flag === 'datastore' && candidate.values?.includes(store));
  if (entry === undefined) return;
  throw new UsageError(`svc add adapter ${store} is not available in a TypeScript service: ${entry.why}`, `choose one of: ${DATASTORES.filter((other) => offersValue('ts', 'datastore', other)).join(', ')}`);
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
