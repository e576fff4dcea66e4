import type { Node } from 'web-tree-sitter';
import type { GoDocument } from '../document.js';
import { startsRow } from '../layout.js';
import type { ListShape } from '../list-insertion.js';
import { isComment } from '../syntax.js';
import { rowModel } from './row-models.js';
import type { AlignKind } from './row-models.js';
import type { PrintToken } from './tokens.js';

export interface SectionRow {
  readonly row: number;
  readonly tokens: readonly PrintToken[];
}

/** Rows that gofmt aligns together: between blank rows and formfeeds. */
export interface Section {
  readonly rows: SectionRow[];
  /** False when a row has a shape the model does not cover (two items on a row…): leave it alone. */
  supported: boolean;
}

export function alignmentSections(doc: GoDocument, list: ListShape, kind: AlignKind): Section[] {
  const items = list.entries.filter((entry) => !isComment(entry));
  const model = rowModel(kind, items, list.open.startPosition.row);
  const sections: Section[] = [];
  let current: Section = { rows: [], supported: true };
  const startSection = (): void => {
    if (current.rows.length > 0 || !current.supported) sections.push(current);
    current = { rows: [], supported: true };
  };
  let previousEndRow = list.open.endPosition.row;
  let previousItemSpannedRows = false;
  let itemIndex = 0;
  const entries = list.entries;
  for (let entryIndex = 0; entryIndex < entries.length; entryIndex++) {
    const entry = entries[entryIndex];
    if (entry === undefined) break;
    const startRow = entry.startPosition.row;
    if (startRow - previousEndRow > 1) startSection();
    if (isComment(entry)) {
      // `struct { // note`: a comment on the opening row is outside every aligned row.
      if (entryIndex === 0 && startRow === list.open.endPosition.row) continue;
      if (!startsRow(doc.text, entry.startIndex)) current.supported = false;
      current.rows.push({ row: startRow, tokens: [] });
      previousEndRow = entry.endPosition.row;
      continue;
    }
    if (previousItemSpannedRows || model.formfeedBefore(itemIndex)) startSection();
    if (!startsRow(doc.text, entry.startIndex)) current.supported = false;
    const trailing = trailingComment(entries, entryIndex);
    const spansRows = startRow !== entry.endPosition.row;
    const tokens = spansRows ? model.firstRowTokens(itemIndex, entry) : model.rowTokens(itemIndex, entry, trailing);
    current.rows.push({ row: startRow, tokens });
    if (trailing !== null) {
      entryIndex++;
      const next = entries[entryIndex + 1];
      if (next !== undefined && next.startPosition.row === trailing.endPosition.row) current.supported = false;
    }
    previousEndRow = (trailing ?? entry).endPosition.row;
    previousItemSpannedRows = spansRows;
    itemIndex++;
  }
  startSection();
  return sections;
}

function trailingComment(entries: readonly Node[], index: number): Node | null {
  const item = entries[index];
  const next = entries[index + 1];
  if (item === undefined || next === undefined || !isComment(next)) return null;
  return next.startPosition.row === item.endPosition.row ? next : null;
}
