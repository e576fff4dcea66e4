import type { Tree } from '../../../tree/tree.js';
import type { GoEdit } from '../edit/batch.js';
import { AnchorNotFoundError } from '../edit/errors.js';
import type { GoParser } from '../edit/parser.js';
import { findDeclarations, packageName } from '../inspect/project-model.js';
import { fileImports, readGo, type ImportEntry } from '../inspect/syntax.js';
import { editGoFile, goFilesIn, HTTP_DIR } from './go-files.js';

const DOMAIN_DIR = 'internal/domain';
const ERRORS_FILE = `${DOMAIN_DIR}/errors.go`;
/** Domain errors the generated errors.go declares in one var group; the new one joins them. */
const KINDS = ['ErrInvalid', 'ErrNotFound', 'ErrConflict'];
const DOC = '// ErrNotImplemented means the operation exists but its work is not\n// written yet: the skeleton of a new use case fails with it until then.';
const DETAIL = '"The operation is not implemented yet."';

/**
 * The skeleton of a new use case fails with domain.ErrNotImplemented, which the HTTP adapter's
 * error table answers with 501. Services generated before that lack one or both: add them to the
 * domain's errors and to the table (errorStatuses, and the client detail in problemDetails).
 * With `httpRequired`, a table that cannot be found is refused with the lines to add by hand;
 * otherwise only the domain error is required.
 */
export function ensureNotImplemented(parser: GoParser, tree: Tree, module: string, httpPackage: string | null, httpRequired: boolean): void {
  ensureDomainError(parser, tree);
  if (httpPackage !== null) ensureErrorRow(parser, tree, module, httpPackage, httpRequired);
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

function ensureErrorRow(parser: GoParser, tree: Tree, module: string, pkg: string, required: boolean): void {
  const tables = findDeclarations(parser, tree, HTTP_DIR, pkg, ['errorStatuses', 'problemDetails']);
  const statusFile = tables.get('errorStatuses');
  const detailFile = tables.get('problemDetails');
  const manual = '{domain.ErrNotImplemented, http.StatusNotImplemented},   (in the table that maps domain errors to statuses)\nhttp.StatusNotImplemented: "The operation is not implemented yet.",   (in the details shown to clients)';
  if (statusFile === undefined || detailFile === undefined) {
    // A table restructured by hand that maps the error already is a fact of the code, whatever its name.
    if (!required || mapsNotImplemented(parser, tree, module, pkg)) return;
    throw new AnchorNotFoundError(`${HTTP_DIR}/problem.go`, {
      problem: 'missing',
      reason: `cannot find var ${statusFile === undefined ? 'errorStatuses' : 'problemDetails'} in ${HTTP_DIR}, so domain.ErrNotImplemented would be answered 500`,
      where: 'where the HTTP adapter maps domain errors to statuses and details',
      manualSnippet: manual,
    });
  }
  const domainPath = `${module}/internal/domain`;
  const statusText = tree.read(statusFile) ?? '';
  const domain = importName(parser, statusFile, statusText, domainPath);
  const http = importName(parser, statusFile, statusText, 'net/http');
  editGoFile(
    tree,
    parser,
    statusFile,
    [
      ...(domain === undefined ? [{ kind: 'import', path: domainPath } as const] : []),
      ...(http === undefined ? [{ kind: 'import', path: 'net/http' } as const] : []),
      {
        kind: 'var-element',
        variable: 'errorStatuses',
        element: `{${domain ?? 'domain'}.ErrNotImplemented, ${http ?? 'http'}.StatusNotImplemented}`,
        unlessPresent: `${domain ?? 'domain'}.ErrNotImplemented`,
      },
    ],
    manual,
  );
  const detailText = tree.read(detailFile) ?? '';
  const detailHttp = importName(parser, detailFile, detailText, 'net/http');
  editGoFile(
    tree,
    parser,
    detailFile,
    [
      ...(detailHttp === undefined ? [{ kind: 'import', path: 'net/http' } as const] : []),
      { kind: 'var-element', variable: 'problemDetails', element: `${detailHttp ?? 'http'}.StatusNotImplemented: ${DETAIL}` },
    ],
    manual,
  );
}

/** Whether a non-test file of the HTTP adapter refers to domain.ErrNotImplemented (under the file's name for domain). */
function mapsNotImplemented(parser: GoParser, tree: Tree, module: string, pkg: string): boolean {
  return goFilesIn(tree, HTTP_DIR).some((file) => {
    const text = tree.read(file) ?? '';
    if (file.endsWith('_test.go') || !text.includes('ErrNotImplemented')) return false;
    return readGo(parser, file, text, (doc) => {
      const domain = fileImports(doc).find((entry) => entry.path === `${module}/internal/domain`)?.name;
      if (packageName(doc) !== pkg || domain === undefined) return false;
      return doc.root.descendantsOfType('selector_expression').some((node) => node?.childForFieldName('operand')?.text === domain && node.childForFieldName('field')?.text === 'ErrNotImplemented');
    });
  });
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
