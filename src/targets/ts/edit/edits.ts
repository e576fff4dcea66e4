import type { ImportDeclaration, InterfaceDeclaration, ObjectLiteralExpression, SourceFile } from 'ts-morph';
import { compareStrings } from '../../../tree/compare.js';
import { findReturnedObject, functionNamed, interfaceNamed, returnedInitializer, returnedLiteral, variableInitializer, variableLiteral, type Missing } from './anchors.js';
import { AnchorNotFoundError, EditError } from './errors.js';
import { appendToList, type CodeList, endOfComments, endOfRow, insertIntoList, lineIndent, reindent, rowStart } from './insertions.js';
import { compareModules, containsMarker, type Splice } from './splice.js';

type TsMorph = typeof import('ts-morph');

/** One syntax-aware edit of a TypeScript file. Every edit checks first whether its result is present. */
export type TsEdit =
  /** `name: type;` in `interface <iface>`. */
  | { kind: 'interface-property'; iface: string; name: string; type: string }
  /** `name: initializer,` in the object literal that function `func` returns; an object initializer becomes a nested literal, one property per row. */
  | { kind: 'returned-property'; func: string; name: string; initializer: TsInitializer }
  /** `name: initializer,` in the object literal a top-level `const variable` holds, directly or as the first argument of the call it holds (`z.object({…})`). */
  | { kind: 'variable-property'; variable: string; name: string; initializer: TsInitializer }
  /** `element,` at the end of the array literal a top-level `const variable` holds, unless an element's text is `element`. */
  | { kind: 'variable-element'; variable: string; element: string }
  /** Every `from` expression inside property `name` of what `func` returns becomes `to` (`new MemoryOrderRepository()` -> `new PostgresOrderRepository(pool)`). */
  | { kind: 'replace-in-returned-property'; func: string; name: string; from: string; to: string }
  /** Property `name` of what `func` returns, `X`, becomes `${prefix}X${suffix}` unless it starts with `prefix` already. */
  | { kind: 'wrap-returned-property'; func: string; name: string; prefix: string; suffix: string }
  /** `statement` appended at the end of the file after a blank row, unless a top-level statement contains `unlessPresent`. */
  | { kind: 'top-level-statement'; statement: string; unlessPresent: string }
  /** The named import `name` goes once nothing else in the file refers to it. */
  | { kind: 'remove-unused-import'; name: string }
  /** Parameter `index` of function `func` is named `name`: `_name` (unused so far) is renamed. */
  | { kind: 'use-parameter'; func: string; index: number; name: string }
  /** `import { name } from 'module'` (or `import type`). */
  | { kind: 'named-import'; module: string; name: string; typeOnly?: boolean }
  /**
   * `statement` appended to the body of function `func` (or put above its final `return`), unless a
   * statement there contains `unlessPresent`; after a blank row when `paragraph` and it is not the first.
   */
  | { kind: 'statement'; func: string; statement: string; unlessPresent: string; position?: 'end' | 'before-return'; paragraph?: boolean };

/** An expression as written, or an object literal written one property per row. */
export type TsInitializer = string | Readonly<Record<string, string>>;

/**
 * An edit as text splices of the file as it is. `anchor` names the part of the file the splices
 * touch: edits of distinct anchors can be planned on the same text and applied together.
 */
export interface PlannedEdit {
  anchor: string;
  splices: Splice[];
}


/**
 * Plans one edit as splices located through the syntax tree (an empty list when its result is
 * there already); null for the edits ts-morph applies itself (removing an import). Every insertion
 * keeps the user's comments where they are (edit/insertions.ts). Throws an AnchorNotFoundError
 * with the manual snippet when the anchor is gone, an EditError when the edit cannot be right.
 */
export function planTsEdit(morph: TsMorph, source: SourceFile, file: string, edit: TsEdit, manualSnippet: string): PlannedEdit | null {
  const { SyntaxKind } = morph;
  const missing: Missing = (reason, where, problem = 'missing') => {
    throw new AnchorNotFoundError(file, { problem, reason, where, manualSnippet });
  };
  const text = source.getFullText();
  const planned = (anchor: string, splices: Splice[]): PlannedEdit => ({ anchor, splices });
  switch (edit.kind) {
    case 'interface-property': {
      const iface = interfaceNamed(source, edit.iface, missing);
      if (iface.getProperty(edit.name) !== undefined) return planned(`interface ${edit.iface}`, []);
      return planned(`interface ${edit.iface}`, appendToList(morph, source, interfaceList(morph, iface), `${edit.name}: ${edit.type};`));
    }
    case 'returned-property': {
      const literal = returnedLiteral(morph, functionNamed(source, edit.func, missing), edit.func, missing);
      return planned(`return ${edit.func}`, addProperty(morph, source, literal, edit.name, edit.initializer));
    }
    case 'variable-property':
      return planned(`const ${edit.variable}`, addProperty(morph, source, variableLiteral(morph, source, edit.variable, missing), edit.name, edit.initializer));
    case 'variable-element': {
      const array = variableInitializer(source, edit.variable, missing)?.asKind(SyntaxKind.ArrayLiteralExpression);
      if (array === undefined) return missing(`const ${edit.variable} no longer holds an array literal`, `to the array that ${edit.variable} holds`, 'wrong-kind');
      if (array.getElements().some((element) => containsMarker(element.getText(), edit.element))) return planned(`const ${edit.variable}`, []);
      const list: CodeList = { open: array.getStart(), close: array.getEnd() - 1, elements: array.getElements(), separator: ',', trailingComma: array.compilerNode.elements.hasTrailingComma };
      return planned(`const ${edit.variable}`, appendToList(morph, source, list, edit.element));
    }
    case 'replace-in-returned-property': {
      const initializer = returnedInitializer(morph, source, edit.func, edit.name, missing);
      const found = [initializer, ...initializer.getDescendants()].filter((node) => node.getText() === edit.from);
      // Replace the outermost matches only: an inner one would be replaced with its parent.
      const outermost = found.filter((node) => !found.some((other) => other !== node && node.getAncestors().includes(other)));
      return planned(`return ${edit.func}`, outermost.map((node) => ({ start: node.getStart(), end: node.getEnd(), text: edit.to })));
    }
    case 'wrap-returned-property': {
      const initializer = returnedInitializer(morph, source, edit.func, edit.name, missing);
      if (initializer.getText().startsWith(edit.prefix)) return planned(`return ${edit.func}`, []);
      return planned(`return ${edit.func}`, [
        { start: initializer.getStart(), end: initializer.getStart(), text: edit.prefix },
        { start: initializer.getEnd(), end: initializer.getEnd(), text: edit.suffix },
      ]);
    }
    case 'top-level-statement': {
      const statements = source.getStatements();
      if (statements.some((statement) => statement.getText().includes(edit.unlessPresent))) return planned('end of file', []);
      // After everything, comments included, after a blank row.
      const last = statements.at(-1);
      const at = endOfComments(morph, text, last?.getEnd() ?? 0);
      const lead = at > 0 ? '\n\n' : '';
      return planned('end of file', [{ start: at, end: at, text: `${lead}${edit.statement}${text.slice(at).includes('\n') ? '' : '\n'}` }]);
    }
    case 'remove-unused-import':
      return null;
    case 'use-parameter': {
      const parameter = functionNamed(source, edit.func, missing).getParameters()[edit.index];
      if (parameter === undefined) return missing(`function ${edit.func} has no parameter ${edit.index + 1}`, `as parameter ${edit.index + 1} of ${edit.func}`, 'wrong-kind');
      const name = parameter.getNameNode();
      const anchor = `parameter ${edit.func} ${edit.index}`;
      if (name.getText() === edit.name) return planned(anchor, []);
      if (name.getText() !== `_${edit.name}`) return missing(`parameter ${edit.index + 1} of function ${edit.func} is called ${name.getText()}, not ${edit.name}`, `in ${edit.func} (or rename its parameter to ${edit.name})`, 'wrong-kind');
      return planned(anchor, [{ start: name.getStart(), end: name.getEnd(), text: edit.name }]);
    }
    case 'named-import':
      return planned('imports', planImport(morph, source, file, edit));
    case 'statement': {
      const fn = functionNamed(source, edit.func, missing);
      const anchor = `body ${edit.func} ${edit.position ?? 'end'}`;
      const statements = fn.getStatements();
      if (statements.some((statement) => containsMarker(statement.getText(), edit.unlessPresent))) return planned(anchor, []);
      const body = fn.getBodyOrThrow();
      const last = statements.at(-1);
      if (edit.position === 'before-return' && last?.getKind() === SyntaxKind.ReturnStatement) {
        // Above the return, or above the variable it returns when that holds the literal (it may need the new statement).
        const returned = findReturnedObject(morph, fn);
        const above = 'statement' in returned ? returned.statement : last;
        const at = rowStart(morph, text, above, false);
        const indent = lineIndent(text, above.getStart());
        // A blank row first when anything (a statement or a comment) comes before the return.
        const blank = edit.paragraph === true && text.slice(body.getStart() + 1, at).trim() !== '' ? '\n' : '';
        return planned(anchor, [{ start: at, end: at, text: `${blank}${indent}${reindent(edit.statement, indent)}\n` }]);
      }
      const list: CodeList = { open: body.getStart(), close: body.getEnd() - 1, elements: statements, separator: '', trailingComma: false };
      return planned(anchor, appendToList(morph, source, list, edit.statement, { blankBefore: edit.paragraph === true }));
    }
  }
}

/** Applies an edit planTsEdit leaves to ts-morph, in place; returns whether the file changed. */
export function manipulateTsEdit(morph: TsMorph, source: SourceFile, edit: TsEdit): boolean {
  if (edit.kind !== 'remove-unused-import') throw new Error(`edit ${edit.kind} is planned as splices`);
  const { SyntaxKind } = morph;
  for (const declaration of source.getImportDeclarations()) {
    const named = declaration.getNamedImports().find((candidate) => (candidate.getAliasNode()?.getText() ?? candidate.getName()) === edit.name);
    if (named === undefined) continue;
    const used = source.getDescendantsOfKind(SyntaxKind.Identifier).some((identifier) => identifier.getText() === edit.name && identifier.getFirstAncestorByKind(SyntaxKind.ImportDeclaration) === undefined);
    if (used) return false;
    if (declaration.getNamedImports().length === 1 && declaration.getDefaultImport() === undefined && declaration.getNamespaceImport() === undefined) declaration.remove();
    else named.remove();
    return true;
  }
  return false;
}

function planImport(morph: TsMorph, source: SourceFile, file: string, edit: Extract<TsEdit, { kind: 'named-import' }>): Splice[] {
  const text = source.getFullText();
  const imports = source.getImportDeclarations();
  for (const declaration of imports) {
    const named = declaration.getNamedImports().find((candidate) => (candidate.getAliasNode()?.getText() ?? candidate.getName()) === edit.name);
    if (named === undefined) continue;
    if (declaration.getModuleSpecifierValue() === edit.module) return [];
    throw new EditError(file, `${file} already imports ${edit.name} from '${declaration.getModuleSpecifierValue()}', not from '${edit.module}'. Nothing was changed; rename one of them and run the command again`);
  }
  const typeOnly = edit.typeOnly ?? false;
  const same = imports.find((declaration) => declaration.getModuleSpecifierValue() === edit.module && declaration.getNamespaceImport() === undefined && declaration.isTypeOnly() === typeOnly);
  if (same !== undefined) {
    const list = namedImportsList(morph, same);
    if (list !== undefined) {
      // Sorted by name, as the generated imports are (`type FieldError` sorts as FieldError).
      const at = same.getNamedImports().findIndex((candidate) => compareStrings(candidate.getName(), edit.name) > 0);
      return insertIntoList(morph, source, list, at === -1 ? list.elements.length : at, edit.name);
    }
    const defaultImport = same.getDefaultImport();
    if (defaultImport !== undefined) return [{ start: defaultImport.getEnd(), end: defaultImport.getEnd(), text: `, { ${edit.name} }` }];
  }
  const statement = `import ${typeOnly ? 'type ' : ''}{ ${edit.name} } from '${edit.module}';`;
  // Sorted among the imports as the generated files are: packages first, then relative modules.
  const next = imports.find((declaration) => compareModules(declaration.getModuleSpecifierValue(), edit.module) > 0);
  const first = source.getStatements()[0];
  if (next !== undefined) {
    const at = rowStart(morph, text, next, next === first);
    return [{ start: at, end: at, text: `${statement}\n` }];
  }
  const last = imports.at(-1);
  if (last !== undefined) {
    const at = endOfRow(morph, text, last);
    return [{ start: at, end: at, text: `\n${statement}` }];
  }
  if (first === undefined) {
    const at = endOfComments(morph, text, 0);
    return [{ start: at, end: at, text: at > 0 ? `\n\n${statement}\n` : `${statement}\n` }];
  }
  const at = rowStart(morph, text, first, true);
  return [{ start: at, end: at, text: `${statement}\n\n` }];
}

/** `name: initializer` at the end of the literal, unless it has a property of that name, whatever its value: a value the user changed stays. */
function addProperty(morph: TsMorph, source: SourceFile, literal: ObjectLiteralExpression, name: string, initializer: TsInitializer): Splice[] {
  if (literal.getProperty(name) !== undefined) return [];
  const list = literalList(literal);
  const value =
    typeof initializer === 'string'
      ? initializer
      : `{\n${Object.entries(initializer)
          .map(([key, nested]) => `  ${key}: ${nested},\n`)
          .join('')}}`;
  return appendToList(morph, source, list, `${name}: ${value}`);
}

/** The properties of an object literal, as a list to add to. */
export function literalList(literal: ObjectLiteralExpression): CodeList {
  return { open: literal.getStart(), close: literal.getEnd() - 1, elements: literal.getProperties(), separator: ',', trailingComma: literal.compilerNode.properties.hasTrailingComma };
}

function interfaceList(morph: TsMorph, iface: InterfaceDeclaration): CodeList {
  const open = iface.getFirstChildByKindOrThrow(morph.SyntaxKind.OpenBraceToken).getStart();
  return { open, close: iface.getEnd() - 1, elements: iface.getMembers(), separator: '', trailingComma: false };
}

function namedImportsList(morph: TsMorph, declaration: ImportDeclaration): CodeList | undefined {
  const bindings = declaration.getImportClause()?.getNamedBindings()?.asKind(morph.SyntaxKind.NamedImports);
  if (bindings === undefined) return undefined;
  return { open: bindings.getStart(), close: bindings.getEnd() - 1, elements: bindings.getElements(), separator: ',', trailingComma: bindings.compilerNode.elements.hasTrailingComma };
}
