import { compareStrings } from '../../../tree/compare.js';

/** Replace [start, end) of the file's text with `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** The text with every splice applied; splices never overlap (one edit per anchor in a batch). */
export function applySplices(text: string, splices: readonly Splice[]): string {
  // From the end backwards, so earlier positions stay valid; at one position the batch order is kept.
  const ordered = splices.map((splice, index) => ({ splice, index })).sort((a, b) => b.splice.start - a.splice.start || b.index - a.index);
  let result = text;
  for (const { splice } of ordered) result = result.slice(0, splice.start) + splice.text + result.slice(splice.end);
  return result;
}

/** Whether `text` contains `marker`, every run of white space in both taken as one space: a marker spanning rows matches at any indentation. */
export function containsMarker(text: string, marker: string): boolean {
  const collapsed = (value: string) => value.replace(/\s+/g, ' ');
  return collapsed(text).includes(collapsed(marker));
}

/** Packages first, then relative modules, each sorted: the order of the generated imports. */
export function compareModules(a: string, b: string): number {
  const relative = (module: string) => (module.startsWith('.') ? 1 : 0);
  return relative(a) - relative(b) || compareStrings(a, b);
}
