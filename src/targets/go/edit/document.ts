import type { Node } from 'web-tree-sitter';
import { GoParseError } from './errors.js';
import type { GoParser } from './parser.js';
import { columnOf, lineText, rowOf, rowStartIndex } from './layout.js';

/** A parsed Go file. Indices are UTF-16 code units into `text`. */
export interface GoDocument {
  readonly file: string;
  readonly text: string;
  readonly root: Node;
  readonly parser: GoParser;
}

/**
 * Parses `text`, refuses it when it has syntax errors, runs `use` and frees the tree.
 * Nodes must not escape `use`: they die with the tree.
 */
export function withDocument<T>(parser: GoParser, file: string, text: string, use: (doc: GoDocument) => T): T {
  const tree = parser.parse(text);
  try {
    const doc: GoDocument = { file, text, root: tree.rootNode, parser };
    assertParsesCleanly(doc);
    return use(doc);
  } finally {
    tree.delete();
  }
}

export function assertParsesCleanly(doc: GoDocument): void {
  const bad = firstSyntaxError(doc.root);
  if (bad === null) {
    const first = doc.root.namedChildren.find((child) => child.type !== 'comment');
    if (first?.type !== 'package_clause') {
      throw new GoParseError(doc.file, 1, 1, lineText(doc.text, 0), 'syntax error: a Go file must start with a package clause');
    }
    return;
  }
  const at = errorIndex(bad);
  const row = rowOf(doc.text, at);
  const line = lineText(doc.text, at);
  const column = columnOf(doc.text, at);
  // Keep the line's tabs so the caret lines up under the offending token in a terminal.
  const prefix = [...doc.text.slice(rowStartIndex(doc.text, at), at)].map((char) => (char === '\t' ? '\t' : ' ')).join('');
  const caret = `${prefix}^`;
  const what = bad.isMissing ? `missing ${JSON.stringify(bad.type)}` : 'unexpected syntax';
  throw new GoParseError(doc.file, row + 1, column, `${line}\n${caret}`, `syntax error (${what}): the file does not parse as Go`);
}

/** The first ERROR or MISSING node in document order, or null. */
export function firstSyntaxError(node: Node): Node | null {
  if (!node.hasError && !node.isMissing) return null;
  if (node.isError || node.isMissing) return node;
  for (const child of node.children) {
    const found = firstSyntaxError(child);
    if (found !== null) return found;
  }
  return node;
}

/** Where the parser gave up: a MISSING node itself, or the last token an ERROR node swallowed. */
export function errorIndex(bad: Node): number {
  if (bad.isMissing) return bad.startIndex;
  let node = bad;
  for (let last = node.lastChild; last !== null; last = node.lastChild) node = last;
  return node.startIndex;
}
