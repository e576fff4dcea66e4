import type { Node } from 'web-tree-sitter';
import type { GoDocument } from './document.js';
import { indentContinuationLines, indentationAt, isBlankRowAt, rowEndIndex, rowStartIndex, startsRow } from './layout.js';
import type { Snippet } from './snippet.js';
import type { Splice } from './splice.js';
import { isComment } from './syntax.js';

/** A bracketed list the engine inserts into: struct fields, interface methods, literal elements, statements, import specs. */
export interface ListShape {
  readonly open: Node;
  readonly close: Node;
  /** Items and comments in source order. */
  readonly entries: readonly Node[];
  /** When the list turns multi-line, [openFrom, open.endIndex) becomes `openText` (`struct{` -> `struct {`). */
  readonly openFrom: number;
  readonly openText: string;
  /** What ends every item of a multi-line list: ',' for composite literals, '' elsewhere. */
  readonly terminator: string;
}

export interface PlannedInsertion {
  readonly splice: Splice;
  /** Index of the inserted item in the edited text. */
  readonly focus: number;
}

export function appendToList(doc: GoDocument, list: ListShape, item: Snippet): PlannedInsertion {
  if (isOneRow(list)) return rebuildMultiLine(doc, list, item, itemEntries(list).length);
  const indent = itemIndent(doc, list);
  const line = indentContinuationLines(item.text, indent, item.verbatim) + list.terminator;
  if (startsRow(doc.text, list.close.startIndex)) {
    // Right above the closing row: blank rows the user left after the last entry stay above the new item.
    return insertAt(rowStartIndex(doc.text, list.close.startIndex), indent, line, '\n');
  }
  // The closing bracket shares the last entry's row (`B: 2}`): move it to its own row.
  const lastToken = list.close.previousSibling ?? list.open;
  const needsTerminator = list.terminator !== '' && lastToken.type !== list.terminator && lastToken !== list.open;
  const before = `${needsTerminator ? list.terminator : ''}\n${indent}`;
  return replaceRange(lastToken.endIndex, list.close.startIndex, before, line, `\n${closingIndent(doc, list)}`);
}

/**
 * Inserts `item` on its own row above `target` and the comment rows attached to it.
 * With `keepBlankLineAbove`, an item that follows a blank row goes above the blank row instead
 * (`x := 1\n\n\treturn x` gets the new statement right after `x := 1`).
 */
export function insertIntoListBefore(
  doc: GoDocument,
  list: ListShape,
  target: Node,
  item: Snippet,
  options: { keepBlankLineAbove: boolean },
): PlannedInsertion {
  if (isOneRow(list)) {
    return rebuildMultiLine(doc, list, item, itemEntries(list).findIndex((entry) => entry.equals(target)));
  }
  const top = attachedCommentsTop(doc, list, target);
  const indent = startsRow(doc.text, top.startIndex) ? indentationAt(doc.text, top.startIndex) : itemIndent(doc, list);
  const line = indentContinuationLines(item.text, indent, item.verbatim) + list.terminator;
  if (!startsRow(doc.text, top.startIndex)) {
    return insertAt(top.startIndex, '', line, `\n${indent}`);
  }
  const topRowStart = rowStartIndex(doc.text, top.startIndex);
  const previous = previousEntry(list, top);
  if (options.keepBlankLineAbove && previous !== null && topRowStart >= 1 && isBlankRowAt(doc.text, rowStartIndex(doc.text, topRowStart - 1))) {
    return insertAt(rowEndAfter(doc, previous.endIndex), `\n${indent}`, line, '');
  }
  return insertAt(topRowStart, indent, line, '\n');
}

/** The newline that ends the row containing `index`, skipping past comments or raw strings that span it. */
export function rowEndAfter(doc: GoDocument, index: number): number {
  let end = rowEndIndex(doc.text, index);
  for (;;) {
    const node = doc.root.descendantForIndex(end, end);
    const spansRowEnd = node !== null && node.startIndex < end && node.endIndex > end;
    if (!spansRowEnd || (node.type !== 'comment' && node.type !== 'raw_string_literal_content' && node.type !== 'raw_string_literal')) {
      return end;
    }
    end = rowEndIndex(doc.text, node.endIndex);
  }
}

export function itemEntries(list: ListShape): Node[] {
  return list.entries.filter((entry) => !isComment(entry));
}

export function isOneRow(list: ListShape): boolean {
  return list.open.startPosition.row === list.close.startPosition.row;
}

/** `{ A int }`, `{}` or `{a(); b()}`: rewritten with one item per row, `item` placed before item number `position`. */
function rebuildMultiLine(doc: GoDocument, list: ListShape, item: Snippet, position: number): PlannedInsertion {
  const outer = indentationAt(doc.text, list.open.startIndex);
  const indent = `${outer}\t`;
  const rows: string[] = [];
  let pendingComments: string[] = [];
  let lastRowIsExistingItem = false;
  let itemIndex = 0;
  let focusRow = -1;
  const addNewItem = (): void => {
    focusRow = rows.length;
    rows.push(indent + indentContinuationLines(item.text, indent, item.verbatim) + list.terminator);
    lastRowIsExistingItem = false;
  };
  for (const entry of list.entries) {
    if (isComment(entry)) {
      if (lastRowIsExistingItem && pendingComments.length === 0) rows[rows.length - 1] += ` ${entry.text}`;
      else pendingComments.push(entry.text);
      continue;
    }
    if (itemIndex === position) addNewItem();
    const leading = pendingComments.map((comment) => `${comment} `).join('');
    pendingComments = [];
    rows.push(indent + leading + entry.text + list.terminator);
    lastRowIsExistingItem = true;
    itemIndex++;
  }
  if (focusRow === -1) addNewItem();
  for (const comment of pendingComments) rows.push(indent + comment);
  const before = `${list.openText}\n`;
  let focusOffset = before.length + indent.length;
  for (const row of rows.slice(0, focusRow)) focusOffset += row.length + 1;
  const text = `${before}${rows.join('\n')}\n${outer}${list.close.text}`;
  return { splice: { start: list.openFrom, end: list.close.endIndex, text }, focus: list.openFrom + focusOffset };
}

function insertAt(at: number, before: string, line: string, after: string): PlannedInsertion {
  return { splice: { start: at, end: at, text: before + line + after }, focus: at + before.length };
}

function replaceRange(start: number, end: number, before: string, line: string, after: string): PlannedInsertion {
  return { splice: { start, end, text: before + line + after }, focus: start + before.length };
}

function itemIndent(doc: GoDocument, list: ListShape): string {
  const rowStarters = list.entries.filter((entry) => startsRow(doc.text, entry.startIndex));
  const lastItem = rowStarters.filter((entry) => !isComment(entry)).at(-1) ?? rowStarters.at(-1);
  if (lastItem !== undefined) return indentationAt(doc.text, lastItem.startIndex);
  return `${closingIndent(doc, list)}\t`;
}

function closingIndent(doc: GoDocument, list: ListShape): string {
  const anchor = startsRow(doc.text, list.close.startIndex) ? list.close : list.open;
  return indentationAt(doc.text, anchor.startIndex);
}

/** The first of the comment rows directly above `target` (no blank row between), or `target`. */
function attachedCommentsTop(doc: GoDocument, list: ListShape, target: Node): Node {
  let top = target;
  for (;;) {
    const previous = previousEntry(list, top);
    if (
      previous === null ||
      !isComment(previous) ||
      !startsRow(doc.text, previous.startIndex) ||
      previous.endPosition.row !== top.startPosition.row - 1
    ) {
      return top;
    }
    top = previous;
  }
}

function previousEntry(list: ListShape, entry: Node): Node | null {
  const index = list.entries.findIndex((candidate) => candidate.equals(entry));
  return index > 0 ? (list.entries[index - 1] ?? null) : null;
}
