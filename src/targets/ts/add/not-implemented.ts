import type { Tree } from '../../../tree/tree.js';
import type { TsEdit } from '../edit/edits.js';
import type { TsEditSession } from '../edit/session.js';

export const ERRORS_FILE = 'src/domain/errors.ts';
export const PROBLEM_FILE = 'src/adapter/http/problem.ts';
const ERROR = 'NotImplementedError';

const DECLARATION = `/** The work is not written yet: a use case generated as a skeleton answers this until it is. */
export class ${ERROR} extends Error {
  constructor(what: string) {
    super(\`\${what} is not implemented yet\`);
    this.name = '${ERROR}';
  }
}`;

/**
 * The domain error a skeleton use case fails with, in src/domain/errors.ts: services generated
 * before it existed get it on their first `svc add usecase`.
 */
export function ensureNotImplementedError(session: TsEditSession): void {
  const errors = session.source(ERRORS_FILE, DECLARATION);
  if (errors.getClass(ERROR) !== undefined) return;
  session.apply(ERRORS_FILE, [{ kind: 'top-level-statement', statement: DECLARATION, unlessPresent: `class ${ERROR}` }], DECLARATION);
}

/**
 * Its row in the one table from domain errors to HTTP statuses (problem.ts): 501, titled when the
 * titles table is there. Nothing to do when problem.ts names the error already, however it maps it.
 */
export function ensureNotImplementedProblem(session: TsEditSession, tree: Tree): void {
  if (!tree.exists(PROBLEM_FILE)) return;
  const problem = session.source(PROBLEM_FILE, '');
  const { SyntaxKind } = session.ts;
  const named = problem.getDescendantsOfKind(SyntaxKind.Identifier).some((identifier) => identifier.getText() === ERROR && identifier.getFirstAncestorByKind(SyntaxKind.ImportDeclaration) === undefined);
  if (named) return;
  // The module problem.ts imports the domain errors from, as it writes it.
  const module = problem.getImportDeclarations().find((declaration) => declaration.getModuleSpecifierValue().endsWith('/domain/errors.js'))?.getModuleSpecifierValue() ?? '../../domain/errors.js';
  const titles = problem.getVariableDeclaration('TITLES')?.getInitializer()?.isKind(SyntaxKind.ObjectLiteralExpression) === true;
  const edits: TsEdit[] = [
    { kind: 'named-import', module, name: ERROR },
    { kind: 'variable-element', variable: 'DOMAIN_ERRORS', element: `[${ERROR}, 501]` },
    ...(titles ? [{ kind: 'variable-property' as const, variable: 'TITLES', name: '501', initializer: "'Not Implemented'" }] : []),
  ];
  session.apply(PROBLEM_FILE, edits, `import { ${ERROR} } from '${module}';\n[${ERROR}, 501],   (in const DOMAIN_ERRORS, the table from domain errors to HTTP statuses)`);
}
