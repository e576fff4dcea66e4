import { describe, expect, it } from 'vitest';
import { columnWidths } from '../../../src/targets/go/edit/align/tabwriter.js';
import { applySplices, originalIndex } from '../../../src/targets/go/edit/splice.js';
import { rowLocator, rowOf } from '../../../src/targets/go/edit/layout.js';

describe('applySplices', () => {
  it('applies splices back to front whatever order they come in', () => {
    expect(applySplices('abcdef', [{ start: 1, end: 2, text: 'X' }, { start: 4, end: 4, text: 'YY' }, { start: 0, end: 0, text: '<' }])).toBe('<aXcdYYef');
  });

  it('splices JS strings by UTF-16 index, so surrogate pairs before the point survive', () => {
    expect(applySplices('😀é|', [{ start: 3, end: 3, text: '日' }])).toBe('😀é日|');
  });

  it('rejects overlapping splices', () => {
    expect(() => applySplices('abcdef', [{ start: 1, end: 4, text: '' }, { start: 3, end: 5, text: '' }])).toThrow(/overlapping/);
  });

  it('maps edited indices back to the original, or null inside inserted text', () => {
    const splices = [{ start: 2, end: 3, text: 'XYZ' }];
    expect(originalIndex(splices, 1)).toBe(1);
    expect(originalIndex(splices, 3)).toBeNull();
    expect(originalIndex(splices, 5)).toBe(3);
  });
});

describe('columnWidths (text/tabwriter, padding 1, DiscardEmptyColumns)', () => {
  const cell = (width: number, hard = false) => ({ width, hard });

  it('aligns a column over consecutive rows and breaks it at a row without that cell', () => {
    const widths = columnWidths([{ cells: [cell(1)] }, { cells: [cell(8)] }, { cells: [] }, { cells: [cell(2)] }]);
    expect(widths).toEqual([[9], [9], [], [3]]);
  });

  it('computes nested columns per block and discards columns of empty soft cells', () => {
    const widths = columnWidths([{ cells: [cell(1), cell(3), cell(0)] }, { cells: [cell(4), cell(6)] }, { cells: [cell(2)] }]);
    expect(widths).toEqual([
      [5, 7, 0],
      [5, 7],
      [5],
    ]);
  });

  it('keeps a column of empty hard cells', () => {
    expect(columnWidths([{ cells: [cell(0, true)] }, { cells: [cell(0, true)] }])).toEqual([[1], [1]]);
  });
});

describe('rowLocator', () => {
  it('gives the row rowOf gives, for every index of a text (blank rows, CRLF, a last row without newline)', () => {
    const text = 'package a\n\n\tx int\r\n\ty  string\n\n}';
    const rowAt = rowLocator(text);
    for (let index = 0; index <= text.length; index++) expect(rowAt(index)).toBe(rowOf(text, index));
    expect(rowAt(text.indexOf('y'))).toBe(3);
    expect(rowLocator('')(0)).toBe(0);
  });
});
