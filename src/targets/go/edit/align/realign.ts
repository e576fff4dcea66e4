import type { GoDocument } from '../document.js';
import { isBlank, rowLocator, rowOf } from '../layout.js';
import type { ListShape } from '../list-insertion.js';
import { originalIndex } from '../splice.js';
import type { Splice } from '../splice.js';
import { alignmentSections } from './sections.js';
import type { Section } from './sections.js';
import type { AlignKind } from './row-models.js';
import { columnWidths } from './tabwriter.js';
import { cellRow, expectedGaps } from './tokens.js';

/** Whitespace splices that give `section` gofmt's alignment, or null when its rows hold anything but blanks between cells. */
export function sectionSplices(doc: GoDocument, section: Section): Splice[] | null {
  if (!section.supported) return null;
  const cellRows = section.rows.map((row) => cellRow(doc.text, row.tokens));
  const widths = columnWidths(cellRows);
  const splices: Splice[] = [];
  for (const [index, row] of section.rows.entries()) {
    const cells = cellRows[index];
    if (cells === undefined) continue;
    const gaps = expectedGaps(cells, row.tokens, widths[index] ?? []);
    const texts = row.tokens.flatMap((token) => (token.kind === 'text' ? [token] : []));
    for (const [gapIndex, expected] of gaps.entries()) {
      const left = texts[gapIndex];
      const right = texts[gapIndex + 1];
      if (left === undefined || right === undefined) return null;
      const actual = doc.text.slice(left.end, right.start);
      if (!isBlank(actual)) return null;
      if (actual !== expected) splices.push({ start: left.end, end: right.start, text: expected });
    }
  }
  return splices;
}

export interface RealignRequest {
  readonly kind: AlignKind;
  readonly before: { doc: GoDocument; list: ListShape } | null;
  readonly after: { doc: GoDocument; list: ListShape };
  /** Index of the inserted item in the edited text. */
  readonly focus: number;
  /** The splices that turned `before` into `after`. */
  readonly edit: readonly Splice[];
}

/**
 * Realigns the section holding the inserted item as gofmt would. Existing rows of that section are
 * only touched when they were gofmt-aligned before the edit; otherwise the user's layout is left as is.
 */
export function realignAroundInsertion(request: RealignRequest): Splice[] {
  const { doc, list } = request.after;
  const focusRow = rowOf(doc.text, request.focus);
  const section = alignmentSections(doc, list, request.kind).find((candidate) =>
    candidate.rows.some((row) => row.row === focusRow),
  );
  if (section === undefined) return [];
  const splices = sectionSplices(doc, section);
  if (splices === null || splices.length === 0) return [];
  if (request.before !== null && !existingRowsWereAligned(request.before, request.kind, section, request.edit)) return [];
  return splices;
}

function existingRowsWereAligned(
  before: { doc: GoDocument; list: ListShape },
  kind: AlignKind,
  section: Section,
  edit: readonly Splice[],
): boolean {
  const suspectRows = new Set<number>();
  for (const oldSection of alignmentSections(before.doc, before.list, kind)) {
    const fixes = sectionSplices(before.doc, oldSection);
    if (fixes === null || fixes.length > 0) for (const row of oldSection.rows) suspectRows.add(row.row);
  }
  const rowBefore = rowLocator(before.doc.text);
  for (const row of section.rows) {
    const first = row.tokens.find((token) => token.kind === 'text');
    if (first?.kind !== 'text') continue;
    const original = originalIndex(edit, first.start);
    if (original === null) continue;
    if (suspectRows.has(rowBefore(original))) return false;
  }
  return true;
}
