/**
 * A pairwise covering array: rows in which every pair of values of two different parameters that
 * some valid row can hold appears at least once. Seedless greedy (the density idea of AETG, over
 * the enumerated valid rows): each step takes the valid row that covers the most pairs still
 * uncovered, the first one in enumeration order on a tie, so the output is the same on every run.
 */
export interface Parameter {
  name: string;
  values: readonly string[];
}

/** One value index per parameter, in parameter order. */
export type Row = readonly number[];

/** Every row of the full product that isValid accepts, in lexicographic order. */
export function validRows(parameters: readonly Parameter[], isValid: (row: Row) => boolean): Row[] {
  const rows: Row[] = [];
  const row = parameters.map(() => 0);
  for (;;) {
    if (isValid(row)) rows.push([...row]);
    let position = parameters.length - 1;
    while (position >= 0 && row[position] === parameters[position]!.values.length - 1) row[position--] = 0;
    if (position < 0) return rows;
    row[position] = row[position]! + 1;
  }
}

/** A number for the pair (parameter i = value a, parameter j = value b), i < j. */
function pairKeys(parameters: readonly Parameter[]): (i: number, a: number, j: number, b: number) => number {
  const offsets = parameters.map((_, index) => parameters.slice(0, index).reduce((sum, parameter) => sum + parameter.values.length, 0));
  const total = offsets.at(-1)! + parameters.at(-1)!.values.length;
  return (i, a, j, b) => (offsets[i]! + a) * total + offsets[j]! + b;
}

export function pairsOf(row: Row, key: ReturnType<typeof pairKeys>): number[] {
  const pairs: number[] = [];
  for (let i = 0; i < row.length; i++) for (let j = i + 1; j < row.length; j++) pairs.push(key(i, row[i]!, j, row[j]!));
  return pairs;
}

export interface CoveringArray {
  rows: Row[];
  /** Every pair some valid row holds: what the rows cover. */
  pairs: Set<number>;
  pairKey: ReturnType<typeof pairKeys>;
}

export function coveringArray(parameters: readonly Parameter[], isValid: (row: Row) => boolean): CoveringArray {
  if (parameters.length < 2) throw new Error('a pairwise covering array needs at least two parameters');
  const pairKey = pairKeys(parameters);
  const candidates = validRows(parameters, isValid).map((row) => ({ row, pairs: pairsOf(row, pairKey) }));
  const pairs = new Set(candidates.flatMap((candidate) => candidate.pairs));
  const uncovered = new Set(pairs);
  const rows: Row[] = [];
  while (uncovered.size > 0) {
    let best = candidates[0]!;
    let bestGain = -1;
    for (const candidate of candidates) {
      const gain = candidate.pairs.reduce((count, pair) => count + (uncovered.has(pair) ? 1 : 0), 0);
      if (gain > bestGain) [best, bestGain] = [candidate, gain];
    }
    rows.push(best.row);
    for (const pair of best.pairs) uncovered.delete(pair);
  }
  return { rows, pairs, pairKey };
}
