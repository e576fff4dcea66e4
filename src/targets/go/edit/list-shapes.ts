import type { Node } from 'web-tree-sitter';
import type { ListShape } from './list-insertion.js';
import { listEntries } from './syntax.js';

/** `struct { … }`: fields of a struct type. */
export function structFields(structType: Node): ListShape {
  const body = structType.namedChildren.find((child) => child.type === 'field_declaration_list');
  const keyword = structType.child(0);
  if (body === undefined || keyword === null) throw new Error(`unexpected struct syntax: ${structType.text}`);
  return bracketed(body, body.namedChildren, { openFrom: keyword.endIndex, openText: ' {', terminator: '' });
}

/** `interface { … }`: methods and embedded interfaces. */
export function interfaceElements(interfaceType: Node): ListShape {
  const keyword = interfaceType.child(0);
  if (keyword === null) throw new Error(`unexpected interface syntax: ${interfaceType.text}`);
  return bracketed(interfaceType, interfaceType.namedChildren, { openFrom: keyword.endIndex, openText: ' {', terminator: '' });
}

/** `T{ … }`: elements of a composite literal. */
export function literalElements(literalValue: Node): ListShape {
  return bracketed(literalValue, literalValue.namedChildren, { openText: '{', terminator: ',' });
}

/** `{ … }`: statements of a block. */
export function blockStatements(block: Node): ListShape {
  return bracketed(block, listEntries(block), { openText: '{', terminator: '' });
}

/** `import ( … )`: specs of a grouped import. */
export function importSpecs(specList: Node): ListShape {
  return bracketed(specList, specList.namedChildren, { openText: '(', terminator: '' });
}

/** `var ( … )`: specs of a grouped var declaration. */
export function varSpecs(specList: Node): ListShape {
  return bracketed(specList, specList.namedChildren, { openText: '(', terminator: '' });
}

function bracketed(
  node: Node,
  entries: Node[],
  layout: { openFrom?: number; openText: string; terminator: string },
): ListShape {
  const open = node.children.find((child) => !child.isNamed && (child.type === '{' || child.type === '('));
  const close = node.lastChild;
  if (open === undefined || close === null || (close.type !== '}' && close.type !== ')')) {
    throw new Error(`unexpected list syntax: ${node.text}`);
  }
  return { open, close, entries, openFrom: layout.openFrom ?? open.startIndex, openText: layout.openText, terminator: layout.terminator };
}
