import type { Node } from 'web-tree-sitter';
import type { GoDocument } from '../document.js';
import { AnchorNotFoundError } from '../errors.js';
import { appendToList, itemEntries } from '../list-insertion.js';
import type { ListShape } from '../list-insertion.js';
import { literalElements } from '../list-shapes.js';
import type { GoParser } from '../parser.js';
import { runEdit } from '../run-edit.js';
import type { EditResult, GoSource } from '../run-edit.js';
import { parseLiteralElementSnippet, parseProbeSnippet } from '../snippet.js';
import type { CodeSnippet } from '../snippet.js';
import { tokenKey } from '../syntax.js';

export interface AddVarElementArgs {
  /** A package-level variable initialised with a composite literal, e.g. `errorStatuses`. */
  readonly variable: string;
  /** The element: a value (`{domain.ErrGone, http.StatusGone}`) or `key: value`. */
  readonly element: string;
  /**
   * An expression whose presence anywhere in the literal means the element is there already,
   * e.g. `domain.ErrGone`. Default: an element with the same key, or the same element.
   */
  readonly unlessPresent?: string;
}

/** Appends an element to the composite literal of a package-level var (a table or a map) unless it is there. */
export function addVarElement(parser: GoParser, source: GoSource, args: AddVarElementArgs): EditResult {
  const snippet = parseLiteralElementSnippet(parser, source.file, args.element);
  const probe = args.unlessPresent === undefined ? null : parseProbeSnippet(parser, source.file, args.unlessPresent);
  const present = (list: ListShape) => (probe === null ? hasElement(list, snippet) : contains(list, probe));
  return runEdit(parser, source, {
    summary: `add an element to the literal of var ${args.variable}`,
    plan(doc) {
      const list = requireLiteral(doc, args.variable, `${snippet.text},`);
      if (present(list)) return null;
      const insertion = appendToList(doc, list, snippet);
      return {
        splices: [insertion.splice],
        focus: insertion.focus,
        align: { kind: 'keyed-elements', before: list, after: (edited) => findLiteral(edited, args.variable) },
      };
    },
    isPresent: (doc) => {
      const list = findLiteral(doc, args.variable);
      return list !== null && present(list);
    },
  });
}

function hasElement(list: ListShape, snippet: CodeSnippet & { keyTokens: string | null }): boolean {
  return itemEntries(list).some((element) => {
    if (snippet.keyTokens === null) return tokenKey(element) === snippet.tokens;
    const key = element.type === 'keyed_element' ? element.childForFieldName('key') : null;
    return key !== null && tokenKey(key) === snippet.keyTokens;
  });
}

function contains(list: ListShape, probe: CodeSnippet): boolean {
  return itemEntries(list).some((element) => [element, ...element.descendantsOfType(probe.nodeType)].some((node) => node.type === probe.nodeType && tokenKey(node) === probe.tokens));
}

function literalOf(doc: GoDocument, variable: string): { found: boolean; literal: Node | null } {
  for (const declaration of doc.root.namedChildren) {
    if (declaration.type !== 'var_declaration') continue;
    const specs = declaration.namedChildren.flatMap((child) => (child.type === 'var_spec_list' ? child.namedChildren : [child]));
    for (const spec of specs) {
      if (spec.type !== 'var_spec') continue;
      const names = spec.childrenForFieldName('name');
      const index = names.findIndex((name) => name.text === variable);
      if (index === -1) continue;
      const value = spec.childForFieldName('value')?.namedChildren.filter((child) => child.type !== 'comment')[index];
      const body = value?.type === 'composite_literal' ? value.childForFieldName('body') : null;
      return { found: true, literal: body ?? null };
    }
  }
  return { found: false, literal: null };
}

function findLiteral(doc: GoDocument, variable: string): ListShape | null {
  const { literal } = literalOf(doc, variable);
  return literal === null ? null : literalElements(literal);
}

function requireLiteral(doc: GoDocument, variable: string, manualSnippet: string): ListShape {
  const { found, literal } = literalOf(doc, variable);
  const where = `in the literal of var ${variable} in ${doc.file}, or wherever that table now lives`;
  if (!found) {
    throw new AnchorNotFoundError(doc.file, { problem: 'missing', reason: `cannot find var ${variable} (it may have been renamed or moved)`, where, manualSnippet });
  }
  if (literal === null) {
    throw new AnchorNotFoundError(doc.file, { problem: 'wrong-kind', reason: `var ${variable} is not initialised with a composite literal`, where, manualSnippet });
  }
  return literalElements(literal);
}
