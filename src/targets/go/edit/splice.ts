/** Replace text[start, end) with `text`. Indices are UTF-16 code units of the JS string. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

export function insertion(at: number, text: string): Splice {
  return { start: at, end: at, text };
}

/** Applies splices back to front so earlier indices stay valid; overlapping splices are a bug. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = [...splices].sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  let limit = Number.POSITIVE_INFINITY;
  for (const splice of ordered) {
    if (splice.start > splice.end || splice.end > limit || splice.start < 0) {
      throw new Error(`overlapping or invalid splice [${splice.start}, ${splice.end})`);
    }
    result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
    limit = splice.start;
  }
  return result;
}

/** Maps an index of the edited text back to the original, or null when it lies in inserted text. */
export function originalIndex(splices: readonly Splice[], editedIndex: number): number | null {
  const ordered = [...splices].sort((a, b) => a.start - b.start);
  let shift = 0;
  for (const splice of ordered) {
    const editedStart = splice.start + shift;
    if (editedIndex < editedStart) break;
    if (editedIndex < editedStart + splice.text.length) return null;
    shift += splice.text.length - (splice.end - splice.start);
  }
  return editedIndex - shift;
}
