import type { GoParser } from '../edit/parser.js';
import { compact } from './go-scope.js';
import { functionBody, readGo } from './syntax.js';

/**
 * The variable a function binds the result of `callee(…)` to in a short declaration
 * (`db, err := postgres.Open(ctx, cfg.Postgres)` gives `db` for `postgres.Open`), or null.
 */
export function openedVariable(parser: GoParser, file: string, text: string, func: string, callee: string): string | null {
  return readGo(parser, file, text, (doc) => {
    const body = functionBody(doc, func);
    for (const declaration of body?.descendantsOfType('short_var_declaration') ?? []) {
      const call = declaration?.childForFieldName('right')?.namedChildren[0];
      if (call?.type !== 'call_expression' || compact(call.childForFieldName('function')?.text ?? '') !== callee) continue;
      const first = declaration?.childForFieldName('left')?.namedChildren[0];
      if (first?.type === 'identifier' && first.text !== '_') return first.text;
    }
    return null;
  });
}
