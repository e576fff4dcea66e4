import type { Node } from 'web-tree-sitter';
import type { Tree } from '../../../tree/tree.js';
import type { GoParser } from '../edit/parser.js';
import { goFilesIn } from '../add/go-files.js';
import { readGo } from './syntax.js';

export const GRPC_ADAPTER_DIR = 'internal/adapter/grpc';

/** An rpc the gRPC adapter serves: a method on Server, and the use cases it executes. */
export interface ServedRpc {
  rpc: string;
  file: string;
  /** `X` for each `….X.Execute(…)` call in the method's body. */
  useCases: string[];
}

/**
 * The methods the gRPC adapter declares on Server (each implements the rpc of its name) and the use
 * cases each calls, read from the code: a method that calls `s.app.CancelOrder.Execute` serves
 * CancelOrder, whatever its file or the receiver's name.
 */
export function readServedRpcs(parser: GoParser, tree: Tree): ServedRpc[] {
  const served: ServedRpc[] = [];
  for (const file of goFilesIn(tree, GRPC_ADAPTER_DIR)) {
    if (file.endsWith('_test.go')) continue;
    const text = tree.read(file) ?? '';
    if (!text.includes('Server')) continue;
    served.push(
      ...readGo(parser, file, text, (doc) =>
        doc.root.namedChildren.flatMap((node) => {
          if (node?.type !== 'method_declaration' || !onServer(node)) return [];
          const rpc = node.childForFieldName('name')?.text ?? '';
          const body = node.childForFieldName('body');
          return [{ rpc, file, useCases: body === null ? [] : executedUseCases(body) }];
        }),
      ),
    );
  }
  return served;
}

function onServer(method: Node): boolean {
  const receiver = method.childForFieldName('receiver')?.namedChildren.find((param) => param?.type === 'parameter_declaration');
  const type = receiver?.childForFieldName('type');
  const base = type?.type === 'pointer_type' ? type.namedChildren[0] : type;
  return base?.text === 'Server';
}

function executedUseCases(body: Node): string[] {
  const names = new Set<string>();
  for (const call of body.descendantsOfType('call_expression')) {
    const callee = call?.childForFieldName('function');
    if (callee?.type !== 'selector_expression' || callee.childForFieldName('field')?.text !== 'Execute') continue;
    const operand = callee.childForFieldName('operand');
    const field = operand?.type === 'selector_expression' ? operand.childForFieldName('field')?.text : undefined;
    if (field !== undefined) names.add(field);
  }
  return [...names];
}
