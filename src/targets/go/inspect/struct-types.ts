import type { Node } from 'web-tree-sitter';
import type { Tree } from '../../../tree/tree.js';
import type { GoParser } from '../edit/parser.js';
import { goFilesIn } from '../add/go-files.js';
import { fileImports, readGo, structFieldsOf, topLevelTypes } from './syntax.js';

export interface ResolvedField {
  name: string;
  /** The type as written in its package. */
  written: string;
  /** The type with every named type qualified by its import path, comparable across packages. */
  resolved: string;
}

const PREDECLARED = new Set([
  'any', 'bool', 'byte', 'comparable', 'complex64', 'complex128', 'error', 'float32', 'float64',
  'int', 'int8', 'int16', 'int32', 'int64', 'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
]);

/**
 * The fields of the struct type `name` declared in `dir` (package path `pkgPath`; test files aside),
 * each with its type resolved so that `OrderID` in package domain and `domain.OrderID` in package app
 * compare equal; null when no file there declares `name` as a struct.
 */
export function readStructFields(parser: GoParser, tree: Tree, dir: string, pkgPath: string, name: string): ResolvedField[] | null {
  for (const file of goFilesIn(tree, dir)) {
    if (file.endsWith('_test.go')) continue;
    const text = tree.read(file) ?? '';
    if (!text.includes(name)) continue;
    const fields = readGo(parser, file, text, (doc) => {
      const type = topLevelTypes(doc).get(name);
      if (type?.type !== 'struct_type') return null;
      const imports = new Map(fileImports(doc).map((entry) => [entry.name, entry.path]));
      return structFieldsOf(type).map((field) => ({ name: field.name, written: field.type, resolved: resolveType(field.typeNode, pkgPath, imports) }));
    });
    if (fields !== null) return fields;
  }
  return null;
}

function resolveType(type: Node, pkgPath: string, imports: ReadonlyMap<string, string>): string {
  const replacements: { start: number; end: number; text: string }[] = [];
  const visit = (node: Node) => {
    if (node.type === 'qualified_type') {
      const pkg = node.childForFieldName('package')?.text ?? '';
      const name = node.childForFieldName('name')?.text ?? '';
      replacements.push({ start: node.startIndex, end: node.endIndex, text: `"${imports.get(pkg) ?? pkg}".${name}` });
      return;
    }
    if (node.type === 'type_identifier' && !PREDECLARED.has(node.text)) {
      replacements.push({ start: node.startIndex, end: node.endIndex, text: `"${pkgPath}".${node.text}` });
      return;
    }
    for (const child of node.namedChildren) if (child !== null) visit(child);
  };
  visit(type);
  let text = type.text;
  for (const { start, end, text: replacement } of replacements.reverse()) {
    text = text.slice(0, start - type.startIndex) + replacement + text.slice(end - type.startIndex);
  }
  return text.replace(/\s+/g, ' ');
}
