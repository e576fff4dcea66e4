import type { Node } from 'web-tree-sitter';

export function isComment(node: Node): boolean {
  return node.type === 'comment';
}

/**
 * A whitespace- and comment-insensitive fingerprint of a subtree: its leaf tokens in order.
 * Two snippets with the same key are the same Go code up to formatting.
 */
export function tokenKey(node: Node): string {
  const tokens: string[] = [];
  collectTokens(node, tokens);
  // A comma before a closing bracket only exists because the list spans rows.
  const significant = tokens.filter((token, index) => token !== ',' || !CLOSERS.has(tokens[index + 1] ?? ''));
  return significant.join('\u0001');
}

const CLOSERS = new Set([')', '}', ']']);

function collectTokens(node: Node, tokens: string[]): void {
  if (isComment(node)) return;
  if (node.childCount === 0) {
    if (node.endIndex > node.startIndex) tokens.push(node.text);
    return;
  }
  for (const child of node.children) collectTokens(child, tokens);
}

/** Named children, with statement_list flattened so a block reads as one list of statements and comments. */
export function listEntries(container: Node): Node[] {
  const entries: Node[] = [];
  for (const child of container.namedChildren) {
    if (child.type === 'statement_list') entries.push(...child.namedChildren);
    else entries.push(child);
  }
  return entries;
}

/** The string an import path literal denotes (raw or interpreted, escapes left as written). */
export function stringLiteralValue(literal: Node): string {
  const text = literal.text;
  return text.slice(1, -1);
}

/** Name of the package-level identifier a type expression ends in: `*port.Clock` -> `Clock`. */
export function embeddedTypeName(type: Node): string {
  let node: Node | null = type;
  while (node !== null) {
    switch (node.type) {
      case 'pointer_type':
        node = node.namedChildren[0] ?? null;
        break;
      case 'qualified_type':
        node = node.childForFieldName('name');
        break;
      case 'generic_type':
        node = node.childForFieldName('type');
        break;
      default:
        return node.text;
    }
  }
  return '';
}

/** Ranges inside which lines must not be re-indented (multi-line raw strings and block comments). */
export function verbatimRanges(node: Node, offset: number): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  for (const literal of node.descendantsOfType(['raw_string_literal', 'comment'])) {
    if (literal.startPosition.row !== literal.endPosition.row) {
      ranges.push({ start: literal.startIndex - offset, end: literal.endIndex - offset });
    }
  }
  return ranges;
}
