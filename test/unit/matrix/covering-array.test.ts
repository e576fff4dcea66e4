import { describe, expect, it } from 'vitest';
import { coveringArray, pairsOf, validRows, type Parameter } from '../../matrix/covering-array.js';

const BINARY: Parameter[] = ['a', 'b', 'c'].map((name) => ({ name, values: ['0', '1'] }));

function coveredPairs(rows: readonly (readonly number[])[], key: ReturnType<typeof coveringArray>['pairKey']): Set<number> {
  return new Set(rows.flatMap((row) => pairsOf(row, key)));
}

describe('coveringArray', () => {
  it('covers every pair of three binary parameters in four rows, not the eight of the product', () => {
    const { rows, pairs, pairKey } = coveringArray(BINARY, () => true);
    expect(pairs.size).toBe(3 * 4);
    expect(coveredPairs(rows, pairKey)).toEqual(pairs);
    expect(rows).toHaveLength(4);
  });

  it('leaves out a pair no valid row holds, and still covers all the others', () => {
    const isValid = (row: readonly number[]) => !(row[0] === 1 && row[1] === 1);
    const { rows, pairs, pairKey } = coveringArray(BINARY, isValid);
    expect(rows.every(isValid)).toBe(true);
    expect(pairs.has(pairKey(0, 1, 1, 1))).toBe(false);
    expect(pairs.size).toBe(3 * 4 - 1);
    expect(coveredPairs(rows, pairKey)).toEqual(pairs);
  });

  it('enumerates the valid rows of the product in lexicographic order', () => {
    expect(validRows(BINARY, (row) => row[2] === 0)).toEqual([
      [0, 0, 0],
      [0, 1, 0],
      [1, 0, 0],
      [1, 1, 0],
    ]);
  });

  it('returns the same rows on every run', () => {
    const parameters: Parameter[] = [3, 2, 4, 2, 3].map((count, index) => ({ name: `p${index}`, values: Array.from({ length: count }, (_, value) => String(value)) }));
    const isValid = (row: readonly number[]) => row[0] !== row[2];
    expect(coveringArray(parameters, isValid).rows).toEqual(coveringArray(parameters, isValid).rows);
  });
});
