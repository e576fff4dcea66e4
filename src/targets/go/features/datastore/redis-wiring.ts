import type { Tree } from '../../../../tree/tree.js';
import { AnchorNotFoundError, loadGoParser, type GoEdit, type GoParser } from '../../edit/index.js';
import { expressionCallees } from '../../inspect/go-scope.js';
import { bindCompositionRoot, importEdits, manualWiring, ordersRefusal, wiringStatements, type RootBinding, type RootRequest } from './composition-root.js';
import { editGoFile } from './edits.js';

/**
 * The client opened, checked and closed in the composition root (and its collector registered), with
 * its names. Redis is optional at run time: Open cannot fail (the client connects when Redis answers)
 * and its readiness check degrades the service instead of failing it.
 */
function statements({ ctx, cfg, log, deps, adapter, variable: rdb }: RootBinding, prometheus: boolean): string[] {
  return [
    `${rdb} := ${adapter.name}.Open(${ctx}, ${cfg}.Redis, ${log})`,
    `${deps}.checks.RegisterOptional("redis", ${rdb}.Ping)`,
    `${deps}.closers = append(${deps}.closers, closer{"redis", ${rdb}.Close})`,
    ...(prometheus ? [`${deps}.metrics.MustRegister(${rdb}.Collector())`] : []),
  ];
}

const cache = (binding: RootBinding, source: string) => `${binding.adapter.name}.NewOrderCache(${source}, ${binding.variable}, ${binding.log})`;

function request(sample: boolean, prometheus: boolean): RootRequest {
  return {
    store: 'redis',
    variable: ['rdb', 'redisClient'],
    needs: ['ctx', 'cfg', 'log', 'deps'],
    manual: (binding) => manualWiring(binding, statements(binding, prometheus), sample ? cache(binding, binding.orders ?? '<your OrderRepository>') : null, [binding.adapter]),
  };
}

/**
 * Opens the client in the function that builds app.Ports, above the statement holding the
 * literal, and (with the sample) puts the cache in front of whatever Orders is now: the memory or
 * PostgreSQL repository, or any expression the user wrote, a variable included. Returns the
 * names it used.
 */
export async function wireRedis(tree: Tree, module: string, sample: boolean, prometheus: boolean): Promise<RootBinding> {
  const parser = await loadGoParser();
  const wanted = request(sample, prometheus);
  const binding = bindCompositionRoot(parser, tree, module, wanted);
  const edits: GoEdit[] = [...importEdits(binding.adapter), ...wiringStatements(binding, statements(binding, prometheus))];
  if (sample) edits.push(...ordersEdits(parser, binding, wanted));
  await editGoFile(tree, binding.site.file, edits);
  return binding;
}

/** The lines `wireRedis` would add, with the names it would use, for messages. */
export async function redisWiringLines(tree: Tree, module: string, sample: boolean, prometheus: boolean): Promise<string> {
  const parser = await loadGoParser();
  const wanted = request(sample, prometheus);
  try {
    return wanted.manual(bindCompositionRoot(parser, tree, module, wanted));
  } catch (error) {
    if (error instanceof AnchorNotFoundError) return error.manualSnippet;
    throw error;
  }
}

function ordersEdits(parser: GoParser, binding: RootBinding, wanted: RootRequest): GoEdit[] {
  const { site, orders } = binding;
  const refuse = (reason: string) => ordersRefusal(binding, wanted, reason);
  if (orders === null) throw refuse(`the ${site.type}{…} literal of ${site.func} does not set Orders, so the cache has nothing to sit in front of`);
  if ((expressionCallees(parser, orders) ?? []).includes(`${binding.adapter.name}.NewOrderCache`)) return [];
  if (orders.includes('\n')) throw refuse(`Orders is set to an expression that spans several lines, which svc does not rewrite`);
  return [{ kind: 'set-keyed-value', func: site.func, type: site.type, key: 'Orders', value: cache(binding, orders), replace: orders }];
}
