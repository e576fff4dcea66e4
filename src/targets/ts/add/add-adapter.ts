import type { AddOperation } from '../../../target-contract/add-operation.js';
import type { Project } from '../../../project/load-project.js';
import { adapterCommand, isBroker, parseAdapterRequest } from '../../../choices/adapter-kind.js';
import { resolveAdapterTarget, resolveHttpAdapterPort, type AdapterLayout } from '../../../choices/adapter-target.js';
import { refuseSecondSqlStore, SQL_DATASTORES, withDatastore } from '../../../choices/catalog.js';
import { refuseUnofferedBroker, refuseUnofferedDatastore } from '../../../choices/target-support.js';
import { namesOf } from '../../../choices/naming.js';
import { filesIn } from '../../../tree/files-in.js';
import { tsTemplateContext } from '../context.js';
import { tsPostSteps } from '../post-steps.js';
import { applyTsMysql } from '../features/mysql.js';
import { applyTsPostgres } from '../features/postgres.js';
import { applyTsRedis } from '../features/redis.js';
import { applyTsSqlite } from '../features/sqlite.js';
import { TsReader } from '../inspect/source.js';
import { tsVerifier } from '../verify/ts-verifier.js';
import { httpAdapterNames } from './http-adapter-code.js';
import { applyTsHttpAdapter, switchTsPortToMemory } from './http-adapter.js';

export interface AddTsAdapterOptions {
  /** The port the adapter implements; defaults to the sample OrderRepository when it exists (required for http). */
  for?: string;
  /** http only: the env var holding the dependency's base URL (default: the port's SCREAMING_SNAKE name + _URL). */
  baseUrlEnv?: string;
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
  connectionFile: (store) => `src/adapter/${store}/${SQL_DATASTORES.includes(store) ? 'pool.ts' : 'client.ts'}`,
  modelFile: (store) => `src/adapter/${store}/${SQL_DATASTORES.includes(store) ? 'order-repository.ts' : 'order-cache.ts'}`,
  connectionInPlace: (store) => (SQL_DATASTORES.includes(store) ? 'pool and migrations are' : 'client is'),
  portRef: (port) => port,
  wiring: 'return it from createPorts (src/bootstrap/ports.ts)',
};

/**
 * `svc add adapter <memory|postgres|mysql|sqlite|redis|http> [--for Port] [--base-url-env NAME]` in a TypeScript
 * service: postgres, mysql, sqlite and redis run the feature modules create runs; which port they serve, or why
 * they refuse, is decided as for every target (resolveAdapterTarget, docs/adapters.md). http
 * implements any port as JSON calls (http-adapter.ts); memory --for a port an http adapter serves
 * wires the memory adapter again.
 */
export function addTsAdapterOperation(kind: string, options: AddTsAdapterOptions = {}): AddOperation {
  return {
    command: adapterCommand(kind, options.for, options.baseUrlEnv),
    async apply(project) {
      const request = parseAdapterRequest(kind, options);
      const ports = await declaredPorts(project);
      const install = tsPostSteps({ install: options.install !== false, git: false });
      if (request.kind === 'http') {
        const port = resolveHttpAdapterPort(request.port, new Set(ports.keys()), TS_LAYOUT);
        await applyTsHttpAdapter(project, port, ports.get(port) ?? `${PORT_DIR}/${namesOf(port).kebab}.ts`, request.baseUrlEnv);
        return { postSteps: install, verifier: tsVerifier() };
      }
      if (isBroker(request.kind)) {
        refuseUnofferedBroker('ts', request.kind, 'TypeScript');
        throw new Error(`svc add adapter ${request.kind}: the catalog offers it to TypeScript, but no TypeScript broker adapter exists`);
      }
      const store = request.kind;
      refuseUnofferedDatastore('ts', store, 'TypeScript');
      refuseSecondSqlStore(project.manifest.choices.datastore, store);
      const service = { ports: new Set(ports.keys()), example: project.spec.choices.example, exists: (file: string) => project.tree.exists(file) };
      const target = resolveAdapterTarget(store, options.for, service, TS_LAYOUT);
      if (store === 'memory') {
        if (options.for !== undefined && servedOverHttp(project, options.for)) await switchTsPortToMemory(project, options.for);
        return { postSteps: [], verifier: tsVerifier() };
      }
      const context = tsTemplateContext(project.spec);
      if (store === 'postgres') await applyTsPostgres(project.tree, context, target);
      else if (store === 'mysql') await applyTsMysql(project.tree, context, target);
      else if (store === 'sqlite') await applyTsSqlite(project.tree, context, target);
      else await applyTsRedis(project.tree, context, target);
      project.manifest.choices = { ...project.manifest.choices, datastore: withDatastore(project.manifest.choices.datastore, store) };
      return { postSteps: install, verifier: tsVerifier() };
    },
  };
}

/** Whether the port has an http adapter to switch away from: its file exists (createPorts tells whether it is wired). */
function servedOverHttp(project: Project, port: string): boolean {
  return project.tree.exists(httpAdapterNames(namesOf(port)).file);
}

/** The interfaces exported at the top level of src/port, and the file of each, read through ts-morph. */
async function declaredPorts(project: Project): Promise<Map<string, string>> {
  const reader = await TsReader.open(project.tree);
  const names = new Map<string, string>();
  for (const file of filesIn(project.tree, PORT_DIR, '.ts')) {
    if (file.endsWith('.test.ts')) continue;
    for (const iface of reader.source(file)?.getInterfaces() ?? []) if (iface.isExported()) names.set(iface.getName(), file);
  }
  return names;
}
