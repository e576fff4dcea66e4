import type { AddOperation } from '../../../target-contract/add-operation.js';
import type { Project } from '../../../project/load-project.js';
import { adapterCommand, isBroker, parseAdapterRequest } from '../../../choices/adapter-kind.js';
import { resolveAdapterTarget, resolveHttpAdapterPort, type AdapterLayout } from '../../../choices/adapter-target.js';
import { refuseSecondSqlStore, withDatastore } from '../../../choices/catalog.js';
import { namesOf } from '../../../choices/naming.js';
import { refuseUnofferedBroker, refuseUnofferedDatastore } from '../../../choices/target-support.js';
import { goTemplateContext } from '../context.js';
import { loadGoParser, type GoParser } from '../edit/index.js';
import { applyMysql } from '../features/mysql.js';
import { applyKafka } from '../features/kafka.js';
import { applyNats } from '../features/nats.js';
import { applyRabbitmq } from '../features/rabbitmq.js';
import { applyPostgres } from '../features/postgres.js';
import { applyRedis } from '../features/redis.js';
import { applySqlite } from '../features/sqlite.js';
import { goPostSteps } from '../post-steps.js';
import { locatePortsLiteral } from '../inspect/ports-literal.js';
import { goVerifier } from '../verify/go-verifier.js';
import { goFilesIn, MEMORY_DIR, PORT_DIR } from './go-files.js';
import { useGoModulePath } from '../go-project.js';
import { applyHttpAdapter } from '../features/outbound/apply.js';
import { readHttpPort } from '../features/outbound/read-port.js';
import { wireMemoryAdapter } from '../features/outbound/wiring.js';

export interface AddAdapterOptions {
  /** The port the adapter implements; defaults to the sample OrderRepository when it exists. */
  for?: string;
  /** For http: the env var of the base URL (default: the port's SCREAMING_SNAKE name + _URL). */
  baseUrlEnv?: string;
  /** Run `go mod tidy` after the commit (default true); `--no-install` turns it off. */
  install?: boolean;
}

/** Where a Go service keeps ports and adapters, for the shared decisions of resolveAdapterTarget. */
const goLayout = (wiring: string): AdapterLayout => ({
  portDir: PORT_DIR,
  memoryFile: (port) => `${MEMORY_DIR}/${namesOf(port).snake}.go`,
  memoryModel: `${MEMORY_DIR}/order_repository.go`,
  adapterFile: (store, port) => `internal/adapter/${store}/${namesOf(port).snake}.go`,
  connectionFile: (store) => `internal/adapter/${store}/${store}.go`,
  modelFile: (store) => `internal/adapter/${store}/${store === 'redis' ? 'order_cache.go' : 'order_repository.go'}`,
  connectionInPlace: (store) => (store === 'redis' ? 'client (rdb) is' : `${store === 'sqlite' ? 'database' : 'pool'} (db) and migrations are`),
  portRef: (port) => `port.${port}`,
  wiring,
});

/** Where the user wires an adapter by hand: the function that builds app.Ports, as it is now. */
function wiringPlace(project: Project, parser: GoParser): string {
  const { site } = locatePortsLiteral(parser, project.tree, project.spec.module);
  return site === null ? 'set it in the app.Ports{…} literal of internal/bootstrap' : `set it in ${site.func} (${site.file})`;
}

/**
 * `svc add adapter <memory|postgres|mysql|sqlite|redis|nats|kafka|rabbitmq|http> [--for Port]`. A broker runs the feature
 * module `create-service --messaging <broker>` runs (features/nats.ts, kafka.ts, rabbitmq.ts), as the datastores below do. Http writes an outbound HTTP client for
 * the port and serves the port from it (features/outbound); memory --for a port served by it wires
 * the memory adapter back. Postgres, mysql, sqlite and redis run the very feature
 * modules `create-service --datastore …` runs, so create + add gives the bytes of create with the
 * datastore; those modules do nothing when the adapter is already there (datastore/presence.ts).
 * Which port it serves, or why it refuses, is decided as for every target (resolveAdapterTarget,
 * docs/adapters.md).
 */
export function addAdapterOperation(kind: string, options: AddAdapterOptions = {}): AddOperation {
  return {
    command: adapterCommand(kind, options.for, options.baseUrlEnv),
    async apply(project) {
      useGoModulePath(project);
      const request = parseAdapterRequest(kind, options);
      const parser = await loadGoParser();
      const service = { ports: declaredPorts(project, parser), example: project.spec.choices.example, exists: (file: string) => project.tree.exists(file) };
      if (request.kind === 'http') {
        const port = resolveHttpAdapterPort(request.port, service.ports, goLayout(''));
        await applyHttpAdapter(project.tree, goTemplateContext(project.spec, []), readHttpPort(parser, project, port), request.baseUrlEnv);
        return { postSteps: goPostSteps({ install: options.install !== false, git: false }), verifier: goVerifier() };
      }
      if (isBroker(request.kind)) {
        const broker = request.kind;
        refuseUnofferedBroker('go', broker, 'Go');
        const context = goTemplateContext(project.spec, []);
        if (broker === 'kafka') await applyKafka(project.tree, context);
        else if (broker === 'rabbitmq') await applyRabbitmq(project.tree, context);
        else await applyNats(project.tree, context);
        project.manifest.choices = { ...project.manifest.choices, messaging: broker };
        return { postSteps: goPostSteps({ install: options.install !== false, git: false }), verifier: goVerifier() };
      }
      const store = request.kind;
      refuseUnofferedDatastore('go', store, 'Go');
      refuseSecondSqlStore(project.manifest.choices.datastore, store);
      const target = resolveAdapterTarget(store, options.for, service, goLayout(options.for === undefined ? '' : wiringPlace(project, parser)));
      if (store === 'memory' && options.for !== undefined) await wireMemoryAdapter(project.tree, project.spec.module, options.for);
      if (store !== 'memory') {
        const context = goTemplateContext(project.spec, []);
        if (store === 'postgres') await applyPostgres(project.tree, context, target);
        else if (store === 'mysql') await applyMysql(project.tree, context, target);
        else if (store === 'sqlite') await applySqlite(project.tree, context, target);
        else await applyRedis(project.tree, context, target);
        project.manifest.choices = { ...project.manifest.choices, datastore: withDatastore(project.manifest.choices.datastore, store) };
      }
      return { postSteps: goPostSteps({ install: options.install !== false, git: false }), verifier: goVerifier() };
    },
  };
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
