import type { Node, ObjectLiteralExpression, SourceFile } from 'ts-morph';
import { compareStrings } from '../../../tree/compare.js';
import type { TsEdit } from './edits.js';

type TsMorph = typeof import('ts-morph');

/** Replace [start, end) of the file's text with `text`. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/**
 * Plans a batch of edits as splices of the unchanged file, located through the syntax tree, so the
 * file is parsed once to check the result instead of once per ts-morph manipulation (three
 * re-parses of a 200-use-case app.ts cost ~150 ms). Returns null when any edit needs ts-morph's
 * printer (an empty interface or literal, a multi-line statement, several imports, …): the caller
 * then applies the batch through ts-morph. The text written is what ts-morph writes in the same
 * place (test/unit/ts-edit/splice.test.ts compares both on every generated anchor file).
 */
export function planSplices(morph: TsMorph, source: SourceFile, edits: readonly TsEdit[]): Splice[] | null {
  const { SyntaxKind } = morph;
  const splices: Splice[] = [];
  const anchors = new Set<string>();
  const claim = (anchor: string): boolean => {
    if (anchors.has(anchor)) return false;
    anchors.add(anchor);
    return true;
  };
  for (const edit of edits) {
    switch (edit.kind) {
      case 'named-import': {
        if (!claim('imports')) return null;
        const imports = source.getImportDeclarations();
        const existing = imports.find((declaration) => declaration.getNamedImports().some((named) => (named.getAliasNode()?.getText() ?? named.getName()) === edit.name));
        if (existing !== undefined) {
          if (existing.getModuleSpecifierValue() === edit.module) continue;
          return null;
        }
        const typeOnly = edit.typeOnly ?? false;
        const same = imports.find((declaration) => declaration.getModuleSpecifierValue() === edit.module && declaration.getNamespaceImport() === undefined && declaration.isTypeOnly() === typeOnly);
        if (same !== undefined) {
          const named = same.getNamedImports();
          if (named.length === 0 || same.getText().includes('\n')) return null;
          const at = named.findIndex((candidate) => compareStrings(candidate.getName(), edit.name) > 0);
          const before = named[at];
          const last = named[named.length - 1] as Node;
          splices.push(before !== undefined ? { start: before.getStart(), end: before.getStart(), text: `${edit.name}, ` } : { start: last.getEnd(), end: last.getEnd(), text: `, ${edit.name}` });
          continue;
        }
        const statement = `import ${typeOnly ? 'type ' : ''}{ ${edit.name} } from '${edit.module}';`;
        const next = imports.find((declaration) => compareModules(declaration.getModuleSpecifierValue(), edit.module) > 0);
        if (next !== undefined) {
          if (next.getLeadingCommentRanges().length > 0) return null;
          splices.push({ start: next.getStart(), end: next.getStart(), text: `${statement}\n` });
          continue;
        }
        const last = imports[imports.length - 1];
        if (last === undefined || hasTrailingComment(last)) return null;
        splices.push({ start: last.getEnd(), end: last.getEnd(), text: `\n${statement}` });
        continue;
      }
      case 'interface-property': {
        if (!claim(`interface ${edit.iface}`)) return null;
        const found = source.getInterfaces().filter((candidate) => candidate.getName() === edit.iface);
        const iface = found[0];
        if (found.length !== 1 || iface === undefined) return null;
        if (iface.getProperty(edit.name) !== undefined) continue;
        const last = iface.getMembers().at(-1);
        if (last === undefined || hasTrailingComment(last)) return null;
        splices.push({ start: last.getEnd(), end: last.getEnd(), text: `\n${indentOf(source, last)}${edit.name}: ${edit.type};` });
        continue;
      }
      case 'returned-property': {
        if (typeof edit.initializer !== 'string' || !claim(`return ${edit.func}`)) return null;
        const literal = returnedLiteral(morph, source, edit.func);
        if (literal === null) return null;
        if (literal.getProperty(edit.name) !== undefined) continue;
        const last = literal.getProperties().at(-1);
        const comma = last?.getNextSibling();
        if (last === undefined || comma?.getKind() !== SyntaxKind.CommaToken || hasTrailingComment(comma) || !literal.getText().includes('\n')) return null;
        splices.push({ start: comma.getEnd(), end: comma.getEnd(), text: `\n${indentOf(source, last)}${edit.name}: ${edit.initializer},` });
        continue;
      }
      case 'use-parameter': {
        if (!claim(`parameter ${edit.func} ${String(edit.index)}`)) return null;
        const parameter = singleFunction(source, edit.func)?.getParameters()[edit.index];
        if (parameter === undefined) return null;
        const name = parameter.getNameNode();
        if (name.getText() === edit.name) continue;
        if (name.getText() !== `_${edit.name}`) return null;
        splices.push({ start: name.getStart(), end: name.getEnd(), text: edit.name });
        continue;
      }
      case 'statement': {
        if ((edit.position ?? 'end') !== 'end' || edit.paragraph === true || edit.statement.includes('\n') || !claim(`body ${edit.func}`)) return null;
        const fn = singleFunction(source, edit.func);
        if (fn === undefined) return null;
        if (fn.getStatements().some((statement) => containsMarker(statement.getText(), edit.unlessPresent))) continue;
        const last = fn.getStatementsWithComments().at(-1);
        if (last === undefined || hasTrailingComment(last)) return null;
        splices.push({ start: last.getEnd(), end: last.getEnd(), text: `\n${indentOf(source, last)}${edit.statement}` });
        continue;
      }
      default:
        return null;
    }
  }
  return splices;
}

/** The text with every splice applied; splices never overlap (one per anchor). */
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

/** A comment after the node on its row belongs to it: ts-morph inserts after it, so leave such cases to ts-morph. */
function hasTrailingComment(node: Node): boolean {
  return node.getTrailingCommentRanges().length > 0;
}

function indentOf(source: SourceFile, node: Node): string {
  const text = source.getFullText();
  const lineStart = text.lastIndexOf('\n', node.getStart() - 1) + 1;
  return text.slice(lineStart, node.getStart());
}

function singleFunction(source: SourceFile, name: string) {
  const found = source.getFunctions().filter((candidate) => candidate.getName() === name && candidate.hasBody());
  return found.length === 1 ? found[0] : undefined;
}

function returnedLiteral(morph: TsMorph, source: SourceFile, func: string): ObjectLiteralExpression | null {
  const returns = singleFunction(source, func)
    ?.getStatements()
    .filter((statement) => statement.getKind() === morph.SyntaxKind.ReturnStatement);
  if (returns?.length !== 1) return null;
  return returns[0]?.asKind(morph.SyntaxKind.ReturnStatement)?.getExpression()?.asKind(morph.SyntaxKind.ObjectLiteralExpression) ?? null;
}
