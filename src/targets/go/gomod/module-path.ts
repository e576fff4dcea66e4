import type { GoModSyntax } from './syntax.js';

/** The argument of the first single-line directive `verb` (`module`, `go`), unquoted; null without one. */
export function directiveArgument(syntax: GoModSyntax, verb: string): string | null {
  for (const statement of syntax.statements) {
    if (statement.kind !== 'line' || statement.tokens[0] !== verb) continue;
    const value = statement.tokens[1];
    if (value === undefined) return null;
    return value.startsWith('"') ? (JSON.parse(value) as string) : value;
  }
  return null;
}

/** The path of the `module` directive, or null when the file has none. */
export function modulePath(syntax: GoModSyntax): string | null {
  return directiveArgument(syntax, 'module');
}
