import type { Node } from 'web-tree-sitter';
import { describeFunction, requireCompositeLiteral, requireFunctionBody } from '../anchors.js';
import type { GoDocument } from '../document.js';
import { AnchorNotFoundError } from '../errors.js';
import { appendToList, itemEntries } from '../list-insertion.js';
import type { ListShape } from '../list-insertion.js';
import { literalElements } from '../list-shapes.js';
import { findCompositeLiterals, findFunctionBodies } from '../lookup.js';
import type { GoParser } from '../parser.js';
import { runEdit } from '../run-edit.js';
import type { EditResult, GoSource } from '../run-edit.js';
import { parseKeyedElementSnippet } from '../snippet.js';
import { tokenKey } from '../syntax.js';

export interface AddKeyedElementArgs {
  /** Function holding the literal: `New`, or `Recv.method` for a method. */
  readonly func: string;
  /** Literal type as written, e.g. `App` (matches `App{…}` and `&App{…}`) or `app.Ports`. */
  readonly type: string;
  readonly key: string;
  readonly value: string;
}

/** Adds `key: value` to the one `Type{…}` literal in a function unless that key is already set. */
export function addKeyedElement(parser: GoParser, source: GoSource, args: AddKeyedElementArgs): EditResult {
  const snippet = parseKeyedElementSnippet(parser, source.file, args.key, args.value);
  return runEdit(parser, source, {
    summary: `set ${args.key} in the ${args.type}{…} literal of ${describeFunction(args.func)}`,
    plan(doc) {
      const body = requireFunctionBody(doc, args.func, `${snippet.text},`, `in the ${args.type}{…} literal inside`);
      const literal = requireCompositeLiteral(doc, body, args.func, args.type, `${snippet.text},`);
      const list = literalElements(literal);
      if (itemEntries(list).some((element) => element.type !== 'keyed_element')) {
        throw new AnchorNotFoundError(doc.file, {
          problem: 'wrong-kind',
          reason: `the ${args.type}{…} literal in ${describeFunction(args.func)} lists values without keys`,
          where: `in the ${args.type}{…} literal inside ${describeFunction(args.func)} in ${doc.file}, after converting it to key: value form`,
          manualSnippet: `${snippet.text},`,
        });
      }
      if (hasKey(list, snippet.keyTokens)) return null;
      const insertion = appendToList(doc, list, snippet);
      return {
        splices: [insertion.splice],
        focus: insertion.focus,
        align: { kind: 'keyed-elements', before: list, after: (edited) => findLiteral(edited, args) },
      };
    },
    isPresent: (doc) => {
      const list = findLiteral(doc, args);
      return list !== null && hasKey(list, snippet.keyTokens);
    },
  });
}

function findLiteral(doc: GoDocument, args: AddKeyedElementArgs): ListShape | null {
  const [body] = findFunctionBodies(doc, args.func);
  const [literal] = body === undefined ? [] : findCompositeLiterals(doc, body, args.type);
  return literal === undefined ? null : literalElements(literal);
}

function hasKey(list: ListShape, keyTokens: string): boolean {
  return itemEntries(list).some((element) => {
    const key: Node | null = element.type === 'keyed_element' ? element.childForFieldName('key') : null;
    return key !== null && tokenKey(key) === keyTokens;
  });
}
