import { isDeepStrictEqual } from 'node:util';
import { Document, isAlias, isMap, isScalar, parseDocument, type Pair, type YAMLMap } from 'yaml';
import { FailureError } from '../errors.js';
import { columnOf, detectLayout, type YamlLayout } from './yaml-layout.js';

/** Text to put at offset `at` of the original; every other character stays as it was. */
export interface Insertion {
  at: number;
  text: string;
}

export type YamlPath = readonly string[];

/**
 * Adds `key: value` as the last entry of the block mapping at `path`, as text spliced into the
 * document: no byte outside the added lines changes (comments, quoting, flow collections and
 * spacing the user wrote stay as written). Mappings missing along `path` are added in the same
 * block. The entry is rendered by the `yaml` library in the document's own layout (indentation,
 * quotes, line endings) and placed after the last entry's content, after a blank line when the
 * mapping's entries are separated by blank lines.
 *
 * Where the place cannot be found honestly (a flow mapping `{…}`, an alias, an explicit null, a
 * scalar), or the spliced text would not read back as exactly the old document plus the entry,
 * it throws a FailureError (exit 1) that carries the lines to add by hand.
 *
 * `value` may hold `yaml` nodes, to choose their style (a flow sequence, say). `doc` and `layout`
 * are `text` parsed and its layout, for a caller that has them already (a parse of a large file
 * costs a few hundred ms). `follows` names the keys a new entry comes after where a convention
 * orders them (AsyncAPI's `servers` after `info`): it goes right after the last of those the
 * mapping has, or last when it has none.
 */
export function insertYamlEntry(
  file: string,
  text: string,
  path: YamlPath,
  key: string,
  value: unknown,
  doc: Document = parseDocument(text),
  layout: YamlLayout = detectLayout(text, doc),
  follows: readonly string[] = [],
): { text: string; insertion: Insertion } {
  if (doc.errors.length > 0) throw new FailureError(`${file} is not valid YAML (${firstLine(doc.errors[0]?.message)}); nothing was changed`, `fix ${file} and run the command again`);
  const place = locate(file, text, doc, path, layout.indent, follows);
  const rest = path.slice(place.depth);
  const entry = nest([...rest, key], value);
  const fragment = render(entry, layout, place.column);
  if (place.refusal !== undefined) {
    throw new FailureError(
      `${file}: ${place.refusal}, so the entry cannot be added without rewriting it. Nothing was changed. Add this by hand under ${describe(path.slice(0, place.depth))}:\n\n${fragment.replace(/\r\n/g, '\n')}`,
      `write ${describe(path.slice(0, place.depth))} as a block mapping (one entry per line) and run the command again`,
    );
  }
  const insertion = { at: place.at, text: (place.separate ? layout.eol : '') + fragment };
  if (place.at === text.length && text.length > 0 && !text.endsWith('\n')) insertion.text = layout.eol + insertion.text.replace(/\r?\n$/, '');
  const after = text.slice(0, insertion.at) + insertion.text + text.slice(insertion.at);
  verify(file, doc, after, path.slice(0, place.depth), entry, fragment);
  return { text: after, insertion };
}

interface Place {
  /** How many segments of the path exist. */
  depth: number;
  /** Where the entry goes and at which column. */
  at: number;
  column: number;
  /** A blank line goes before the entry. */
  separate: boolean;
  /** Why the entry cannot be spliced, when it cannot. */
  refusal?: string;
}

function locate(file: string, text: string, doc: Document, path: YamlPath, indent: number, follows: readonly string[]): Place {
  if (!isMap(doc.contents)) throw new FailureError(`${file} is not a YAML mapping; nothing was changed`, `fix ${file} and run the command again`);
  let map: YAMLMap = doc.contents;
  let depth = 0;
  if (map.flow) return { depth, at: 0, column: 0, separate: false, refusal: 'the top level is a flow mapping ({…})' };
  for (const segment of path) {
    const pair = findPair(map, segment);
    if (pair === undefined) break;
    const keyColumn = keyStartColumn(text, pair);
    const value = pair.value;
    depth++;
    if (isMap(value) && !value.flow) {
      map = value;
      continue;
    }
    if (isScalar(value) && value.value === null && (value.source ?? '') === '' && !value.anchor && !value.tag) {
      // `paths:` with nothing after it: the entry becomes its value, on the next line.
      return { depth, at: lineEnd(text, pair.key && isScalar(pair.key) && pair.key.range ? pair.key.range[1] : 0), column: keyColumn + indent, separate: false };
    }
    const why = isAlias(value) ? `${describe(path.slice(0, depth))} is an alias (*${value.source})` : isMap(value) ? `${describe(path.slice(0, depth))} is a flow mapping ({…})` : `${describe(path.slice(0, depth))} is not a mapping`;
    return { depth, at: 0, column: keyColumn + indent, separate: false, refusal: why };
  }
  const last = map.items.findLast((pair) => isScalar(pair.key) && follows.includes(String(pair.key.value))) ?? map.items[map.items.length - 1];
  const column = last === undefined ? 0 : keyStartColumn(text, last);
  return { depth, at: pastDeeperComments(text, lineEnd(text, contentEnd(last)), column), column, separate: separatedByBlankLines(text, map) };
}

/** Comment lines indented deeper than the new entry belong to the entry before it: the new one goes after them. */
function pastDeeperComments(text: string, at: number, column: number): number {
  while (at < text.length) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end === -1 ? text.length : end);
    const indent = line.length - line.trimStart().length;
    if (!line.trimStart().startsWith('#') || indent <= column || end === -1) return at;
    at = end + 1;
  }
  return at;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => isScalar(pair.key) && pair.key.value === key) as Pair | undefined;
}

function keyStartColumn(text: string, pair: Pair): number {
  const key = pair.key;
  return isScalar(key) && key.range ? columnOf(text, key.range[0]) : 0;
}

/** Where the content of the entry ends: its value's end, before trailing comment lines. */
function contentEnd(pair: Pair | undefined): number {
  if (pair === undefined) return 0;
  const value = pair.value as { range?: [number, number, number] | null } | null;
  const key = pair.key as { range?: [number, number, number] | null } | null;
  return Math.max(value?.range?.[1] ?? 0, key?.range?.[1] ?? 0);
}

/** The start of the line after offset `at` (or `at` when it starts a line; the text's end when there is none). */
function lineEnd(text: string, at: number): number {
  if (at === 0 || text.charAt(at - 1) === '\n') return at;
  const next = text.indexOf('\n', at);
  return next === -1 ? text.length : next + 1;
}

/** Whether most entries of the mapping are separated by a blank line. */
function separatedByBlankLines(text: string, map: YAMLMap): boolean {
  let blank = 0;
  let gaps = 0;
  for (let i = 1; i < map.items.length; i++) {
    const before = map.items[i - 1];
    const key = map.items[i]?.key as { range?: [number, number, number] | null } | null;
    if (before === undefined || !key?.range) continue;
    let from = contentEnd(before);
    while (from > 0 && /\s/.test(text.charAt(from - 1))) from--;
    const lines = text.slice(from, key.range[0]).split('\n');
    gaps++;
    if (lines.slice(1, -1).some((line) => line.trim() === '')) blank++;
  }
  return gaps > 0 && blank * 2 >= gaps;
}

function nest(keys: readonly string[], value: unknown): Record<string, unknown> {
  let entry: unknown = value;
  for (let i = keys.length - 1; i >= 0; i--) entry = { [keys[i] as string]: entry };
  return entry as Record<string, unknown>;
}

/** The entry as the `yaml` library writes it in this layout, every line moved to `column`. */
function render(entry: Record<string, unknown>, layout: YamlLayout, column: number): string {
  const fragment = new Document();
  fragment.contents = fragment.createNode(entry, { aliasDuplicateObjects: false });
  const text = fragment.toString({
    indent: layout.indent,
    indentSeq: layout.indentSeq,
    singleQuote: layout.singleQuote,
    flowCollectionPadding: layout.flowPadding,
    lineWidth: 0,
  });
  const pad = ' '.repeat(column);
  return text
    .split('\n')
    .slice(0, -1)
    .map((line) => (line === '' ? '' : pad + line) + layout.eol)
    .join('');
}

/** The spliced text must read as the old document with the entry added, and nothing else changed. */
function verify(file: string, before: Document, after: string, path: YamlPath, entry: Record<string, unknown>, fragment: string): void {
  const parsed = parseDocument(after);
  // Plain copies: a map shared through an anchor is two maps here, so a change to both shows.
  const expected = plain(before.toJS()) as Record<string, unknown>;
  let target = expected;
  for (const segment of path) {
    const next = target[segment];
    if (next === null || next === undefined) target[segment] = {};
    target = target[segment] as Record<string, unknown>;
  }
  Object.assign(target, new Document(entry).toJS());
  if (parsed.errors.length > 0 || !isDeepStrictEqual(plain(parsed.toJS()), expected)) {
    const where = describe(path);
    throw new FailureError(
      `${file}: the entry could not be added to ${where} without changing what the rest of the file means (anchors or an unusual layout). Nothing was changed. Add this by hand under ${where}:\n\n${fragment.replace(/\r\n/g, '\n')}`,
      'add it by hand, or simplify that part of the file and run the command again',
    );
  }
}

function plain(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value) ?? 'null') as unknown;
}

function describe(path: YamlPath): string {
  return path.length === 0 ? 'the top level' : path.join(' → ');
}

function firstLine(message: string | undefined): string {
  return (message ?? 'unknown error').split('\n')[0] ?? '';
}
