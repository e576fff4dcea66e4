import type { Expression, FunctionDeclaration, InterfaceDeclaration, ObjectLiteralExpression, SourceFile, Statement } from 'ts-morph';

type TsMorph = typeof import('ts-morph');

export type Problem = 'missing' | 'ambiguous' | 'wrong-kind';
/** Reports a gone or ambiguous anchor: where the user should add the lines by hand. */
export type Missing = (reason: string, where: string, problem?: Problem) => never;

// Where a TypeScript edit goes: the declarations and returned objects edits.ts plans its splices on.

export function interfaceNamed(source: SourceFile, name: string, missing: Missing): InterfaceDeclaration {
  const found = source.getInterfaces().filter((candidate) => candidate.getName() === name);
  if (found.length === 0) return missing(`interface ${name} is gone (renamed, moved or deleted)`, `to the interface that plays the role of ${name}`);
  if (found.length > 1) return missing(`interface ${name} is declared ${found.length} times`, `to the right declaration of ${name}`, 'ambiguous');
  return found[0] as InterfaceDeclaration;
}

export function functionNamed(source: SourceFile, name: string, missing: Missing): FunctionDeclaration {
  const found = source.getFunctions().filter((candidate) => candidate.getName() === name && candidate.hasBody());
  if (found.length === 0) return missing(`function ${name} is gone (renamed, moved or deleted)`, `in the function that plays the role of ${name}`);
  if (found.length > 1) return missing(`function ${name} is declared ${found.length} times`, `in the right ${name}`, 'ambiguous');
  return found[0] as FunctionDeclaration;
}

/** The initializer of property `name` in what `func` returns. */
export function returnedInitializer(morph: TsMorph, source: SourceFile, func: string, name: string, missing: Missing): Expression {
  const property = returnedLiteral(morph, functionNamed(source, func, missing), func, missing).getProperty(name);
  const initializer = property?.asKind(morph.SyntaxKind.PropertyAssignment)?.getInitializer();
  if (initializer === undefined) return missing(`the object ${func} returns has no property \`${name}: …\``, `to the \`${name}\` property of the object ${func} returns`, property === undefined ? 'missing' : 'wrong-kind');
  return initializer;
}

export function variableInitializer(source: SourceFile, variable: string, missing: Missing): Expression | undefined {
  const declaration = source.getVariableDeclaration(variable);
  if (declaration === undefined) return missing(`const ${variable} is gone (renamed, moved or deleted)`, `to the object that ${variable} holds`);
  return declaration.getInitializer();
}

/** The object literal of `const variable = { … }` or `const variable = f({ … })` at the top level. */
export function variableLiteral(morph: TsMorph, source: SourceFile, variable: string, missing: Missing): ObjectLiteralExpression {
  const { SyntaxKind } = morph;
  const initializer = variableInitializer(source, variable, missing);
  const literal =
    initializer?.asKind(SyntaxKind.ObjectLiteralExpression) ??
    initializer?.asKind(SyntaxKind.CallExpression)?.getArguments()[0]?.asKind(SyntaxKind.ObjectLiteralExpression);
  if (literal === undefined) return missing(`const ${variable} no longer holds an object literal`, `to the object that ${variable} holds`, 'wrong-kind');
  return literal;
}

/**
 * The object literal a function returns: `return { … }`, or `return x` where `x` is a `const` (or
 * `let`) the body declares with an object literal (`const ports: Ports = { … }; return ports;`).
 * `statement` is the statement holding the literal: what is needed to build it goes above it.
 */
export function findReturnedObject(morph: TsMorph, fn: FunctionDeclaration): { literal: ObjectLiteralExpression; statement: Statement } | { problem: string; kind: 'missing' | 'ambiguous' | 'wrong-kind' } {
  const { SyntaxKind } = morph;
  const returns = fn.getStatements().filter((statement) => statement.isKind(SyntaxKind.ReturnStatement));
  if (returns.length === 0) return { problem: 'no longer ends with `return { … }`', kind: 'wrong-kind' };
  if (returns.length > 1) return { problem: `has ${returns.length} return statements`, kind: 'ambiguous' };
  const returned = returns[0] as Statement;
  let expression = returned.asKindOrThrow(SyntaxKind.ReturnStatement).getExpression();
  while (expression?.isKind(SyntaxKind.ParenthesizedExpression) === true) expression = expression.getExpression();
  const direct = expression?.asKind(SyntaxKind.ObjectLiteralExpression);
  if (direct !== undefined) return { literal: direct, statement: returned };
  const name = expression?.asKind(SyntaxKind.Identifier)?.getText();
  const holders = fn.getStatements().flatMap((statement) => {
    const declarations = statement.asKind(SyntaxKind.VariableStatement)?.getDeclarations() ?? [];
    return declarations.filter((declaration) => declaration.getName() === name).map((declaration) => ({ declaration, statement }));
  });
  const holder = holders.length === 1 ? holders[0] : undefined;
  let initializer = holder?.declaration.getInitializer();
  while (initializer !== undefined && (initializer.isKind(SyntaxKind.SatisfiesExpression) || initializer.isKind(SyntaxKind.AsExpression) || initializer.isKind(SyntaxKind.ParenthesizedExpression))) initializer = initializer.getExpression();
  const literal = initializer?.asKind(SyntaxKind.ObjectLiteralExpression);
  if (holder === undefined || literal === undefined) return { problem: 'no longer returns an object literal, directly or through a variable declared with one', kind: 'wrong-kind' };
  return { literal, statement: holder.statement };
}

/** The object literal the function returns (findReturnedObject), or the anchor is missing. */
export function returnedLiteral(morph: TsMorph, fn: FunctionDeclaration, name: string, missing: Missing): ObjectLiteralExpression {
  const found = findReturnedObject(morph, fn);
  if ('problem' in found) return missing(`function ${name} ${found.problem}`, `to the object that ${name} returns`, found.kind);
  return found.literal;
}
