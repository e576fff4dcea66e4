import type { FunctionDeclaration, ObjectLiteralExpression, SourceFile } from 'ts-morph';
import { AnchorNotFoundError, EditError } from './errors.js';

type TsMorph = typeof import('ts-morph');

/** One syntax-aware edit of a TypeScript file. Every edit checks first whether its result is present. */
export type TsEdit =
  /** `name: type;` in `interface <iface>`. */
  | { kind: 'interface-property'; iface: string; name: string; type: string }
  /** `name: initializer,` in the object literal that function `func` returns. */
  | { kind: 'returned-property'; func: string; name: string; initializer: string }
  /** Parameter `index` of function `func` is named `name`: `_name` (unused so far) is renamed. */
  | { kind: 'use-parameter'; func: string; index: number; name: string }
  /** `import { name } from 'module'` (or `import type`). */
  | { kind: 'named-import'; module: string; name: string; typeOnly?: boolean }
  /** `statement` appended to the body of function `func`, unless a statement there contains `unlessPresent`. */
  | { kind: 'statement'; func: string; statement: string; unlessPresent: string };

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
      const literal = returnedLiteral(morph, functionNamed(source, edit.func, missing), edit.func, missing);
      if (literal.getProperty(edit.name) !== undefined) return false;
      literal.addPropertyAssignment({ name: edit.name, initializer: edit.initializer });
      return true;
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
      if (sameModule !== undefined) sameModule.addNamedImport(edit.name);
      else source.addImportDeclaration({ moduleSpecifier: edit.module, namedImports: [edit.name], isTypeOnly: edit.typeOnly ?? false });
      return true;
    }
    case 'statement': {
      const body = functionNamed(source, edit.func, missing);
      if (body.getStatements().some((statement) => statement.getText().includes(edit.unlessPresent))) return false;
      body.addStatements(edit.statement);
      return true;
    }
  }
}

function functionNamed(source: SourceFile, name: string, missing: (reason: string, where: string, problem?: 'missing' | 'ambiguous' | 'wrong-kind') => never): FunctionDeclaration {
  const found = source.getFunctions().filter((candidate) => candidate.getName() === name && candidate.hasBody());
  if (found.length === 0) return missing(`function ${name} is gone (renamed, moved or deleted)`, `in the function that plays the role of ${name}`);
  if (found.length > 1) return missing(`function ${name} is declared ${found.length} times`, `in the right ${name}`, 'ambiguous');
  return found[0] as FunctionDeclaration;
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
