import type { Tree } from '../../../../tree/tree.js';
import type { GoParser } from '../../edit/parser.js';
import { readGo } from '../../inspect/syntax.js';
import { goFilesIn } from '../go-files.js';
import { GRPC_DIR } from './rpc-method-code.js';

/** Where the gRPC adapter declares a method `name` on Server already (`func (s *Server) name(…)`), or null. */
export function serverMethodFile(parser: GoParser, tree: Tree, name: string): string | null {
  for (const file of goFilesIn(tree, GRPC_DIR)) {
    const text = tree.read(file) ?? '';
    if (file.endsWith('_test.go') || !text.includes(name)) continue;
    const found = readGo(parser, file, text, (doc) =>
      doc.root.namedChildren.some((node) => {
        if (node?.type !== 'method_declaration' || node.childForFieldName('name')?.text !== name) return false;
        const receiver = node.childForFieldName('receiver')?.namedChildren.find((param) => param?.type === 'parameter_declaration');
        const type = receiver?.childForFieldName('type');
        const base = type?.type === 'pointer_type' ? type.namedChildren[0] : type;
        return base?.text === 'Server';
      }),
    );
    if (found) return file;
  }
  return null;
}
