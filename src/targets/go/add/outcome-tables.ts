import type { Node } from 'web-tree-sitter';
import type { Tree } from '../../../tree/tree.js';
import type { GoParser } from '../edit/parser.js';
import { fileImports, readGo, type GoDocument } from '../inspect/syntax.js';
import { goFilesIn } from './go-files.js';

/**
 * The tables that answer domain errors, found by what they hold rather than by name, so that a
 * user who renamed a table or an import still gets the edit:
 * - in internal/domain, the table of kinds (`{ErrNotFound, OutcomeNotFound}` rows);
 * - in an inbound adapter, the table keyed by outcome (`domain.OutcomeNotFound: …`) and the
 *   details clients read, keyed by status (`http.StatusNotFound: "…"` or `codes.NotFound: "…"`).
 */
export interface TableRef {
  file: string;
  variable: string;
  /** The keys (tokens without spaces) or, for the kinds table, every identifier it names. */
  names: Set<string>;
}

/** A package-level `var x = T{…}`: its name and literal body, in every non-test file of `dir`. */
interface LiteralVar {
  file: string;
  variable: string;
  body: Node;
  doc: GoDocument;
}

function literalVars(parser: GoParser, tree: Tree, dir: string, mentioning: string, use: (found: LiteralVar) => void): void {
  for (const file of goFilesIn(tree, dir)) {
    const text = tree.read(file) ?? '';
    if (file.endsWith('_test.go') || !text.includes(mentioning)) continue;
    readGo(parser, file, text, (doc) => {
      for (const declaration of doc.root.namedChildren) {
        if (declaration?.type !== 'var_declaration') continue;
        const specs = declaration.namedChildren.flatMap((child) => (child?.type === 'var_spec_list' ? child.namedChildren : [child]));
        for (const spec of specs) {
          if (spec?.type !== 'var_spec') continue;
          const values = spec.childForFieldName('value')?.namedChildren.filter((child) => child?.type !== 'comment') ?? [];
          spec.childrenForFieldName('name').forEach((name, index) => {
            const value = values[index];
            const body = value?.type === 'composite_literal' ? value.childForFieldName('body') : null;
            if (name !== null && body !== null && body !== undefined) use({ file, variable: name.text, body, doc });
          });
        }
      }
    });
  }
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

function keysOf(body: Node): string[] {
  return body.namedChildren.flatMap((element) => {
    const key = element?.type === 'keyed_element' ? element.childForFieldName('key') : null;
    return key === null || key === undefined ? [] : [squeeze(key.text)];
  });
}

/** The import name of `path` in the file of `found`, or undefined. */
export function importIn(found: { doc: GoDocument }, path: string): string | undefined {
  return fileImports(found.doc).find((entry) => entry.path === path)?.name;
}

/**
 * The table of an adapter in `dir` keyed by `<domain>.Outcome…`, with the names the file imports
 * the domain and `valuePackage` (net/http, grpc/codes) under.
 */
export function outcomeKeyedTable(parser: GoParser, tree: Tree, dir: string, module: string, valuePackage: string): (TableRef & { domain: string; values: string | undefined }) | undefined {
  let table: (TableRef & { domain: string; values: string | undefined }) | undefined;
  literalVars(parser, tree, dir, 'Outcome', (found) => {
    const domain = importIn(found, `${module}/internal/domain`);
    if (table !== undefined || domain === undefined) return;
    const keys = keysOf(found.body);
    if (!keys.some((key) => key.startsWith(`${domain}.Outcome`))) return;
    table = { file: found.file, variable: found.variable, names: new Set(keys), domain, values: importIn(found, valuePackage) };
  });
  return table;
}

/** The map of details in `dir` keyed by `<pkg>.<keyPrefix>…` (net/http Status…, or grpc/codes) with string values. */
export function detailsTable(parser: GoParser, tree: Tree, dir: string, keyPackage: string, keyPrefix: string): (TableRef & { keys: string | undefined }) | undefined {
  let table: (TableRef & { keys: string | undefined }) | undefined;
  literalVars(parser, tree, dir, keyPrefix, (found) => {
    const alias = importIn(found, keyPackage);
    if (table !== undefined || alias === undefined) return;
    const strings = found.body.namedChildren.filter((element) => element?.type === 'keyed_element' && element.childForFieldName('value')?.text.startsWith('"'));
    const keys = keysOf(found.body);
    if (strings.length === 0 || !keys.some((key) => key.startsWith(`${alias}.${keyPrefix}`))) return;
    table = { file: found.file, variable: found.variable, names: new Set(keys), keys: alias };
  });
  return table;
}

/** The domain's table of kinds: the var whose rows name one of the package's `Outcome…` constants. */
export function kindsTable(parser: GoParser, tree: Tree, dir: string, outcomes: ReadonlySet<string>): TableRef | undefined {
  let table: TableRef | undefined;
  literalVars(parser, tree, dir, 'Outcome', (found) => {
    if (table !== undefined) return;
    const names = new Set(found.body.descendantsOfType('identifier').flatMap((node) => (node === null ? [] : [node.text])));
    if ([...names].some((name) => outcomes.has(name))) table = { file: found.file, variable: found.variable, names };
  });
  return table;
}

/** The constants named `Outcome…` the domain declares (the outcomes every adapter answers). */
export function outcomeConstants(parser: GoParser, tree: Tree, dir: string): Set<string> {
  const names = new Set<string>();
  for (const file of goFilesIn(tree, dir)) {
    const text = tree.read(file) ?? '';
    if (file.endsWith('_test.go') || !text.includes('Outcome')) continue;
    readGo(parser, file, text, (doc) => {
      for (const declaration of doc.root.namedChildren) {
        if (declaration?.type !== 'const_declaration') continue;
        for (const spec of declaration.descendantsOfType('const_spec')) {
          for (const name of spec?.childrenForFieldName('name') ?? []) if (name !== null && name.text.startsWith('Outcome')) names.add(name.text);
        }
      }
    });
  }
  return names;
}
