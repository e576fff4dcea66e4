import type { CodeBlockWriter, Expression, FunctionDeclaration, ObjectLiteralExpression, SourceFile } from 'ts-morph';
import { compareStrings } from '../../../tree/compare.js';
import { AnchorNotFoundError, EditError } from './errors.js';
import { compareModules, containsMarker } from './splice.js';

type TsMorph = typeof import('ts-morph');

/** One syntax-aware edit of a TypeScript file. Every edit checks first whether its result is present. */
export type TsEdit =
  /** `name: type;` in `interface <iface>`. */
  | { kind: 'interface-property'; iface: string; name: string; type: string }
  /** `name: initializer,` in the object literal that function `func` returns; an object initializer becomes a nested literal, one property per row. */
  | { kind: 'returned-property'; func: string; name: string; initializer: TsInitializer }
  /** `name: initializer,` in the object literal a top-level `const variable` holds, directly or as the first argument of the call it holds (`z.object({…})`). */
  | { kind: 'variable-property'; variable: string; name: string; initializer: TsInitializer }
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

/** Applies one edit; returns whether the file changed. Throws an AnchorNotFoundError with the manual snippet when its anchor is gone. */
export function applyTsEdit(morph: TsMorph, source: SourceFile, file: string, edit: TsEdit, manualSnippet: string): boolean {
  const missing = (reason: string, where: string, problem: 'missing' | 'ambiguous' | 'wrong-kind' = 'missing'): never => {
    throw new AnchorNotFoundError(file, { problem, reason, where, manualSnippet });
  };
  switch (edit.kind) {
    case 'interface-property': {
      const found = source.getInterfaces().filter((candidate) => candidate.getName() === edit.iface);
      if (found.length === 0) return missing(`interface ${edit.iface} is gone (renamed, moved or deleted)`, `to the interface that plays the role of ${edit.iface}`);
      if (found.length > 1) return missing(`interface ${edit.iface} is declared ${found.length} times`, `to the right declaration of ${edit.iface}`, 'ambiguous');
      const iface = found[0];
      if (iface === undefined || iface.getProperty(edit.name) !== undefined) return false;
      iface.addProperty({ name: edit.name, type: edit.type });
      return true;
    }
    case 'returned-property': {
      return addProperty(morph, returnedLiteral(morph, functionNamed(source, edit.func, missing), edit.func, missing), edit.name, edit.initializer);
    }
    case 'variable-property':
      return addProperty(morph, variableLiteral(morph, source, edit.variable, missing), edit.name, edit.initializer);
    case 'replace-in-returned-property': {
      const initializer = returnedInitializer(morph, source, edit.func, edit.name, missing);
      const found = [initializer, ...initializer.getDescendants()].filter((node) => node.getText() === edit.from);
      // Replace the outermost matches only: an inner one would be replaced with its parent.
      const outermost = found.filter((node) => !found.some((other) => other !== node && node.getAncestors().includes(other)));
      for (const node of outermost.reverse()) node.replaceWithText(edit.to);
      return outermost.length > 0;
    }
    case 'wrap-returned-property': {
      const initializer = returnedInitializer(morph, source, edit.func, edit.name, missing);
      const current = initializer.getText();
      if (current.startsWith(edit.prefix)) return false;
      initializer.replaceWithText(`${edit.prefix}${current}${edit.suffix}`);
      return true;
    }
    case 'top-level-statement': {
      const statements = source.getStatements();
      if (statements.some((statement) => statement.getText().includes(edit.unlessPresent))) return false;
      source.addStatements(paragraphed(edit.statement, statements.length > 0));
      return true;
    }
    case 'remove-unused-import': {
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
    case 'use-parameter': {
      const parameter = functionNamed(source, edit.func, missing).getParameters()[edit.index];
      if (parameter === undefined) return missing(`function ${edit.func} has no parameter ${edit.index + 1}`, `as parameter ${edit.index + 1} of ${edit.func}`, 'wrong-kind');
      const name = parameter.getName();
      if (name === edit.name) return false;
      if (name !== `_${edit.name}`) return missing(`parameter ${edit.index + 1} of function ${edit.func} is called ${name}, not ${edit.name}`, `in ${edit.func} (or rename its parameter to ${edit.name})`, 'wrong-kind');
      parameter.getNameNode().replaceWithText(edit.name);
      return true;
    }
    case 'named-import': {
      for (const declaration of source.getImportDeclarations()) {
        const named = declaration.getNamedImports().find((candidate) => (candidate.getAliasNode()?.getText() ?? candidate.getName()) === edit.name);
        if (named === undefined) continue;
        if (declaration.getModuleSpecifierValue() === edit.module) return false;
        throw new EditError(file, `${file} already imports ${edit.name} from '${declaration.getModuleSpecifierValue()}', not from '${edit.module}'. Nothing was changed; rename one of them and run the command again`);
      }
      const sameModule = source
        .getImportDeclarations()
        .find((declaration) => declaration.getModuleSpecifierValue() === edit.module && declaration.getNamespaceImport() === undefined && declaration.isTypeOnly() === (edit.typeOnly ?? false));
      if (sameModule !== undefined) {
        const names = sameModule.getNamedImports().map((named) => named.getName());
        const at = names.findIndex((existing) => compareStrings(existing, edit.name) > 0);
        sameModule.insertNamedImport(at === -1 ? names.length : at, edit.name);
        return true;
      }
      // Sorted among the imports as the generated files are: packages first, then relative modules.
      const imports = source.getImportDeclarations();
      const next = imports.find((declaration) => compareModules(declaration.getModuleSpecifierValue(), edit.module) > 0);
      const structure = { moduleSpecifier: edit.module, namedImports: [edit.name], isTypeOnly: edit.typeOnly ?? false };
      if (next === undefined) source.addImportDeclaration(structure);
      else source.insertImportDeclaration(next.getChildIndex(), structure);
      return true;
    }
    case 'statement': {
      const body = functionNamed(source, edit.func, missing);
      const statements = body.getStatements();
      if (statements.some((statement) => containsMarker(statement.getText(), edit.unlessPresent))) return false;
      // insertStatements counts comment rows as statements: positions come from the list with comments.
      const rows = body.getStatementsWithComments();
      const last = statements[statements.length - 1];
      const at = edit.position === 'before-return' && last?.getKind() === morph.SyntaxKind.ReturnStatement ? rows.indexOf(last) : rows.length;
      const text = paragraphed(edit.statement, edit.paragraph === true && at > 0);
      if (at === rows.length) body.addStatements(text);
      else body.insertStatements(at, text);
      return true;
    }
  }
}

/** Adds `name: initializer` unless the literal has a property of that name, whatever its value: a value the user changed stays. */
function addProperty(morph: TsMorph, literal: ObjectLiteralExpression, name: string, initializer: TsInitializer): boolean {
  if (literal.getProperty(name) !== undefined) return false;
  if (typeof initializer === 'string') {
    literal.addPropertyAssignment({ name, initializer });
    return true;
  }
  // ts-morph indents a multi-line initializer string one level too deep; a nested literal filled property by property is indented right.
  const nested = literal.addPropertyAssignment({ name, initializer: '{}' }).getInitializerIfKindOrThrow(morph.SyntaxKind.ObjectLiteralExpression);
  nested.addPropertyAssignments(Object.entries(initializer).map(([key, value]) => ({ name: key, initializer: value })));
  return true;
}

function functionNamed(source: SourceFile, name: string, missing: (reason: string, where: string, problem?: 'missing' | 'ambiguous' | 'wrong-kind') => never): FunctionDeclaration {
  const found = source.getFunctions().filter((candidate) => candidate.getName() === name && candidate.hasBody());
  if (found.length === 0) return missing(`function ${name} is gone (renamed, moved or deleted)`, `in the function that plays the role of ${name}`);
  if (found.length > 1) return missing(`function ${name} is declared ${found.length} times`, `in the right ${name}`, 'ambiguous');
  return found[0] as FunctionDeclaration;
}

/** The statement, after one blank row when `paragraph` (ts-morph's own newline plus this one). */
function paragraphed(statement: string, paragraph: boolean): string | ((writer: CodeBlockWriter) => void) {
  return paragraph ? (writer) => writer.newLine().write(statement) : statement;
}


type Missing = (reason: string, where: string, problem?: 'missing' | 'ambiguous' | 'wrong-kind') => never;

/** The initializer of property `name` in what `func` returns. */
function returnedInitializer(morph: TsMorph, source: SourceFile, func: string, name: string, missing: Missing): Expression {
  const property = returnedLiteral(morph, functionNamed(source, func, missing), func, missing).getProperty(name);
  const initializer = property?.asKind(morph.SyntaxKind.PropertyAssignment)?.getInitializer();
  if (initializer === undefined) return missing(`the object ${func} returns has no property \`${name}: …\``, `to the \`${name}\` property of the object ${func} returns`, property === undefined ? 'missing' : 'wrong-kind');
  return initializer;
}

/** The object literal of `const variable = { … }` or `const variable = f({ … })` at the top level. */
function variableLiteral(morph: TsMorph, source: SourceFile, variable: string, missing: Missing): ObjectLiteralExpression {
  const { SyntaxKind } = morph;
  const declaration = source.getVariableDeclaration(variable);
  if (declaration === undefined) return missing(`const ${variable} is gone (renamed, moved or deleted)`, `to the object that ${variable} holds`);
  const initializer = declaration.getInitializer();
  const literal =
    initializer?.asKind(SyntaxKind.ObjectLiteralExpression) ??
    initializer?.asKind(SyntaxKind.CallExpression)?.getArguments()[0]?.asKind(SyntaxKind.ObjectLiteralExpression);
  if (literal === undefined) return missing(`const ${variable} no longer holds an object literal`, `to the object that ${variable} holds`, 'wrong-kind');
  return literal;
}

/** The object literal of the one `return { … }` directly in the function's body. */
function returnedLiteral(morph: TsMorph, fn: FunctionDeclaration, name: string, missing: (reason: string, where: string, problem?: 'missing' | 'ambiguous' | 'wrong-kind') => never): ObjectLiteralExpression {
  const { SyntaxKind } = morph;
  const literals = fn
    .getStatements()
    .filter((statement) => statement.getKind() === SyntaxKind.ReturnStatement)
    .map((statement) => statement.asKindOrThrow(SyntaxKind.ReturnStatement).getExpression())
    .map((expression) => (expression?.getKind() === SyntaxKind.ParenthesizedExpression ? expression.asKindOrThrow(SyntaxKind.ParenthesizedExpression).getExpression() : expression))
    .filter((expression) => expression !== undefined);
  const objects = literals.filter((expression) => expression.getKind() === SyntaxKind.ObjectLiteralExpression);
  if (objects.length === 0 || objects.length !== literals.length) {
    return missing(`function ${name} no longer ends with \`return { … }\``, `to the object that ${name} returns`, 'wrong-kind');
  }
  if (objects.length > 1) return missing(`function ${name} has ${objects.length} \`return { … }\` statements`, `to the object that ${name} returns`, 'ambiguous');
  return (objects[0] as ObjectLiteralExpression);
}
