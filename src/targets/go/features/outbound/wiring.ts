import type { Tree } from '../../../../tree/tree.js';
import { AnchorNotFoundError, loadGoParser, type GoEdit, type GoParser } from '../../edit/index.js';
import { expressionCallees, importNameOf } from '../../inspect/go-scope.js';
import { bindCompositionRoot, importEdits, type RootBinding, type RootRequest } from '../datastore/composition-root.js';
import { editGoFile } from '../datastore/edits.js';

const httpclientPath = (module: string) => `${module}/internal/adapter/httpclient`;
const memoryPath = (module: string) => `${module}/internal/adapter/memory`;

/** `httpclient.NewPaymentGateway(cfg.PaymentGateway, log, deps.metrics)`, with the names of the composition root. */
function httpValue(binding: RootBinding, port: string, prometheus: boolean): string {
  return `${binding.adapter.name}.New${port}(${binding.cfg}.${port}, ${binding.log}${prometheus ? `, ${binding.deps}.metrics` : ''})`;
}

function httpRequest(port: string, prometheus: boolean): RootRequest {
  return {
    store: 'httpclient',
    variable: [],
    needs: prometheus ? ['cfg', 'log', 'deps'] : ['cfg', 'log'],
    manual: (binding) => `${port}: ${httpValue(binding, port, prometheus)},\n\n(in the ${binding.site.type}{…} literal of ${binding.site.func}${binding.adapter.imported ? '' : `, and import "${binding.adapter.path}"`})`,
  };
}

function valueOf(binding: RootBinding, port: string): string | null {
  return binding.site.elements.find((element) => element.key === port)?.value ?? null;
}

/**
 * Serves the port from its http adapter in the composition root: the call of the memory
 * adapter's constructor, wherever it sits in the port's value (inside a wrapper of the user's
 * too), becomes the http adapter's, with the names the function uses for the configuration,
 * logger and dependencies. Nothing when the value calls the http adapter already. A value that
 * calls neither was chosen by hand: refused (exit 1) with the line to write.
 */
export async function wireHttpAdapter(tree: Tree, module: string, port: string, prometheus: boolean): Promise<void> {
  const parser = await loadGoParser();
  const wanted = httpRequest(port, prometheus);
  const binding = bindCompositionRoot(parser, tree, module, wanted);
  const value = valueOf(binding, port);
  const refuse = (reason: string) =>
    new AnchorNotFoundError(binding.site.file, { problem: 'wrong-kind', reason, where: `in the ${binding.site.type}{…} literal of ${binding.site.func} (${binding.site.file})`, manualSnippet: wanted.manual(binding) });
  if (value === null) throw refuse(`the ${binding.site.type}{…} literal of ${binding.site.func} does not set ${port}`);
  const callees = expressionCallees(parser, value) ?? [];
  if (callees.includes(`${binding.adapter.name}.New${port}`)) return;
  const memory = binding.memory === null ? null : `${binding.memory}.New${port}`;
  if (memory === null || !callees.includes(memory)) {
    throw refuse(`${port} is set to ${value}, which does not call ${memory ?? `memory.New${port}`}(), and svc never replaces an adapter chosen by hand`);
  }
  const edits: GoEdit[] = [
    ...importEdits(binding.adapter),
    { kind: 'set-keyed-value', func: binding.site.func, type: binding.site.type, key: port, value: httpValue(binding, port, prometheus), replace: `${memory}()` },
    { kind: 'remove-unused-import', path: memoryPath(module) },
  ];
  await editGoFile(tree, binding.site.file, edits);
}

/**
 * `svc add adapter memory --for Port` after http: the call of the http adapter's constructor in
 * the port's value (inside a wrapper too) becomes the memory adapter's again. Nothing when the
 * value does not call the http adapter (the memory adapter, or one chosen by hand, stays).
 */
export async function wireMemoryAdapter(tree: Tree, module: string, port: string): Promise<void> {
  const parser = await loadGoParser();
  const wanted: RootRequest = {
    store: 'memory',
    variable: [],
    needs: [],
    manual: (binding) => `${port}: ${binding.adapter.name}.New${port}(),`,
  };
  const binding = bindCompositionRoot(parser, tree, module, wanted);
  const value = valueOf(binding, port);
  const http = importNameOf(binding.site.imports, httpclientPath(module));
  if (value === null || http === null) return;
  const call = callText(parser, value, `${http}.New${port}`);
  if (call === null) return;
  await editGoFile(tree, binding.site.file, [
    ...importEdits(binding.adapter),
    { kind: 'set-keyed-value', func: binding.site.func, type: binding.site.type, key: port, value: `${binding.adapter.name}.New${port}()`, replace: call },
    { kind: 'remove-unused-import', path: httpclientPath(module) },
  ]);
}

/** The text of the call of `callee` inside a Go expression, as written, or null. */
function callText(parser: GoParser, expression: string, callee: string): string | null {
  const tree = parser.parse(`package p\n\nvar _ = ${expression}\n`);
  try {
    for (const call of tree.rootNode.descendantsOfType('call_expression')) {
      if (call?.childForFieldName('function')?.text.replace(/\s+/g, '') === callee) return call.text;
    }
    return null;
  } finally {
    tree.delete();
  }
}
