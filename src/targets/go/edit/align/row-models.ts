import type { Node } from 'web-tree-sitter';
import { utf8Length } from '../layout.js';
import { BLANK, textToken, VTAB, withTrailingComment } from './tokens.js';
import type { PrintToken } from './tokens.js';

/** The lists whose rows gofmt aligns, each printed by a different part of go/printer. */
export type AlignKind = 'struct-fields' | 'interface-methods' | 'keyed-elements' | 'imports' | 'statements';

/** How go/printer lays out the rows of one kind of list. */
export interface RowModel {
  /** Tokens of a single-row item, its trailing comment included. */
  rowTokens(index: number, item: Node, trailing: Node | null): PrintToken[];
  /** Tokens of the first row of an item spanning several rows. */
  firstRowTokens(index: number, item: Node): PrintToken[];
  /** A formfeed before the item (it starts a new alignment section). */
  formfeedBefore(index: number): boolean;
}

export function rowModel(kind: AlignKind, items: readonly Node[], openRow: number): RowModel {
  switch (kind) {
    case 'struct-fields':
      return structFieldModel(items);
    case 'keyed-elements':
      return keyedElementModel(items, openRow);
    case 'imports':
      return simpleModel((spec) => {
        const name = spec.childForFieldName('name');
        const path = spec.childForFieldName('path');
        if (name === null || path === null) return [textToken(spec.startIndex, spec.endIndex)];
        return [textToken(name.startIndex, name.endIndex), BLANK, textToken(path.startIndex, path.endIndex)];
      });
    case 'interface-methods':
    case 'statements':
      return simpleModel((item) => [textToken(item.startIndex, item.endIndex)]);
  }
}

/** Items printed as one cell-less run of text; only their trailing comments align. */
function simpleModel(tokens: (item: Node) => PrintToken[]): RowModel {
  return {
    rowTokens: (_index, item, trailing) => (trailing === null ? tokens(item) : withTrailingComment(tokens(item), trailing)),
    firstRowTokens: () => [],
    formfeedBefore: () => false,
  };
}

/** go/printer fieldList: `names\vtype[\v\vtag]`, with extra tabs before a trailing comment. */
function structFieldModel(fields: readonly Node[]): RowModel {
  const sep = fields.length > 1 ? VTAB : BLANK;
  const namesToken = (field: Node): PrintToken | null => {
    const names = field.childrenForFieldName('name');
    const first = names[0];
    const last = names.at(-1);
    return first === undefined || last === undefined ? null : textToken(first.startIndex, last.endIndex);
  };
  return {
    rowTokens(_index, field, trailing) {
      const type = field.childForFieldName('type');
      const tag = field.childForFieldName('tag');
      const names = namesToken(field);
      if (type === null) return [textToken(field.startIndex, field.endIndex)];
      const tokens: PrintToken[] = [];
      let extraTabs: number;
      if (names !== null) {
        tokens.push(names, sep, textToken(type.startIndex, type.endIndex));
        extraTabs = 1;
      } else {
        // An embedded `*T` has its star outside the type node.
        tokens.push(textToken(field.startIndex, type.endIndex));
        extraTabs = 2;
      }
      if (tag !== null) {
        if (names !== null && sep === VTAB) tokens.push(sep);
        tokens.push(sep, textToken(tag.startIndex, tag.endIndex));
        extraTabs = 0;
      }
      if (trailing === null) return tokens;
      for (; extraTabs > 0; extraTabs--) tokens.push(sep);
      return withTrailingComment(tokens, trailing);
    },
    firstRowTokens(_index, field) {
      const names = namesToken(field);
      const type = field.childForFieldName('type');
      if (names === null || type === null) return [];
      return [names, sep, textToken(type.startIndex, type.startIndex)];
    },
    formfeedBefore: () => false,
  };
}

/**
 * go/printer exprList: `key:\vvalue,` when the key fits and the element is alone on its row, and a
 * formfeed (no alignment across it) when key sizes differ too much from the geometric mean so far.
 */
function keyedElementModel(elements: readonly Node[], openRow: number): RowModel {
  const formfeed: boolean[] = [];
  const aligned: boolean[] = [];
  let previousSize = 0;
  let lnsum = 0;
  let count = 0;
  let previousBreak = -1;
  let previousRow = openRow;
  let previousEndRow = openRow;
  elements.forEach((element, index) => {
    const row = element.startPosition.row;
    const key = element.type === 'keyed_element' ? element.childForFieldName('key') : null;
    const singleRow = element.startPosition.row === element.endPosition.row;
    const size = !singleRow ? 0 : utf8Length((key ?? element).text);
    let useFormfeed = true;
    if (previousSize > 0 && size > 0) {
      const smallSize = 40;
      if (count === 0 || (previousSize <= smallSize && size <= smallSize)) {
        useFormfeed = false;
      } else {
        const threshold = 2.5;
        const ratio = size / Math.exp(lnsum / count);
        useFormfeed = threshold * ratio <= 1 || threshold <= ratio;
      }
    }
    const needsLinebreak = previousRow < row;
    formfeed[index] = false;
    if (index === 0 && needsLinebreak) previousBreak = 0;
    if (index > 0 && needsLinebreak) {
      const newSection = useFormfeed || previousBreak + 1 < index;
      formfeed[index] = newSection;
      if (newSection || row - previousEndRow > 1) {
        lnsum = 0;
        count = 0;
      }
      previousBreak = index;
    }
    aligned[index] = elements.length > 1 && key !== null && size > 0 && needsLinebreak;
    if (size > 0) {
      lnsum += Math.log(size);
      count++;
    }
    previousRow = row;
    previousEndRow = element.endPosition.row;
    previousSize = size;
  });
  return {
    rowTokens(index, element, trailing) {
      const tokens = keyedElementTokens(element, aligned[index] === true);
      return trailing === null ? tokens : withTrailingComment(tokens, trailing);
    },
    firstRowTokens: () => [],
    formfeedBefore: (index) => formfeed[index] === true,
  };
}

function keyedElementTokens(element: Node, aligned: boolean): PrintToken[] {
  const comma = element.nextSibling?.type === ',' ? element.nextSibling : null;
  const end = comma?.endIndex ?? element.endIndex;
  const key = element.type === 'keyed_element' ? element.childForFieldName('key') : null;
  const value = element.childForFieldName('value');
  const colon = key?.nextSibling ?? null;
  if (key === null || value === null || colon === null) return [textToken(element.startIndex, end)];
  return [textToken(key.startIndex, colon.endIndex), aligned ? VTAB : BLANK, textToken(value.startIndex, end)];
}
