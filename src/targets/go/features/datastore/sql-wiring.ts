import type { Tree } from '../../../../tree/tree.js';
import { AnchorNotFoundError, loadGoParser, type GoEdit, type GoParser } from '../../edit/index.js';
import { expressionCallees } from '../../inspect/go-scope.js';
import { bindCompositionRoot, importEdits, manualWiring, ordersRefusal, wiringStatements, type RootBinding, type RootRequest } from './composition-root.js';
import { editGoFile } from './edits.js';
import { hasIdempotencySlot, idempotencyStatement } from './idempotency-wiring.js';

/** A SQL store of the Go target: its adapter package and its section of config.Config. */
export interface SqlStore {
  store: 'postgres' | 'mysql' | 'sqlite';
  section: 'Postgres' | 'MySQL' | 'SQLite';
}

/** The pool opened, checked, closed and migrated in the composition root, with its names. */
function statements({ store, section }: SqlStore, binding: RootBinding, keys: boolean): string[] {
  const { ctx, cfg, log, deps, zero, fmt, adapter, variable: db } = binding;
  return [
    `${db}, err := ${adapter.name}.Open(${ctx}, ${cfg}.${section})`,
    `if err != nil {\n\treturn ${zero}, ${fmt.name}.Errorf("${store}: %w", err)\n}`,
    `${deps}.checks.Register("${store}", ${db}.Ping)`,
    `${deps}.closers = append(${deps}.closers, closer{"${store}", ${db}.Close})`,
    `if ${cfg}.${section}.MigrateOnStart {\n\tif err := ${db}.Migrate(${ctx}, ${log}); err != nil {\n\t\treturn ${zero}, err\n\t}\n}`,
    ...(keys ? [idempotencyStatement(binding)] : []),
  ];
}

const repository = (binding: RootBinding) => `${binding.adapter.name}.NewOrderRepository(${binding.variable})`;

function request(sql: SqlStore, sample: boolean, keys: boolean): RootRequest {
  return {
    store: sql.store,
    variable: ['db', `${sql.store}DB`],
    needs: ['ctx', 'cfg', 'log', 'deps'],
    manual: (binding) => manualWiring(binding, statements(sql, binding, keys), sample ? repository(binding) : null),
  };
}

/**
 * Opens the pool of a SQL store in the function that builds app.Ports, above the statement holding
 * the literal, and (with the sample) serves Orders from that store in place of the in-memory
 * repository, wherever that call sits in the value (inside the cache too). A value the user chose
 * is never replaced: the add stops with the lines to write.
 */
export async function wireSqlStore(tree: Tree, module: string, sql: SqlStore, sample: boolean): Promise<void> {
  const parser = await loadGoParser();
  const keys = hasIdempotencySlot(parser, tree);
  const binding = bindCompositionRoot(parser, tree, module, request(sql, sample, keys));
  const edits: GoEdit[] = [...importEdits(binding.fmt, binding.adapter), ...wiringStatements(binding, statements(sql, binding, keys))];
  if (sample) edits.push(...ordersEdits(parser, binding, module, request(sql, sample, keys)));
  if (sample && sql.store === 'postgres') edits.push(...transactorEdits(binding, module));
  await editGoFile(tree, binding.site.file, edits);
}

/** The lines `wireSqlStore` would add, with the names it would use, for messages. */
export async function sqlWiringLines(tree: Tree, module: string, sql: SqlStore, sample: boolean): Promise<string> {
  const parser = await loadGoParser();
  const wanted = request(sql, sample, hasIdempotencySlot(parser, tree));
  try {
    return wanted.manual(bindCompositionRoot(parser, tree, module, wanted));
  } catch (error) {
    if (error instanceof AnchorNotFoundError) return error.manualSnippet;
    throw error;
  }
}

function ordersEdits(parser: GoParser, binding: RootBinding, module: string, wanted: RootRequest): GoEdit[] {
  const { site, memory, orders } = binding;
  const refuse = (reason: string) => ordersRefusal(binding, wanted, reason);
  if (orders === null) throw refuse(`the ${site.type}{…} literal of ${site.func} does not set Orders`);
  const callees = expressionCallees(parser, orders) ?? [];
  if (callees.includes(`${binding.adapter.name}.NewOrderRepository`)) return [];
  const inMemory = memory === null ? null : `${memory}.NewOrderRepository`;
  if (inMemory === null || !callees.includes(inMemory)) {
    throw refuse(
      `Orders is set to ${orders}, which does not call ${inMemory ?? 'memory.NewOrderRepository'}(), and svc never replaces a repository chosen by hand ` +
        `(to have svc wire it, set Orders: ${inMemory ?? 'memory.NewOrderRepository'}() in the literal and run the command again)`,
    );
  }
  return [
    { kind: 'set-keyed-value', func: site.func, type: site.type, key: 'Orders', value: repository(binding), replace: `${inMemory}()` },
    { kind: 'remove-unused-import', path: `${module}/internal/adapter/memory` },
  ];
}

/**
 * With postgres the sample's units of work run in its transactions: `Tx: db` in place of the
 * in-memory one. A transactor the user chose, or none, is left as it is (CreateOrder then keeps
 * whatever it has).
 */
function transactorEdits(binding: RootBinding, module: string): GoEdit[] {
  const { site, memory } = binding;
  const current = site.elements.find((element) => element.key === 'Tx')?.value;
  if (memory === null || current !== `${memory}.Transactor{}`) return [];
  return [
    { kind: 'set-keyed-value', func: site.func, type: site.type, key: 'Tx', value: binding.variable, replace: current },
    { kind: 'remove-unused-import', path: `${module}/internal/adapter/memory` },
  ];
}
