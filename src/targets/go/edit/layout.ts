/** Line-level text helpers. They scan for newlines and blanks only; code is located through the tree. */

export function rowStartIndex(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

/** Index of the newline ending the line that contains `index` (or text.length). */
export function rowEndIndex(text: string, index: number): number {
  const newline = text.indexOf('\n', index);
  return newline === -1 ? text.length : newline;
}

/** 0-based row of `index`, as tree-sitter numbers rows. */
export function rowOf(text: string, index: number): number {
  let row = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) row++;
  return row;
}

/** `rowOf` for many indices of one text: the newlines are found once, each row by binary search. */
export function rowLocator(text: string): (index: number) => number {
  const newlines: number[] = [];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) newlines.push(at);
  return (index) => {
    // The number of newlines before `index`.
    let low = 0;
    let high = newlines.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (newlines[middle]! < index) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

export function lineText(text: string, index: number): string {
  return text.slice(rowStartIndex(text, index), rowEndIndex(text, index));
}

/** 1-based column counted in Unicode code points, as editors show it. */
export function columnOf(text: string, index: number): number {
  return [...text.slice(rowStartIndex(text, index), index)].length + 1;
}

/** The run of blanks and tabs that starts the line containing `index`. */
export function indentationAt(text: string, index: number): string {
  const start = rowStartIndex(text, index);
  let end = start;
  while (end < text.length && (text[end] === '\t' || text[end] === ' ')) end++;
  return text.slice(start, end);
}

/** True when only blanks and tabs precede `index` on its line. */
export function startsRow(text: string, index: number): boolean {
  return isBlank(text.slice(rowStartIndex(text, index), index));
}

export function isBlank(text: string): boolean {
  for (const char of text) {
    if (char !== ' ' && char !== '\t') return false;
  }
  return true;
}

export function isBlankRowAt(text: string, rowStart: number): boolean {
  return isBlank(text.slice(rowStart, rowEndIndex(text, rowStart)));
}

/** Width of text as text/tabwriter measures it: one per code point. */
export function runeWidth(text: string): number {
  let width = 0;
  for (const _ of text) width++;
  return width;
}

/** Length in UTF-8 bytes, the unit go/printer uses for its alignment heuristics. */
export function utf8Length(text: string): number {
  let length = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    length += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return length;
}

/** Prefixes every line but the first with `indent`, except lines that begin inside `verbatim` ranges. */
export function indentContinuationLines(
  snippet: string,
  indent: string,
  verbatim: ReadonlyArray<{ start: number; end: number }> = [],
): string {
  let result = '';
  let lineStart = 0;
  while (lineStart <= snippet.length) {
    const newline = snippet.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? snippet.length : newline;
    const line = snippet.slice(lineStart, lineEnd);
    const insideVerbatim = verbatim.some((range) => range.start < lineStart && lineStart < range.end);
    const prefix = lineStart === 0 || insideVerbatim || line.length === 0 ? '' : indent;
    result += prefix + line + (newline === -1 ? '' : '\n');
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return result;
}
