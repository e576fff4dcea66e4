import type { Tree } from '../../../../tree/tree.js';
import { AnchorNotFoundError, loadGoParser, type GoEdit, type GoParser } from '../../edit/index.js';
import { expressionCallees } from '../../inspect/go-scope.js';
import { bindCompositionRoot, importEdits, manualWiring, ordersRefusal, wiringStatements, type RootBinding, type RootRequest } from './composition-root.js';
import { editGoFile } from './edits.js';

/** The pool opened, checked, closed and migrated in the composition root, with its names. */
function statements({ ctx, cfg, log, deps, zero, fmt, adapter, variable: db }: RootBinding): string[] {
  return [
    `${db}, err := ${adapter.name}.Open(${ctx}, ${cfg}.Postgres)`,
    `if err != nil {\n\treturn ${zero}, ${fmt.name}.Errorf("postgres: %w", err)\n}`,
    `${deps}.checks.Register("postgres", ${db}.Ping)`,
    `${deps}.closers = append(${deps}.closers, closer{"postgres", ${db}.Close})`,
    `if ${cfg}.Postgres.MigrateOnStart {\n\tif err := ${db}.Migrate(${ctx}, ${log}); err != nil {\n\t\treturn ${zero}, err\n\t}\n}`,
  ];
}

const repository = (binding: RootBinding) => `${binding.adapter.name}.NewOrderRepository(${binding.variable})`;

function request(sample: boolean): RootRequest {
  return {
    store: 'postgres',
    variable: ['db', 'postgresDB'],
    needs: ['ctx', 'cfg', 'log', 'deps'],
    manual: (binding) => manualWiring(binding, statements(binding), sample ? repository(binding) : null),
  };
}

/**
 * Opens the pool in the function that builds app.Ports, above the statement holding the literal,
 * and (with the sample) serves Orders from PostgreSQL in place of the in-memory repository,
 * wherever that call sits in the value (inside the cache too). A value the user chose is never
 * replaced: the add stops with the lines to write.
 */
export async function wirePostgres(tree: Tree, module: string, sample: boolean): Promise<void> {
  const parser = await loadGoParser();
  const binding = bindCompositionRoot(parser, tree, module, request(sample));
  const edits: GoEdit[] = [...importEdits(binding.fmt, binding.adapter), ...wiringStatements(binding, statements(binding))];
  edits.push(...idempotencyEdits(parser, binding));
  if (sample) edits.push(...ordersEdits(parser, binding, request(sample)));
  if (edits.some((edit) => edit.kind === 'set-keyed-value')) edits.push({ kind: 'remove-unused-import', path: `${module}/internal/adapter/memory` });
  await editGoFile(tree, binding.site.file, edits);
}

/** The lines `wirePostgres` would add, with the names it would use, for messages. */
export async function postgresWiringLines(tree: Tree, module: string, sample: boolean): Promise<string> {
  const parser = await loadGoParser();
  try {
    return request(sample).manual(bindCompositionRoot(parser, tree, module, request(sample)));
  } catch (error) {
    if (error instanceof AnchorNotFoundError) return error.manualSnippet;
    throw error;
  }
}

/**
 * Keeps idempotency keys in PostgreSQL, in the transaction of the orders they created, where the
 * literal keeps them in memory. A literal without Idempotency (a service older than the store) or
 * with a store the user chose is left as it is.
 */
function idempotencyEdits(parser: GoParser, binding: RootBinding): GoEdit[] {
  const { site, memory } = binding;
  const current = site.elements.find((element) => element.key === 'Idempotency')?.value;
  if (current === undefined || memory === null || current.includes('\n')) return [];
  if (!(expressionCallees(parser, current) ?? []).includes(`${memory}.NewIdempotencyStore`)) return [];
  const value = `${binding.adapter.name}.NewIdempotencyStore(${binding.variable}, ${binding.cfg}.Idempotency.KeyTTL)`;
  return [{ kind: 'set-keyed-value', func: site.func, type: site.type, key: 'Idempotency', value, replace: current }];
}

function ordersEdits(parser: GoParser, binding: RootBinding, wanted: RootRequest): GoEdit[] {
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
  ];
}
