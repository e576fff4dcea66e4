/**
 * The part of Go's text/tabwriter that gofmt relies on (padding 1, min width 0, DiscardEmptyColumns),
 * applied to one section of rows that share their indentation.
 */

/** A row's cells that end in a tab; the text after the last tab is not a cell. */
export interface CellRow {
  readonly cells: ReadonlyArray<{ readonly width: number; readonly hard: boolean }>;
}

/** For every row, the width of each of its columns (text width plus padding). */
export function columnWidths(rows: readonly CellRow[]): number[][] {
  const result: number[][] = rows.map(() => []);
  const stack: number[] = [];
  const cellCount = (row: number): number => rows[row]?.cells.length ?? 0;
  const assign = (from: number, to: number): void => {
    for (let row = from; row < to; row++) result[row] = [...stack];
  };
  const format = (first: number, end: number): void => {
    const column = stack.length;
    let line0 = first;
    let current = first;
    while (current < end) {
      if (column >= cellCount(current)) {
        current++;
        continue;
      }
      assign(line0, current);
      line0 = current;
      let width = 0;
      let discardable = true;
      for (; current < end && column < cellCount(current); current++) {
        const cell = rows[current]?.cells[column];
        if (cell === undefined) break;
        width = Math.max(width, cell.width + 1);
        if (cell.width > 0 || cell.hard) discardable = false;
      }
      stack.push(discardable ? 0 : width);
      format(line0, current);
      stack.pop();
      line0 = current;
      // Go's loop increments past the row that ended the block; that row has no cell in this column.
      current++;
    }
    assign(line0, end);
  };
  format(0, rows.length);
  return result;
}
