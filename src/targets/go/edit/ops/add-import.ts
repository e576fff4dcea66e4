import type { Node } from 'web-tree-sitter';
import type { GoDocument } from '../document.js';
import { EditConflictError } from '../errors.js';
import { chooseBlock, compareImports, importBlocks, importName, importPath, isStandardLibrary } from '../import-groups.js';
import type { ImportBlock } from '../import-groups.js';
import { indentationAt, isBlankRowAt, rowStartIndex } from '../layout.js';
import { appendToList, insertIntoListBefore, isOneRow, rowEndAfter } from '../list-insertion.js';
import type { ListShape, PlannedInsertion } from '../list-insertion.js';
import { importSpecs } from '../list-shapes.js';
import type { GoParser } from '../parser.js';
import { runEdit } from '../run-edit.js';
import type { EditPlan, EditResult, GoSource } from '../run-edit.js';
import { parseImportSnippet } from '../snippet.js';
import type { Snippet } from '../snippet.js';
import { isComment } from '../syntax.js';

export interface AddImportArgs {
  /** Import path, e.g. `github.com/jackc/pgx/v5`. */
  readonly path: string;
  /** Package name to import it as, or `_` / `.`. */
  readonly alias?: string;
}

/**
 * Imports a package unless it is imported already under the same name. Goes into the grouped import
 * block of its kind (standard library or not) in sorted position, turns a single `import "x"` into a
 * group, or adds an import declaration after the package clause.
 */
export function addImport(parser: GoParser, source: GoSource, args: AddImportArgs): EditResult {
  const spec = parseImportSnippet(parser, source.file, args.path, args.alias);
  const wanted = { path: args.path, name: args.alias ?? null };
  return runEdit(parser, source, {
    summary: `import ${spec.text}`,
    plan(doc) {
      const specs = allImportSpecs(doc);
      if (specs.some((candidate) => isWanted(candidate, wanted))) return null;
      rejectConflictingName(doc, specs, wanted);
      const grouped = importDeclarations(doc).flatMap((declaration) =>
        declaration.namedChildren.filter((child) => child.type === 'import_spec_list').map(importSpecs),
      );
      if (grouped.length > 0) return intoGroup(doc, grouped, spec, wanted);
      return withoutGroup(doc, spec, wanted);
    },
    isPresent: (doc) => allImportSpecs(doc).some((candidate) => isWanted(candidate, wanted)),
  });
}

type Wanted = { path: string; name: string | null };

function intoGroup(doc: GoDocument, lists: readonly ListShape[], spec: Snippet, wanted: Wanted): EditPlan {
  const blocks = lists.flatMap(importBlocks);
  const block = chooseBlock(blocks, wanted.path);
  const firstList = lists[0];
  let planned: PlannedInsertion;
  let list: ListShape;
  const oneRow = lists.find(isOneRow);
  if (oneRow !== undefined) {
    // `import ("fmt")`: gofmt keeps one group; rewrite it one spec per row, sorted.
    list = oneRow;
    planned = intoBlock(doc, { list, entries: list.entries, specs: list.entries.filter((entry) => !isComment(entry)) }, spec, wanted);
  } else if (block !== null) {
    list = block.list;
    planned = intoBlock(doc, block, spec, wanted);
  } else if (blocks.length === 0 && firstList !== undefined) {
    list = firstList;
    planned = appendToList(doc, list, spec);
  } else {
    const edge = isStandardLibrary(wanted.path) ? blocks[0] : blocks.at(-1);
    if (edge === undefined) throw new Error('import blocks vanished');
    list = edge.list;
    planned = isStandardLibrary(wanted.path) ? newBlockAbove(doc, edge, spec) : newBlockBelow(doc, edge, spec);
  }
  return {
    splices: [planned.splice],
    focus: planned.focus,
    align: { kind: 'imports', before: list, after: (edited) => importListAt(edited, planned.focus) },
  };
}

function intoBlock(doc: GoDocument, block: ImportBlock, spec: Snippet, wanted: Wanted): PlannedInsertion {
  const next = block.specs.find((candidate) => compareImports(wanted, { path: importPath(candidate), name: importName(candidate) }) < 0);
  if (next !== undefined) return insertIntoListBefore(doc, block.list, next, spec, { keepBlankLineAbove: false });
  if (isOneRow(block.list)) return appendToList(doc, block.list, spec);
  const last = block.specs.at(-1);
  if (last === undefined) throw new Error('an import block has specs');
  const at = rowEndAfter(doc, last.endIndex);
  const before = `\n${indentationAt(doc.text, last.startIndex)}`;
  return { splice: { start: at, end: at, text: before + spec.text }, focus: at + before.length };
}

function newBlockAbove(doc: GoDocument, block: ImportBlock, spec: Snippet): PlannedInsertion {
  const first = block.entries[0];
  if (first === undefined) throw new Error('an import block has entries');
  const at = rowStartIndex(doc.text, first.startIndex);
  const indent = indentationAt(doc.text, first.startIndex);
  return { splice: { start: at, end: at, text: `${indent}${spec.text}\n\n` }, focus: at + indent.length };
}

function newBlockBelow(doc: GoDocument, block: ImportBlock, spec: Snippet): PlannedInsertion {
  const last = block.entries.at(-1);
  if (last === undefined) throw new Error('an import block has entries');
  const at = rowEndAfter(doc, last.endIndex);
  const before = `\n\n${indentationAt(doc.text, block.specs.at(-1)?.startIndex ?? last.startIndex)}`;
  return { splice: { start: at, end: at, text: before + spec.text }, focus: at + before.length };
}

/** No `import ( … )` yet: convert a lone `import "x"`, or add a declaration. */
function withoutGroup(doc: GoDocument, spec: Snippet, wanted: Wanted): EditPlan {
  const declarations = importDeclarations(doc);
  const convertible = declarations.filter((declaration) => {
    const only = declaration.namedChildren.find((child) => child.type === 'import_spec');
    return only !== undefined && importPath(only) !== 'C';
  });
  const [single] = convertible;
  if (single !== undefined && convertible.length === 1) return convertToGroup(doc, single, spec, wanted);
  const last = declarations.at(-1);
  const anchor = last ?? doc.root.namedChildren.find((child) => child.type === 'package_clause');
  if (anchor === undefined) throw new Error('a parsed Go file has a package clause');
  const lastSpec = last?.namedChildren.find((child) => child.type === 'import_spec');
  const lastIsCgo = lastSpec !== undefined && importPath(lastSpec) === 'C';
  const at = rowEndAfter(doc, anchor.endIndex);
  const before = last === undefined || lastIsCgo ? '\n\nimport ' : '\nimport ';
  const separatedBelow = at + 1 >= doc.text.length || isBlankRowAt(doc.text, at + 1);
  const after = last === undefined && !separatedBelow ? '\n' : '';
  return { splices: [{ start: at, end: at, text: before + spec.text + after }], focus: at + before.length };
}

/** `import "fmt"` + os -> `import (\n\t"fmt"\n\t"os"\n)`, standard library first, sorted. */
function convertToGroup(doc: GoDocument, declaration: Node, spec: Snippet, wanted: Wanted): EditPlan {
  const existing = declaration.namedChildren.find((child) => child.type === 'import_spec');
  if (existing === undefined) throw new Error('a single import has a spec');
  const trailing = declaration.nextNamedSibling;
  const comment = trailing !== null && isComment(trailing) && trailing.startPosition.row === existing.endPosition.row ? trailing : null;
  const indent = `${indentationAt(doc.text, declaration.startIndex)}\t`;
  const entries = [
    { path: importPath(existing), name: importName(existing), text: existing.text + (comment === null ? '' : ` ${comment.text}`), added: false },
    { ...wanted, text: spec.text, added: true },
  ];
  entries.sort((a, b) => Number(!isStandardLibrary(a.path)) - Number(!isStandardLibrary(b.path)) || compareImports(a, b));
  const [first, second] = entries;
  if (first === undefined || second === undefined) throw new Error('two imports');
  const separator = isStandardLibrary(first.path) === isStandardLibrary(second.path) ? '\n' : '\n\n';
  const head = `(\n${indent}`;
  const text = `${head}${first.text}${separator}${indent}${second.text}\n)`;
  const focusOffset = first.added ? head.length : head.length + first.text.length + separator.length + indent.length;
  const end = (comment ?? existing).endIndex;
  return {
    splices: [{ start: existing.startIndex, end, text }],
    focus: existing.startIndex + focusOffset,
    align: { kind: 'imports', before: null, after: (edited) => importListAt(edited, existing.startIndex + focusOffset) },
  };
}

function rejectConflictingName(doc: GoDocument, specs: readonly Node[], wanted: Wanted): void {
  const special = (name: string | null): boolean => name === '_' || name === '.';
  const clash = specs.find(
    (candidate) => importPath(candidate) === wanted.path && !special(importName(candidate)) && !special(wanted.name),
  );
  if (clash === undefined) return;
  const current = importName(clash);
  throw new EditConflictError(
    doc.file,
    `${doc.file}: ${wanted.path} is already imported ${current === null ? 'without a name' : `as ${current}`}, ` +
      `but the code being added expects ${wanted.name === null ? 'its default name' : `the name ${wanted.name}`}. ` +
      `Nothing was changed; rename the import by hand or adjust the added code.`,
  );
}

function isWanted(spec: Node, wanted: Wanted): boolean {
  return importPath(spec) === wanted.path && importName(spec) === wanted.name;
}

function importDeclarations(doc: GoDocument): Node[] {
  return doc.root.namedChildren.filter((child) => child.type === 'import_declaration');
}

function allImportSpecs(doc: GoDocument): Node[] {
  return importDeclarations(doc).flatMap((declaration) => declaration.descendantsOfType('import_spec'));
}

function importListAt(doc: GoDocument, index: number): ListShape | null {
  for (let node = doc.root.descendantForIndex(index, index); node !== null; node = node.parent) {
    if (node.type === 'import_spec_list') return importSpecs(node);
  }
  return null;
}
