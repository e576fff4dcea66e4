import type { Node } from 'web-tree-sitter';
import type { Tree } from '../../../tree/tree.js';
import type { GoEdit } from '../edit/batch.js';
import { AnchorNotFoundError } from '../edit/errors.js';
import type { GoParser } from '../edit/parser.js';
import { findDeclarations, packageName } from '../inspect/project-model.js';
import { fileImports, readGo, topLevelNames, type ImportEntry } from '../inspect/syntax.js';
import { editGoFile, goFilesIn, HTTP_DIR, ROUTER_FILE } from './go-files.js';
import { detailsTable, kindsTable, outcomeConstants, outcomeKeyedTable } from './outcome-tables.js';

const DOMAIN_DIR = 'internal/domain';
const ERRORS_FILE = `${DOMAIN_DIR}/errors.go`;
/** Domain errors the generated errors.go declares in one var group; the new one joins them. */
const KINDS = ['ErrInvalid', 'ErrNotFound', 'ErrConflict'];
const DOC = '// ErrNotImplemented means the operation exists but its work is not\n// written yet: the skeleton of a new use case fails with it until then.';
const DETAIL = '"The operation is not implemented yet."';
const GRPC_DIR = 'internal/adapter/grpc';
const GRPC_CODES = 'google.golang.org/grpc/codes';
const GRPC_MESSAGE = '"the operation is not implemented yet"';

/**
 * The skeleton of a new use case fails with domain.ErrNotImplemented, answered 501 over HTTP and
 * Unimplemented over gRPC. Services generated before that lack some of: the domain error, its row
 * in the domain's table of kinds (internal/domain/outcome.go, which every adapter answers from),
 * and the adapters' answers to its outcome. Services generated before the table of kinds map errors
 * in the HTTP adapter itself (errorStatuses and problemDetails): there the row goes into that table.
 * With `httpRequired`, an HTTP answer that cannot be found is refused with the lines to add by
 * hand; otherwise only the domain error is required.
 */
export function ensureNotImplemented(parser: GoParser, tree: Tree, module: string, httpRequired: boolean): void {
  ensureDomainError(parser, tree);
  const outcomes = outcomeConstants(parser, tree, DOMAIN_DIR);
  const hasOutcome = ensureKindRow(parser, tree, outcomes, httpRequired);
  if (httpRequired || tree.exists(ROUTER_FILE)) ensureHttpAnswer(parser, tree, module, httpRequired, hasOutcome);
  if (hasOutcome) ensureGrpcAnswer(parser, tree, module);
}

/**
 * The row `{ErrNotImplemented, OutcomeNotImplemented}` in the domain's table of kinds, when the
 * service has one. Returns whether OutcomeNotImplemented is there for the adapters to answer.
 */
function ensureKindRow(parser: GoParser, tree: Tree, outcomes: ReadonlySet<string>, required: boolean): boolean {
  if (outcomes.size === 0) return false;
  const table = kindsTable(parser, tree, DOMAIN_DIR, outcomes);
  if (table === undefined || table.names.has('ErrNotImplemented')) return outcomes.has('OutcomeNotImplemented');
  const manual = 'OutcomeNotImplemented   (a constant of type Outcome, before OutcomeCount)\n{ErrNotImplemented, OutcomeNotImplemented},   (in the table of kinds of error)';
  if (!outcomes.has('OutcomeNotImplemented')) {
    if (!required) return false;
    throw new AnchorNotFoundError(table.file, { problem: 'missing', reason: 'package domain declares no OutcomeNotImplemented, so domain.ErrNotImplemented would be answered as a bug', where: `in package domain (${table.file})`, manualSnippet: manual });
  }
  editGoFile(tree, parser, table.file, [{ kind: 'var-element', variable: table.variable, element: '{ErrNotImplemented, OutcomeNotImplemented}', unlessPresent: 'ErrNotImplemented' }], manual);
  return true;
}

/** The gRPC adapter answers OutcomeNotImplemented with codes.Unimplemented and its fixed message. */
function ensureGrpcAnswer(parser: GoParser, tree: Tree, module: string): void {
  const table = outcomeKeyedTable(parser, tree, GRPC_DIR, module, GRPC_CODES);
  if (table === undefined) return;
  const codes = table.values ?? 'codes';
  const manual = `${table.domain}.OutcomeNotImplemented: ${codes}.Unimplemented,   (in the table that answers outcomes with codes)\n${codes}.Unimplemented: ${GRPC_MESSAGE},   (in the messages clients read)`;
  if (!table.names.has(`${table.domain}.OutcomeNotImplemented`)) {
    const imports = table.values === undefined ? [{ kind: 'import', path: GRPC_CODES } as const] : [];
    editGoFile(tree, parser, table.file, [...imports, { kind: 'var-element', variable: table.variable, element: `${table.domain}.OutcomeNotImplemented: ${codes}.Unimplemented` }], manual);
  }
  const messages = detailsTable(parser, tree, GRPC_DIR, GRPC_CODES, '');
  if (messages !== undefined && !messages.names.has(`${messages.keys ?? codes}.Unimplemented`)) {
    editGoFile(tree, parser, messages.file, [{ kind: 'var-element', variable: messages.variable, element: `${messages.keys ?? codes}.Unimplemented: ${GRPC_MESSAGE}` }], manual);
  }
}

function ensureDomainError(parser: GoParser, tree: Tree): void {
  const declared = findDeclarations(parser, tree, DOMAIN_DIR, 'domain', ['ErrNotImplemented', ...KINDS]);
  if (declared.has('ErrNotImplemented')) return;
  const anchor = KINDS.find((kind) => declared.has(kind));
  const file = anchor === undefined ? ERRORS_FILE : (declared.get(anchor) ?? ERRORS_FILE);
  const text = tree.read(file);
  const manual = `${DOC}\nvar ErrNotImplemented = errors.New("not implemented")`;
  if (text === undefined || goFilesIn(tree, DOMAIN_DIR).length === 0) {
    throw new AnchorNotFoundError(file, { problem: 'missing', reason: 'internal/domain has no errors.go', where: 'in package domain (internal/domain)', manualSnippet: manual });
  }
  const errorsName = importName(parser, file, text, 'errors');
  const spec = `ErrNotImplemented = ${errorsName ?? 'errors'}.New("not implemented")`;
  const edits: GoEdit[] = [];
  if (errorsName === undefined) edits.push({ kind: 'import', path: 'errors' });
  if (anchor !== undefined && inGroup(parser, file, text, anchor)) edits.push({ kind: 'var-spec', besides: anchor, spec: `${DOC}\n${spec}` });
  else edits.push({ kind: 'top-level-decl', declaration: `${DOC}\nvar ${spec}`, ...(anchor === undefined ? {} : { after: anchor }) });
  editGoFile(tree, parser, file, edits, manual);
}

/** What one file of the HTTP adapter holds of the error table, read in one parse. */
interface TableFacts {
  file: string;
  /** The names the file imports the domain and net/http under. */
  domain: string | undefined;
  http: string | undefined;
  declaresStatuses: boolean;
  declaresDetails: boolean;
  /** errorStatuses holds a row for domain.ErrNotImplemented; problemDetails a detail for 501. */
  hasRow: boolean;
  hasDetail: boolean;
  /** The file refers to domain.ErrNotImplemented anywhere (a table restructured by hand). */
  mapsIt: boolean;
}

function ensureHttpAnswer(parser: GoParser, tree: Tree, module: string, required: boolean, hasOutcome: boolean): void {
  const tables = readTables(parser, tree, module);
  if (!tables.some((facts) => facts.declaresStatuses)) {
    const byOutcome = outcomeKeyedTable(parser, tree, HTTP_DIR, module, 'net/http');
    if (byOutcome !== undefined) {
      if (hasOutcome) ensureOutcomeStatus(parser, tree, byOutcome, required);
      return;
    }
  }
  ensureErrorRow(parser, tree, module, required, tables);
}

/** The HTTP adapter of a service with the table of kinds: 501 for OutcomeNotImplemented, and its detail. */
function ensureOutcomeStatus(parser: GoParser, tree: Tree, table: NonNullable<ReturnType<typeof outcomeKeyedTable>>, required: boolean): void {
  const http = table.values ?? 'http';
  const manual = `${table.domain}.OutcomeNotImplemented: ${http}.StatusNotImplemented,   (in the table that answers outcomes with statuses)\n${http}.StatusNotImplemented: ${DETAIL},   (in the details shown to clients)`;
  if (!table.names.has(`${table.domain}.OutcomeNotImplemented`)) {
    const imports = table.values === undefined ? [{ kind: 'import', path: 'net/http' } as const] : [];
    editGoFile(tree, parser, table.file, [...imports, { kind: 'var-element', variable: table.variable, element: `${table.domain}.OutcomeNotImplemented: ${http}.StatusNotImplemented` }], manual);
  }
  const details = detailsTable(parser, tree, HTTP_DIR, 'net/http', 'Status');
  if (details === undefined) {
    if (!required) return;
    throw new AnchorNotFoundError(`${HTTP_DIR}/problem.go`, { problem: 'missing', reason: `cannot find the details shown to clients (a map keyed by ${http}.Status…) in ${HTTP_DIR}`, where: 'where the HTTP adapter keeps the detail of each status', manualSnippet: manual });
  }
  const key = `${details.keys ?? http}.StatusNotImplemented`;
  if (!details.names.has(key)) editGoFile(tree, parser, details.file, [{ kind: 'var-element', variable: details.variable, element: `${key}: ${DETAIL}` }], manual);
}

function ensureErrorRow(parser: GoParser, tree: Tree, module: string, required: boolean, tables: TableFacts[]): void {
  const statuses = tables.find((facts) => facts.declaresStatuses);
  const details = tables.find((facts) => facts.declaresDetails);
  const manual = '{domain.ErrNotImplemented, http.StatusNotImplemented},   (in the table that maps domain errors to statuses)\nhttp.StatusNotImplemented: "The operation is not implemented yet.",   (in the details shown to clients)';
  if (statuses === undefined || details === undefined) {
    // A table restructured by hand that maps the error already is a fact of the code, whatever its name.
    if (!required || tables.some((facts) => facts.mapsIt)) return;
    throw new AnchorNotFoundError(`${HTTP_DIR}/problem.go`, {
      problem: 'missing',
      reason: `cannot find var ${statuses === undefined ? 'errorStatuses' : 'problemDetails'} in ${HTTP_DIR}, so domain.ErrNotImplemented would be answered 500`,
      where: 'where the HTTP adapter maps domain errors to statuses and details',
      manualSnippet: manual,
    });
  }
  if (!statuses.hasRow) {
    const domain = statuses.domain ?? 'domain';
    const http = statuses.http ?? 'http';
    editGoFile(
      tree,
      parser,
      statuses.file,
      [
        ...(statuses.domain === undefined ? [{ kind: 'import', path: `${module}/internal/domain` } as const] : []),
        ...(statuses.http === undefined ? [{ kind: 'import', path: 'net/http' } as const] : []),
        { kind: 'var-element', variable: 'errorStatuses', element: `{${domain}.ErrNotImplemented, ${http}.StatusNotImplemented}`, unlessPresent: `${domain}.ErrNotImplemented` },
      ],
      manual,
    );
  }
  if (!details.hasDetail) {
    const http = details.http ?? 'http';
    editGoFile(
      tree,
      parser,
      details.file,
      [...(details.http === undefined ? [{ kind: 'import', path: 'net/http' } as const] : []), { kind: 'var-element', variable: 'problemDetails', element: `${http}.StatusNotImplemented: ${DETAIL}` }],
      manual,
    );
  }
}

/** The non-test files of the HTTP adapter that mention the error table or the error, each parsed once. */
function readTables(parser: GoParser, tree: Tree, module: string): TableFacts[] {
  const facts: TableFacts[] = [];
  for (const file of goFilesIn(tree, HTTP_DIR)) {
    const text = tree.read(file) ?? '';
    if (file.endsWith('_test.go') || !['errorStatuses', 'problemDetails', 'ErrNotImplemented'].some((name) => text.includes(name))) continue;
    facts.push(
      readGo(parser, file, text, (doc) => {
        const imports = fileImports(doc);
        const domain = imports.find((entry) => entry.path === `${module}/internal/domain`)?.name;
        const http = imports.find((entry) => entry.path === 'net/http')?.name;
        const declared = topLevelNames(doc);
        const isError = (node: Node | null) => node?.type === 'selector_expression' && node.childForFieldName('operand')?.text === domain && node.childForFieldName('field')?.text === 'ErrNotImplemented';
        const statuses = literalOf(doc.root, 'errorStatuses');
        const details = literalOf(doc.root, 'problemDetails');
        const detailKey = `${http ?? 'http'}.StatusNotImplemented`;
        return {
          file,
          domain,
          http,
          declaresStatuses: declared.includes('errorStatuses'),
          declaresDetails: declared.includes('problemDetails'),
          hasRow: statuses?.descendantsOfType('selector_expression').some(isError) ?? false,
          hasDetail: details?.namedChildren.some((element) => element?.type === 'keyed_element' && element.childForFieldName('key')?.text.replace(/\s+/g, '') === detailKey) ?? false,
          mapsIt: !packageName(doc).endsWith('_test') && doc.root.descendantsOfType('selector_expression').some(isError),
        };
      }),
    );
  }
  return facts;
}

/** The body (`{…}`) of the composite literal a package-level var is initialised with. */
function literalOf(root: Node, variable: string): Node | null {
  for (const declaration of root.namedChildren) {
    if (declaration?.type !== 'var_declaration') continue;
    for (const spec of declaration.descendantsOfType('var_spec')) {
      const index = spec?.childrenForFieldName('name').findIndex((name) => name?.text === variable) ?? -1;
      if (spec === null || index === -1) continue;
      const value = spec.childForFieldName('value')?.namedChildren.filter((child) => child?.type !== 'comment')[index];
      return value?.type === 'composite_literal' ? value.childForFieldName('body') : null;
    }
  }
  return null;
}

/** The name `file` imports `path` under, or undefined. */
function importName(parser: GoParser, file: string, text: string, path: string): string | undefined {
  return readGo(parser, file, text, (doc) => fileImports(doc).find((entry: ImportEntry) => entry.path === path)?.name);
}

/** Whether `name` is declared inside a `var ( … )` group of the file. */
function inGroup(parser: GoParser, file: string, text: string, name: string): boolean {
  return readGo(parser, file, text, (doc) =>
    doc.root.namedChildren.some(
      (node) =>
        node?.type === 'var_declaration' &&
        node.namedChildren.some((child) => child?.type === 'var_spec_list' && child.namedChildren.some((spec) => spec?.type === 'var_spec' && spec.childrenForFieldName('name').some((n) => n?.text === name))),
    ),
  );
}
