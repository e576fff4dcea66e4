import type { Tree } from '../../../../tree/tree.js';
import { AnchorNotFoundError, loadGoParser, type GoEdit } from '../../edit/index.js';
import { bindImport, packageLevelNames, paramOfType, readFunctionFacts } from '../../inspect/go-scope.js';
import { functionsWithLiteral, keyedElements, readGo } from '../../inspect/syntax.js';
import { CONFIG_TEST_FILE } from './context.js';
import { editGoFile } from './edits.js';

/** A valid value for a required variable in the map of `requiredVars` (config_test.go), unless the key is there. */
export async function addRequiredVar(tree: Tree, key: string, value: string): Promise<void> {
  if (!tree.exists(CONFIG_TEST_FILE)) return;
  await editGoFile(tree, CONFIG_TEST_FILE, [{ kind: 'keyed-element', func: 'requiredVars', type: 'map[string]string', key: JSON.stringify(key), value: JSON.stringify(value) }]);
}

/**
 * Variables of the environment map of TestEndToEnd (cmd/<name>/e2e_test.go), valued by a test
 * helper package (postgrestest, redistest) called with the test's own `*testing.T`, and that
 * package imported under a name free in the file. Keys already in the map are left alone.
 */
export async function addEndToEndVars(
  tree: Tree,
  name: string,
  helper: { path: string; name: string },
  vars: readonly { key: string; call: (pkg: string, t: string) => string }[],
): Promise<void> {
  for (const test of END_TO_END_TESTS) await addTestVars(tree, `cmd/${name}/${test.file}`, test.func, helper, vars);
}

/** The end-to-end tests that run the program with its environment: HTTP's, and gRPC's when the service has it. */
export const GRPC_END_TO_END_TEST = { file: 'grpc_e2e_test.go', func: 'TestGRPCEndToEnd' } as const;
export const END_TO_END_TEST = { file: 'e2e_test.go', func: 'TestEndToEnd' } as const;
export const END_TO_END_TESTS = [END_TO_END_TEST, GRPC_END_TO_END_TEST] as const;

async function addTestVars(
  tree: Tree,
  file: string,
  func: string,
  helper: { path: string; name: string },
  vars: readonly { key: string; call: (pkg: string, t: string) => string }[],
): Promise<void> {
  const text = tree.read(file);
  if (text === undefined) return;
  const parser = await loadGoParser();
  const facts = readFunctionFacts(parser, file, text, func);
  let pkg = helper.name;
  let t = 't';
  let importEdit: GoEdit | null = { kind: 'import', path: helper.path };
  if (facts !== null) {
    const testing = facts.imports.find((entry) => entry.path === 'testing')?.name ?? 'testing';
    const param = paramOfType(facts.params, `*${testing}.T`);
    const binding = bindImport(facts.imports, helper.path, helper.name, [`${helper.name}env`], new Set([...facts.mentioned, ...packageLevelNames(parser, tree, file.slice(0, file.lastIndexOf('/')), facts.pkg)]));
    pkg = binding.name;
    if (param === null) {
      throw new AnchorNotFoundError(file, {
        problem: 'missing',
        reason: `${func} has no *testing.T parameter to hand to the test helpers`,
        where: `in the environment map of ${func}`,
        manualSnippet: vars.map((entry) => `${JSON.stringify(entry.key)}: ${entry.call(pkg, t)},`).join('\n'),
      });
    }
    t = param;
    importEdit = binding.imported ? null : { kind: 'import', path: helper.path, ...(binding.alias === undefined ? {} : { alias: binding.alias }) };
  }
  const entries: GoEdit[] = vars.map((entry) => ({ kind: 'keyed-element', func, type: 'map[string]string', key: JSON.stringify(entry.key), value: entry.call(pkg, t) }));
  await editGoFile(tree, file, entries);
  // The helper is imported only when a value calls it: keys the user set already need no import.
  if (importEdit !== null && tree.read(file) !== text) await editGoFile(tree, file, [importEdit]);
}

type EndToEndStore = 'postgres' | 'mysql' | 'sqlite' | 'redis' | 'nats' | 'kafka' | 'rabbitmq';

/** What each datastore (and the broker) sets in the end-to-end tests' environment, from its test helper package. */
const STORE_END_TO_END: Record<EndToEndStore, { helper: string; vars: readonly { key: string; call: (pkg: string, t: string) => string }[] }> = {
  postgres: { helper: 'postgrestest', vars: [{ key: 'POSTGRES_URL', call: (pkg, t) => `${pkg}.URL(${t})` }] },
  mysql: { helper: 'mysqltest', vars: [{ key: 'MYSQL_URL', call: (pkg, t) => `${pkg}.URL(${t})` }] },
  sqlite: { helper: 'sqlitetest', vars: [{ key: 'SQLITE_PATH', call: (pkg, t) => `${pkg}.Path(${t})` }] },
  redis: {
    helper: 'redistest',
    vars: [
      { key: 'REDIS_ADDR', call: (pkg, t) => `${pkg}.Addr(${t})` },
      { key: 'REDIS_KEY_PREFIX', call: (pkg, t) => `${pkg}.Prefix(${t})` },
    ],
  },
  nats: {
    helper: 'natstest',
    vars: [
      { key: 'NATS_URL', call: (pkg, t) => `${pkg}.URL(${t})` },
      { key: 'NATS_STREAM', call: (pkg, t) => `${pkg}.StreamName(${t})` },
      { key: 'NATS_SUBJECT_PREFIX', call: (pkg, t) => `${pkg}.SubjectPrefix(${t})` },
    ],
  },
  kafka: {
    helper: 'kafkatest',
    vars: [
      { key: 'KAFKA_BROKERS', call: (pkg, t) => `${pkg}.Brokers(${t})` },
      { key: 'KAFKA_TOPIC', call: (pkg, t) => `${pkg}.Topic(${t})` },
    ],
  },
  rabbitmq: {
    helper: 'rabbitmqtest',
    vars: [
      { key: 'RABBITMQ_URL', call: (pkg, t) => `${pkg}.URL(${t})` },
      { key: 'RABBITMQ_EXCHANGE', call: (pkg, t) => `${pkg}.Exchange(${t})` },
    ],
  },
};

/** The datastores and the broker in the order the catalog applies them, which is the order their variables join the tests. */
const END_TO_END_STORES: readonly EndToEndStore[] = ['postgres', 'mysql', 'sqlite', 'redis', 'nats', 'kafka', 'rabbitmq'];

/** Sets the store's variables in every end-to-end test of the service (addEndToEndVars). */
export async function addStoreEndToEndVars(tree: Tree, name: string, module: string, store: EndToEndStore): Promise<void> {
  const { helper, vars } = STORE_END_TO_END[store];
  await addEndToEndVars(tree, name, { path: `${module}/internal/adapter/${store}/${helper}`, name: helper }, vars);
}

/**
 * Sets the variables of every datastore the service has (its test helper package is there) in the
 * end-to-end tests: a test that joins after the datastores (gRPC's) gets what they gave the others.
 */
export async function addPresentStoresEndToEndVars(tree: Tree, name: string, module: string): Promise<void> {
  for (const store of END_TO_END_STORES) {
    if (tree.exists(`internal/adapter/${store}/${STORE_END_TO_END[store].helper}/${STORE_END_TO_END[store].helper}.go`)) await addStoreEndToEndVars(tree, name, module, store);
  }
}

/**
 * The required variables (requiredVars of config_test.go) an end-to-end test does not set yet, with
 * their valid values: a test that joins later (gRPC's) then starts on a service that gained required
 * settings before it, e.g. an outbound adapter's base URL. Keys the test sets already stay as they are.
 */
export async function addRequiredVarsToEndToEnd(tree: Tree, name: string, test: { file: string; func: string }): Promise<void> {
  const file = `cmd/${name}/${test.file}`;
  const config = tree.read(CONFIG_TEST_FILE);
  if (config === undefined || !tree.exists(file)) return;
  const parser = await loadGoParser();
  const required = readGo(parser, CONFIG_TEST_FILE, config, (doc) =>
    functionsWithLiteral(doc, 'map[string]string')
      .filter((found) => found.func === 'requiredVars')
      .flatMap((found) => keyedElements(found.literal)),
  );
  if (required.length === 0) return;
  await editGoFile(tree, file, required.map((entry): GoEdit => ({ kind: 'keyed-element', func: test.func, type: 'map[string]string', key: entry.key, value: entry.value })));
}
