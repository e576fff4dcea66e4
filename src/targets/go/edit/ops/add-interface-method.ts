import type { Node } from 'web-tree-sitter';
import { requireTypeOfKind } from '../anchors.js';
import type { GoDocument } from '../document.js';
import { InvalidSnippetError } from '../errors.js';
import { appendToList, itemEntries } from '../list-insertion.js';
import type { ListShape } from '../list-insertion.js';
import { interfaceElements } from '../list-shapes.js';
import { findTopLevelTypes } from '../lookup.js';
import type { GoParser } from '../parser.js';
import { runEdit } from '../run-edit.js';
import type { EditResult, GoSource } from '../run-edit.js';
import { parseMethodSnippet } from '../snippet.js';
import { embeddedTypeName } from '../syntax.js';

export interface AddInterfaceMethodArgs {
  /** Package-level interface type, e.g. `OrderRepository`. */
  readonly iface: string;
  /** Method as written in the interface, e.g. `Delete(ctx context.Context, id domain.OrderID) error`. */
  readonly spec: string;
  /** Name that marks the method as present; defaults to the method's own name. */
  readonly name?: string;
}

/** Appends a method (or embedded interface) unless the interface already has one with that name. */
export function addInterfaceMethod(parser: GoParser, source: GoSource, args: AddInterfaceMethodArgs): EditResult {
  const snippet = parseMethodSnippet(parser, source.file, args.spec);
  if (args.name !== undefined && args.name !== snippet.name) {
    throw new InvalidSnippetError(source.file, args.spec, `it declares ${snippet.name}, not ${args.name}`);
  }
  return runEdit(parser, source, {
    summary: `add method ${snippet.name} to interface ${args.iface}`,
    plan(doc) {
      const list = interfaceElements(requireTypeOfKind(doc, args.iface, 'interface_type', snippet.text));
      if (hasElement(list, snippet.name)) return null;
      const insertion = appendToList(doc, list, snippet);
      return {
        splices: [insertion.splice],
        focus: insertion.focus,
        align: { kind: 'interface-methods', before: list, after: (edited) => findInterface(edited, args.iface) },
      };
    },
    isPresent: (doc) => {
      const list = findInterface(doc, args.iface);
      return list !== null && hasElement(list, snippet.name);
    },
  });
}

function findInterface(doc: GoDocument, iface: string): ListShape | null {
  const [found] = findTopLevelTypes(doc, iface);
  return found?.type.type === 'interface_type' ? interfaceElements(found.type) : null;
}

function hasElement(list: ListShape, name: string): boolean {
  return itemEntries(list).some((element) => elementName(element) === name);
}

function elementName(element: Node): string {
  const name = element.type === 'method_elem' ? element.childForFieldName('name') : null;
  if (name !== null) return name.text;
  const embedded = element.namedChildren[0];
  return embedded === undefined ? '' : embeddedTypeName(embedded);
}
