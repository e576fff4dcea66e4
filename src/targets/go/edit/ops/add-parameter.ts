import type { Node } from 'web-tree-sitter';
import { describeFunction, requireFunctionBody } from '../anchors.js';
import type { GoDocument } from '../document.js';
import { AnchorNotFoundError, EditConflictError, InvalidSnippetError } from '../errors.js';
import { indentationAt, rowEndIndex, rowOf } from '../layout.js';
import { findFunctionBodies } from '../lookup.js';
import type { GoParser } from '../parser.js';
import { runEdit } from '../run-edit.js';
import type { EditResult, GoSource } from '../run-edit.js';
import { isComment, tokenKey } from '../syntax.js';

export interface AddParameterArgs {
  /** `NewCreateOrder`, or `Recv.method` for a method. */
  readonly func: string;
  /** One named parameter as written in Go: `events port.EventPublisher`. */
  readonly parameter: string;
}

/**
 * Appends a parameter to a function's parameter list unless a parameter of that name is there:
 * `(a A)` -> `(a A, events port.EventPublisher)`; a list written one parameter per row with a
 * trailing comma gets a row of its own. A parameter of that name with another type, a variadic
 * last parameter or unnamed parameters are refused with the parameter to add by hand.
 */
export function addParameter(parser: GoParser, source: GoSource, args: AddParameterArgs): EditResult {
  const wanted = parseParameter(parser, source.file, args.parameter);
  const summary = `add parameter ${wanted.name} to ${describeFunction(args.func)}`;
  return runEdit(parser, source, {
    summary,
    plan(doc) {
      const list = requireParameters(doc, args.func, wanted.text);
      const params = declarations(list);
      const same = params.find((param) => param.names.includes(wanted.name));
      if (same !== undefined) {
        if (same.type === wanted.type) return null;
        throw new EditConflictError(doc.file, `${doc.file}: ${describeFunction(args.func)} already has a parameter ${wanted.name} of type ${same.typeText}, not ${wanted.typeText}`);
      }
      const refuse = (reason: string) =>
        new AnchorNotFoundError(doc.file, { problem: 'wrong-kind', reason, where: `at the end of the parameters of ${describeFunction(args.func)} in ${doc.file}`, manualSnippet: wanted.text });
      const last = params.at(-1);
      if (last !== undefined && last.names.length === 0) throw refuse(`the parameters of ${describeFunction(args.func)} are unnamed, so a named one cannot join them`);
      if (last !== undefined && last.node.type === 'variadic_parameter_declaration') throw refuse(`${describeFunction(args.func)} ends with a variadic parameter`);
      const close = list.lastChild;
      if (close === null || close.type !== ')') throw refuse('its parameter list has no closing parenthesis');
      if (last === undefined) return { splices: [{ start: close.startIndex, end: close.startIndex, text: wanted.text }], focus: close.startIndex };
      const between = doc.text.slice(last.node.endIndex, close.startIndex);
      const comma = between.indexOf(',');
      if (comma !== -1 && rowOf(doc.text, last.node.startIndex) !== rowOf(doc.text, close.startIndex)) {
        // One parameter per row with a trailing comma: a row of its own, indented as the last one.
        // After the row's end, so a comment closing the row stays with its parameter.
        const at = rowEndIndex(doc.text, last.node.endIndex + comma);
        return { splices: [{ start: at, end: at, text: `\n${indentationAt(doc.text, last.node.startIndex)}${wanted.text},` }], focus: at + 1 };
      }
      if (comma !== -1 || between.includes('\n') || between.includes('/')) throw refuse(`the end of the parameters of ${describeFunction(args.func)} is written in a way the edit does not follow`);
      return { splices: [{ start: last.node.endIndex, end: last.node.endIndex, text: `, ${wanted.text}` }], focus: last.node.endIndex + 2 };
    },
    isPresent(doc) {
      const [body] = findFunctionBodies(doc, args.func);
      const list = body?.parent?.childForFieldName('parameters') ?? null;
      return list !== null && declarations(list).some((param) => param.names.includes(wanted.name) && param.type === wanted.type);
    },
  });
}

interface Declaration {
  node: Node;
  names: string[];
  /** Tokens of the type, to compare. */
  type: string;
  typeText: string;
}

function requireParameters(doc: GoDocument, func: string, manualSnippet: string): Node {
  const body = requireFunctionBody(doc, func, manualSnippet, 'at the end of the parameters of');
  const list = body.parent?.childForFieldName('parameters') ?? null;
  if (list === null) throw new AnchorNotFoundError(doc.file, { problem: 'missing', reason: `${describeFunction(func)} has no parameter list`, where: describeFunction(func), manualSnippet });
  return list;
}

function declarations(list: Node): Declaration[] {
  return list.namedChildren
    .filter((node): node is Node => node !== null && !isComment(node))
    .map((node) => {
      const type = node.childForFieldName('type');
      return { node, names: node.childrenForFieldName('name').filter((name): name is Node => name !== null).map((name) => name.text), type: type === null ? '' : tokenKey(type), typeText: type?.text ?? '' };
    });
}

function parseParameter(parser: GoParser, file: string, parameter: string): { text: string; name: string; type: string; typeText: string } {
  const text = parameter.trim();
  if (text.includes('\n')) throw new InvalidSnippetError(file, parameter, 'a parameter fits on one line');
  const tree = parser.parse(`package p\n\nfunc _(${text}) {}\n`);
  try {
    const list = tree.rootNode.descendantsOfType('parameter_list')[0];
    const params = list === undefined || list === null || tree.rootNode.hasError ? [] : declarations(list);
    const [only] = params;
    if (params.length !== 1 || only === undefined || only.names.length !== 1 || only.node.type !== 'parameter_declaration') {
      throw new InvalidSnippetError(file, parameter, 'it must be one named parameter, e.g. events port.EventPublisher');
    }
    return { text, name: only.names[0] ?? '', type: only.type, typeText: only.typeText };
  } finally {
    tree.delete();
  }
}
