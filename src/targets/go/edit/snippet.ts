import type { Node } from 'web-tree-sitter';
import { firstSyntaxError } from './document.js';
import { InvalidSnippetError } from './errors.js';
import type { GoParser } from './parser.js';
import { declaredNames } from './declarations.js';
import { embeddedTypeName, isComment, listEntries, tokenKey, verbatimRanges } from './syntax.js';

/** Caller-supplied Go text, validated by parsing it in the context it will live in. */
export interface Snippet {
  /** Trimmed, LF-only text, as it will be inserted (before indentation). */
  readonly text: string;
  /** Ranges of `text` whose lines must not be re-indented. */
  readonly verbatim: ReadonlyArray<{ start: number; end: number }>;
}

export interface FieldSnippet extends Snippet {
  /** Declared field names; for an embedded field, the name of its type. */
  readonly names: readonly string[];
}

export interface MethodSnippet extends Snippet {
  /** Method name, or the embedded interface's type name. */
  readonly name: string;
  readonly embedded: boolean;
}

export interface KeyedElementSnippet extends Snippet {
  readonly keyTokens: string;
}

export interface CodeSnippet extends Snippet {
  readonly nodeType: string;
  readonly tokens: string;
}

export interface DeclarationSnippet extends Snippet {
  readonly names: readonly string[];
}

export function normalizeSnippet(snippet: string): string {
  return snippet.split('\r\n').join('\n').trim();
}

export function parseFieldSnippet(parser: GoParser, file: string, field: string): FieldSnippet {
  return parseWrapped(parser, file, field, 'package p\n\ntype _ struct {\n', '\n}\n', 'struct field', (root, offset) => {
    const list = root.descendantsOfType('field_declaration_list')[0];
    const fields = list === undefined ? [] : listEntries(list).filter((entry) => !isComment(entry));
    const only = single(fields, file, field, 'exactly one struct field');
    const names = only.childrenForFieldName('name').map((name) => name.text);
    const type = only.childForFieldName('type');
    return { names: names.length > 0 ? names : [type === null ? '' : embeddedTypeName(type)], verbatim: verbatimRanges(root, offset) };
  });
}

export function parseMethodSnippet(parser: GoParser, file: string, spec: string): MethodSnippet {
  return parseWrapped(parser, file, spec, 'package p\n\ntype _ interface {\n', '\n}\n', 'interface method', (root, offset) => {
    const iface = root.descendantsOfType('interface_type')[0];
    const elements = iface === undefined ? [] : iface.namedChildren.filter((child) => !isComment(child));
    const only = single(elements, file, spec, 'exactly one method or embedded interface');
    const name = only.childForFieldName('name');
    const embedded = only.type !== 'method_elem' || name === null;
    const embeddedType = only.namedChildren[0];
    return {
      name: !embedded && name !== null ? name.text : embeddedType === undefined ? '' : embeddedTypeName(embeddedType),
      embedded,
      verbatim: verbatimRanges(root, offset),
    };
  });
}

export function parseKeyedElementSnippet(parser: GoParser, file: string, key: string, value: string): KeyedElementSnippet {
  const element = `${normalizeSnippet(key)}: ${normalizeSnippet(value)}`;
  return parseWrapped(parser, file, element, 'package p\n\nvar _ = T{\n', ',\n}\n', 'keyed element', (root, offset) => {
    const literal = root.descendantsOfType('literal_value')[0];
    const elements = literal === undefined ? [] : literal.namedChildren.filter((child) => !isComment(child));
    const only = single(elements, file, element, 'exactly one key: value element');
    const keyNode = only.childForFieldName('key');
    if (only.type !== 'keyed_element' || keyNode === null) {
      throw new InvalidSnippetError(file, element, 'expected a key: value element');
    }
    return { keyTokens: tokenKey(keyNode), verbatim: verbatimRanges(root, offset) };
  });
}

/** One spec of a grouped var declaration, with the comment rows above it. */
export function parseVarSpecSnippet(parser: GoParser, file: string, spec: string): DeclarationSnippet & { commented: boolean } {
  return parseWrapped(parser, file, spec, 'package p\n\nvar (\n', '\n)\n', 'var spec', (root, offset) => {
    const list = root.descendantsOfType('var_spec_list')[0];
    const entries = list === undefined ? [] : list.namedChildren;
    const only = single(entries.filter((entry) => !isComment(entry)), file, spec, 'exactly one var spec');
    const names = only.childrenForFieldName('name').map((name) => name.text);
    return { names, commented: entries[0] !== undefined && isComment(entries[0]), verbatim: verbatimRanges(root, offset) };
  });
}

/** One element of a composite literal: a value or `key: value`. */
export function parseLiteralElementSnippet(parser: GoParser, file: string, element: string): CodeSnippet & { keyTokens: string | null } {
  return parseWrapped(parser, file, element, 'package p\n\nvar _ = T{\n', ',\n}\n', 'composite literal element', (root, offset) => {
    const literal = root.descendantsOfType('literal_value')[0];
    const elements = literal === undefined ? [] : literal.namedChildren.filter((child) => !isComment(child));
    const only = single(elements, file, element, 'exactly one element');
    const key = only.type === 'keyed_element' ? only.childForFieldName('key') : null;
    return { nodeType: only.type, tokens: tokenKey(only), keyTokens: key === null ? null : tokenKey(key), verbatim: verbatimRanges(root, offset) };
  });
}

export function parseStatementSnippet(parser: GoParser, file: string, statement: string): CodeSnippet {
  return parseWrapped(parser, file, statement, 'package p\n\nfunc _() {\n', '\n}\n', 'statement', (root, offset) => {
    const body = root.descendantsOfType('block')[0];
    const statements = body === undefined ? [] : listEntries(body).filter((entry) => !isComment(entry));
    const only = single(statements, file, statement, 'exactly one statement');
    return { nodeType: only.type, tokens: tokenKey(only), verbatim: verbatimRanges(root, offset) };
  });
}

/** An expression or a statement used as a structural key (for `unlessPresent`). */
export function parseProbeSnippet(parser: GoParser, file: string, probe: string): CodeSnippet {
  const text = normalizeSnippet(probe);
  const asExpression = tryParse(parser, `package p\n\nvar _ = ${text}\n`, (root) => {
    const values = root.descendantsOfType('expression_list')[0];
    return values !== undefined && values.namedChildCount === 1 ? values.namedChildren[0] ?? null : null;
  });
  if (asExpression !== null) return { text, verbatim: [], ...asExpression };
  return parseStatementSnippet(parser, file, text);
}

export function parseDeclarationSnippet(parser: GoParser, file: string, declaration: string): DeclarationSnippet {
  return parseWrapped(parser, file, declaration, 'package p\n\n', '\n', 'top-level declaration', (root, offset) => {
    const declarations = root.namedChildren.filter((child) => !isComment(child) && child.type !== 'package_clause');
    const only = single(declarations, file, declaration, 'exactly one top-level declaration');
    const names = declaredNames(only);
    if (names.length === 0) {
      throw new InvalidSnippetError(file, declaration, 'expected a func, method, type, var or const declaration');
    }
    return { names, verbatim: verbatimRanges(root, offset) };
  });
}

function parseWrapped<T extends { verbatim: Snippet['verbatim'] }>(
  parser: GoParser,
  file: string,
  snippet: string,
  prefix: string,
  suffix: string,
  what: string,
  use: (root: Node, offset: number) => T,
): T & Snippet {
  const text = normalizeSnippet(snippet);
  if (text.length === 0) throw new InvalidSnippetError(file, snippet, `expected a ${what}, got nothing`);
  const tree = parser.parse(prefix + text + suffix);
  try {
    const bad = firstSyntaxError(tree.rootNode);
    if (bad !== null) throw new InvalidSnippetError(file, snippet, `it is not a valid Go ${what}`);
    return { ...use(tree.rootNode, prefix.length), text };
  } finally {
    tree.delete();
  }
}

function tryParse(parser: GoParser, source: string, pick: (root: Node) => Node | null): { nodeType: string; tokens: string } | null {
  const tree = parser.parse(source);
  try {
    if (firstSyntaxError(tree.rootNode) !== null) return null;
    const node = pick(tree.rootNode);
    return node === null ? null : { nodeType: node.type, tokens: tokenKey(node) };
  } finally {
    tree.delete();
  }
}

function single(nodes: Node[], file: string, snippet: string, expected: string): Node {
  const [only] = nodes;
  if (only === undefined || nodes.length !== 1) throw new InvalidSnippetError(file, snippet, `expected ${expected}`);
  return only;
}

/** `alias "path"` as an import spec; the path must be a plain import path. */
export function parseImportSnippet(parser: GoParser, file: string, path: string, alias: string | undefined): Snippet {
  const valid = path.length > 0 && [...path].every((char) => char > ' ' && char !== '"' && char !== '\\' && char !== '`' && char !== '\u007f');
  const spec = `${alias === undefined ? '' : `${alias} `}"${path}"`;
  if (!valid) throw new InvalidSnippetError(file, path, 'it is not a valid import path');
  return parseWrapped(parser, file, spec, 'package p\n\nimport ', '\n', 'import', (root) => {
    const specs = root.descendantsOfType('import_spec');
    single(specs, file, spec, 'exactly one import');
    return { verbatim: [] };
  });
}
