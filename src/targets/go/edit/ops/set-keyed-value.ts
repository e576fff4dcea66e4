import type { Node } from 'web-tree-sitter';
import { describeFunction, requireCompositeLiteral, requireFunctionBody } from '../anchors.js';
import type { GoDocument } from '../document.js';
import { withDocument } from '../document.js';
import { AnchorNotFoundError, InvalidSnippetError } from '../errors.js';
import { itemEntries } from '../list-insertion.js';
import { literalElements } from '../list-shapes.js';
import { findCompositeLiterals, findFunctionBodies } from '../lookup.js';
import { normalizeSource } from '../line-endings.js';
import type { GoParser } from '../parser.js';
import { runEdit } from '../run-edit.js';
import type { EditResult, GoSource } from '../run-edit.js';
import { parseKeyedElementSnippet, parseProbeSnippet } from '../snippet.js';
import type { CodeSnippet } from '../snippet.js';
import { tokenKey } from '../syntax.js';

export interface SetKeyedValueArgs {
  /** Function holding the literal: `New`, or `Recv.method` for a method. */
  readonly func: string;
  /** Literal type as written, e.g. `app.Ports` (matches `app.Ports{…}` and `&app.Ports{…}`). */
  readonly type: string;
  readonly key: string;
  /** The new value: one expression on one line. */
  readonly value: string;
  /**
   * The expression to replace, somewhere inside the current value (the whole value when it is
   * the value itself). Compared token by token. The edit is refused when it is not there, so a
   * value the user chose by hand is never overwritten.
   */
  readonly replace: string;
}

/**
 * Replaces `replace` inside the value of `key:` in the one `Type{…}` literal of a function with
 * `value`, e.g. `Orders: memory.NewOrderRepository()` -> `Orders: postgres.NewOrderRepository(pool)`.
 * A no-op when the value already contains `value`.
 */
export function setKeyedValue(parser: GoParser, source: GoSource, args: SetKeyedValueArgs): EditResult {
  const file = source.file;
  if (args.value.includes('\n')) throw new InvalidSnippetError(file, args.value, 'the new value must fit on one line');
  const manual = parseKeyedElementSnippet(parser, file, args.key, args.value);
  const keyTokens = manual.keyTokens;
  const value = parseProbeSnippet(parser, file, args.value);
  const replace = parseProbeSnippet(parser, file, args.replace);
  const summary = `set ${args.key} to ${args.value} in the ${args.type}{…} literal of ${describeFunction(args.func)}`;
  return runEdit(parser, source, {
    summary,
    plan(doc) {
      const body = requireFunctionBody(doc, args.func, `${manual.text},`, `in the ${args.type}{…} literal inside`);
      const literal = requireCompositeLiteral(doc, body, args.func, args.type, `${manual.text},`);
      const element = keyedElement(literal, keyTokens);
      const where = `in the ${args.type}{…} literal inside ${describeFunction(args.func)} in ${doc.file}, replacing the ${args.key} element`;
      if (element === null) {
        throw new AnchorNotFoundError(doc.file, {
          problem: 'missing',
          reason: `the ${args.type}{…} literal in ${describeFunction(args.func)} does not set ${args.key}`,
          where,
          manualSnippet: `${manual.text},`,
        });
      }
      if (findExpression(element, value) !== null) return null;
      const target = findExpression(element, replace);
      if (target === null) {
        throw new AnchorNotFoundError(doc.file, {
          problem: 'wrong-kind',
          reason: `${args.key} is set to ${element.childForFieldName('value')?.text ?? '?'}, which does not contain ${replace.text} (it was changed by hand, so it is left alone)`,
          where,
          manualSnippet: `${manual.text},`,
        });
      }
      return { splices: [{ start: target.startIndex, end: target.endIndex, text: value.text }], focus: target.startIndex };
    },
    isPresent(doc) {
      const [fnBody] = findFunctionBodies(doc, args.func);
      const [literal] = fnBody === undefined ? [] : findCompositeLiterals(doc, fnBody, args.type);
      const element = literal === undefined ? null : keyedElement(literal, keyTokens);
      return element !== null && findExpression(element, value) !== null;
    },
  });
}

/** The current value of `key:` in the one `Type{…}` literal of a function, as written, or null. */
export function keyedValue(parser: GoParser, source: GoSource, args: Pick<SetKeyedValueArgs, 'func' | 'type' | 'key'>): string | null {
  const manual = parseKeyedElementSnippet(parser, source.file, args.key, '_');
  const { text } = normalizeSource(source.file, source.text);
  return withDocument(parser, source.file, text, (doc: GoDocument) => {
    const [fnBody] = findFunctionBodies(doc, args.func);
    const [literal] = fnBody === undefined ? [] : findCompositeLiterals(doc, fnBody, args.type);
    const element = literal === undefined ? null : keyedElement(literal, manual.keyTokens);
    return element?.childForFieldName('value')?.text ?? null;
  });
}

function keyedElement(literal: Node, keyTokens: string): Node | null {
  for (const element of itemEntries(literalElements(literal))) {
    const key = element.type === 'keyed_element' ? element.childForFieldName('key') : null;
    if (key !== null && tokenKey(key) === keyTokens) return element;
  }
  return null;
}

/** The first expression inside the element's value whose tokens are the probe's (outermost first). */
function findExpression(element: Node, probe: CodeSnippet): Node | null {
  const value = element.childForFieldName('value');
  if (value === null) return null;
  const stack: Node[] = [value];
  while (stack.length > 0) {
    const node = stack.shift();
    if (node === undefined) break;
    if (node.type !== 'literal_element' && tokenKey(node) === probe.tokens && node.type === probe.nodeType) return node;
    if (node.type === 'literal_element' && node.namedChildCount === 1 && tokenKey(node) === probe.tokens) {
      const inner = node.namedChildren[0];
      if (inner !== undefined && inner !== null && inner.type === probe.nodeType) return inner;
    }
    stack.push(...node.namedChildren.filter((child): child is Node => child !== null));
  }
  return null;
}
