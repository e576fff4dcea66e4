import type { Tree } from '../../../../tree/tree.js';
import { AnchorNotFoundError, loadGoParser, type GoEdit, type GoParser } from '../../edit/index.js';
import { expressionCallees } from '../../inspect/go-scope.js';
import { bindCompositionRoot, importEdits, manualWiring, ordersRefusal, wiringStatements, type RootBinding, type RootRequest } from './composition-root.js';
import { editGoFile } from './edits.js';
import { hasIdempotencySlot, idempotencyStatement } from './idempotency-wiring.js';

/** A SQL store the composition root opens, checks, closes and migrates alike: its adapter package and its Config field. */
export interface SqlStore {
  id: 'postgres' | 'sqlite';
  section: 'Postgres' | 'SQLite';
}

export const POSTGRES: SqlStore = { id: 'postgres', section: 'Postgres' };

/** The database opened, checked, closed and migrated in the composition root, with its names. */
function statements(binding: RootBinding, keys: boolean, store: SqlStore): string[] {
  const { ctx, cfg, log, deps, zero, fmt, adapter, variable: db } = binding;
  return [
    `${db}, err := ${adapter.name}.Open(${ctx}, ${cfg}.${store.section})`,
    `if err != nil {\n\treturn ${zero}, ${fmt.name}.Errorf("${store.id}: %w", err)\n}`,
    `${deps}.checks.Register("${store.id}", ${db}.Ping)`,
    `${deps}.closers = append(${deps}.closers, closer{"${store.id}", ${db}.Close})`,
    `if ${cfg}.${store.section}.MigrateOnStart {\n\tif err := ${db}.Migrate(${ctx}, ${log}); err != nil {\n\t\treturn ${zero}, err\n\t}\n}`,
    ...(keys ? [idempotencyStatement(binding)] : []),
  ];
}

const repository = (binding: RootBinding) => `${binding.adapter.name}.NewOrderRepository(${binding.variable})`;

function request(sample: boolean, keys: boolean, store: SqlStore): RootRequest {
  return {
    store: store.id,
    variable: ['db', `${store.id}DB`],
    needs: ['ctx', 'cfg', 'log', 'deps'],
    manual: (binding) => manualWiring(binding, statements(binding, keys, store), sample ? repository(binding) : null),
  };
}

/**
 * Opens the database (`store`: PostgreSQL's pool, SQLite's file) in the function that builds
 * app.Ports, above the statement holding the literal, and (with the sample) serves Orders from it in place of the in-memory repository,
 * wherever that call sits in the value (inside the cache too). A value the user chose is never
 * replaced: the add stops with the lines to write.
 */
export async function wirePostgres(tree: Tree, module: string, sample: boolean, store: SqlStore = POSTGRES): Promise<void> {
  const parser = await loadGoParser();
  const keys = hasIdempotencySlot(parser, tree);
  const binding = bindCompositionRoot(parser, tree, module, request(sample, keys, store));
  const edits: GoEdit[] = [...importEdits(binding.fmt, binding.adapter), ...wiringStatements(binding, statements(binding, keys, store))];
  if (sample) edits.push(...ordersEdits(parser, binding, module, request(sample, keys, store)));
  await editGoFile(tree, binding.site.file, edits);
}

/** The lines `wirePostgres` would add, with the names it would use, for messages. */
export async function postgresWiringLines(tree: Tree, module: string, sample: boolean, store: SqlStore = POSTGRES): Promise<string> {
  const parser = await loadGoParser();
  const wanted = request(sample, hasIdempotencySlot(parser, tree), store);
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
