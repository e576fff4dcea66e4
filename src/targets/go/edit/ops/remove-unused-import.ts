import type { Node } from 'web-tree-sitter';
import type { GoDocument } from '../document.js';
import { importName, importPath } from '../import-groups.js';
import { isBlankRowAt, rowEndIndex, rowStartIndex } from '../layout.js';
import type { GoParser } from '../parser.js';
import { runEdit } from '../run-edit.js';
import type { EditResult, GoSource } from '../run-edit.js';
import { isComment } from '../syntax.js';

export interface RemoveUnusedImportArgs {
  /** Import path, e.g. `example.com/orders/internal/adapter/memory`. */
  readonly path: string;
}

/**
 * Removes the import of `path` once nothing in the file refers to its package name any more
 * (after an edit replaced its last use). A no-op when the package is still used, imported blank
 * or dot, or not imported at all. Removes the spec's row, the `import (…)` it leaves empty, and
 * the blank row it leaves doubled.
 */
export function removeUnusedImport(parser: GoParser, source: GoSource, args: RemoveUnusedImportArgs): EditResult {
  return runEdit(parser, source, {
    summary: `remove the unused import ${JSON.stringify(args.path)}`,
    plan(doc) {
      const spec = unusedSpec(doc, args.path);
      if (spec === null) return null;
      const declaration = spec.parent?.type === 'import_spec_list' ? spec.parent.parent : spec.parent;
      const siblings = spec.parent?.namedChildren.filter((child) => child !== null && child.type === 'import_spec') ?? [];
      const target = siblings.length <= 1 && declaration?.type === 'import_declaration' ? declaration : spec;
      const text = doc.text;
      const start = rowStartIndex(text, target.startIndex);
      let end = Math.min(rowEndIndex(text, target.endIndex) + 1, text.length);
      const blankAbove = start === 0 || isBlankRowAt(text, rowStartIndex(text, start - 1));
      const blankBelow = end >= text.length || isBlankRowAt(text, end);
      const closesAbove = start > 0 && text.slice(rowStartIndex(text, start - 1), start - 1).trimEnd().endsWith('(');
      const closesBelow = text.slice(end, rowEndIndex(text, end)).trimStart().startsWith(')');
      if (blankBelow && (blankAbove || closesAbove) && end < text.length) end = Math.min(rowEndIndex(text, end) + 1, text.length);
      else if (blankAbove && closesBelow && start > 0) return { splices: [{ start: rowStartIndex(text, start - 1), end, text: '' }], focus: start };
      return { splices: [{ start, end, text: '' }], focus: start };
    },
    isPresent: (doc) => !imports(doc).some((spec) => importPath(spec) === args.path),
  });
}

function imports(doc: GoDocument): Node[] {
  return doc.root.namedChildren
    .filter((child): child is Node => child !== null && child.type === 'import_declaration')
    .flatMap((declaration) => declaration.descendantsOfType('import_spec'))
    .filter((spec): spec is Node => spec !== null);
}

function unusedSpec(doc: GoDocument, path: string): Node | null {
  const spec = imports(doc).find((candidate) => importPath(candidate) === path);
  if (spec === undefined) return null;
  const alias = importName(spec);
  if (alias === '_' || alias === '.') return null;
  const name = alias ?? path.split('/').at(-1) ?? path;
  return isReferenced(doc.root, name) ? null : spec;
}

/** True when a package-qualified name `name.X` appears outside the import declarations. */
function isReferenced(root: Node, name: string): boolean {
  for (const child of root.namedChildren) {
    if (child === null || child.type === 'import_declaration' || isComment(child)) continue;
    const qualifiers = [
      ...child.descendantsOfType('selector_expression').map((node) => node?.childForFieldName('operand')),
      ...child.descendantsOfType('qualified_type').map((node) => node?.childForFieldName('package')),
    ];
    if (qualifiers.some((node) => node !== null && node !== undefined && node.text === name)) return true;
  }
  return false;
}
