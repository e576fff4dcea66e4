import type { Node } from 'web-tree-sitter';
import { requireTypeOfKind } from '../anchors.js';
import type { GoDocument } from '../document.js';
import { InvalidSnippetError } from '../errors.js';
import { appendToList, insertIntoListBefore, itemEntries } from '../list-insertion.js';
import type { ListShape } from '../list-insertion.js';
import { structFields } from '../list-shapes.js';
import { findTopLevelTypes } from '../lookup.js';
import type { GoParser } from '../parser.js';
import { runEdit } from '../run-edit.js';
import type { EditResult, GoSource } from '../run-edit.js';
import { parseFieldSnippet } from '../snippet.js';
import { embeddedTypeName } from '../syntax.js';

export interface AddStructFieldArgs {
  /** Package-level struct type, e.g. `Ports`. */
  readonly struct: string;
  /** The field as written in Go, e.g. `Payments port.PaymentGateway` (a tag or comment may follow). */
  readonly field: string;
  /** Name that marks the field as present; defaults to the name the field declares. */
  readonly name?: string;
  /** A field the new one goes right above, when the struct has it; otherwise it goes last. */
  readonly before?: string;
}

/** Appends a field to a struct unless a field with that name (or embedded type) exists. */
export function addStructField(parser: GoParser, source: GoSource, args: AddStructFieldArgs): EditResult {
  const snippet = parseFieldSnippet(parser, source.file, args.field);
  const name = args.name ?? snippet.names[0] ?? '';
  if (!snippet.names.includes(name)) {
    throw new InvalidSnippetError(source.file, args.field, `it declares ${snippet.names.join(', ')}, not ${name}`);
  }
  return runEdit(parser, source, {
    summary: `add field ${name} to struct ${args.struct}`,
    plan(doc) {
      const list = structFields(requireTypeOfKind(doc, args.struct, 'struct_type', snippet.text));
      if (hasField(list, name)) return null;
      const target = args.before === undefined ? undefined : itemEntries(list).find((field) => fieldNames(field).includes(args.before ?? ''));
      const insertion = target === undefined ? appendToList(doc, list, snippet) : insertIntoListBefore(doc, list, target, snippet, { keepBlankLineAbove: false });
      return {
        splices: [insertion.splice],
        focus: insertion.focus,
        align: { kind: 'struct-fields', before: list, after: (edited) => findStructFields(edited, args.struct) },
      };
    },
    isPresent: (doc) => {
      const list = findStructFields(doc, args.struct);
      return list !== null && hasField(list, name);
    },
  });
}

function findStructFields(doc: GoDocument, struct: string): ListShape | null {
  const [found] = findTopLevelTypes(doc, struct);
  return found?.type.type === 'struct_type' ? structFields(found.type) : null;
}

function hasField(list: ListShape, name: string): boolean {
  return itemEntries(list).some((field) => fieldNames(field).includes(name));
}

function fieldNames(field: Node): string[] {
  const names = field.childrenForFieldName('name').map((node) => node.text);
  if (names.length > 0) return names;
  const type = field.childForFieldName('type');
  return type === null ? [] : [embeddedTypeName(type)];
}
