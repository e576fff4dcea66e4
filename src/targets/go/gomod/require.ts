import { compareStrings } from '../../../tree/compare.js';
import type { GoModSyntax, Line, LineBlock } from './syntax.js';

export interface ModuleVersion {
  path: string;
  version: string;
}

/** Every module path the file requires, directly or `// indirect`, in single lines and blocks. */
export function requiredModules(syntax: GoModSyntax): Set<string> {
  const paths = new Set<string>();
  for (const statement of syntax.statements) {
    if (statement.kind === 'line' && statement.tokens[0] === 'require' && statement.tokens[1] !== undefined) {
      paths.add(unquote(statement.tokens[1]));
    } else if (isRequireBlock(statement)) {
      for (const line of statement.lines) paths.add(unquote(line.tokens[0] as string));
    }
  }
  return paths;
}

/**
 * The text with each module not yet required added as a row of the first `require ( … )` block
 * that has rows, in sorted position (the order `go mod tidy` and our go.mod template give). With
 * no such block the rows go to the end of the file, in a new block, or on one `require` line when
 * there is one: the forms `go mod edit -fmt` gives them (it drops empty blocks and folds one-row
 * blocks into a line). Rows use the file's own line breaks.
 */
export function addRequirements(text: string, syntax: GoModSyntax, requirements: readonly ModuleVersion[]): string {
  const required = requiredModules(syntax);
  const wanted = new Map<string, ModuleVersion>();
  for (const requirement of requirements) if (!required.has(requirement.path) && !wanted.has(requirement.path)) wanted.set(requirement.path, requirement);
  const missing = [...wanted.values()].sort((a, b) => compareStrings(a.path, b.path));
  if (missing.length === 0) return text;
  const eol = lineBreakOf(text);
  const spec = (r: ModuleVersion) => `${autoQuote(r.path)} ${r.version}`;
  const block = syntax.statements.find((statement): statement is LineBlock => isRequireBlock(statement) && statement.lines.length > 0);
  if (block === undefined) {
    const lead = syntax.contentEnd === 0 ? '' : `${eol}${eol}`;
    const [only] = missing;
    const added = missing.length === 1 && only !== undefined ? `require ${spec(only)}` : `require (${eol}${missing.map((r) => `\t${spec(r)}${eol}`).join('')})`;
    return `${text.slice(0, syntax.contentEnd)}${lead}${added}${eol}`;
  }
  const inserts = new Map<number, string>();
  for (const requirement of missing) {
    const at = insertionPoint(text, block, requirement.path);
    inserts.set(at, `${inserts.get(at) ?? ''}\t${spec(requirement)}${eol}`);
  }
  let result = text;
  for (const [at, rows] of [...inserts].sort(([a], [b]) => b - a)) result = result.slice(0, at) + rows + result.slice(at);
  return result;
}

/**
 * Before the first row whose path sorts after `path`: right after the row before it (so a
 * comment or blank line that opens the next group stays with that group), or at the start of the
 * first row's own line when there is none before it.
 */
function insertionPoint(text: string, block: LineBlock, path: string): number {
  const next = block.lines.findIndex((line) => compareStrings(unquote(line.tokens[0] as string), path) > 0);
  const previous: Line | undefined = block.lines[(next === -1 ? block.lines.length : next) - 1];
  if (previous !== undefined) return previous.lineEnd;
  const first = block.lines[0] as Line;
  return text.lastIndexOf('\n', first.start.offset - 1) + 1;
}

function isRequireBlock(statement: GoModSyntax['statements'][number]): statement is LineBlock {
  return statement.kind === 'block' && statement.tokens.length === 1 && statement.tokens[0] === 'require';
}

/** `\r\n` when the file's first line ends so, else `\n`. */
function lineBreakOf(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/** A module path as modfile.AutoQuote writes it: quoted only when it must be (JSON's quoting is Go's for printable text). */
function autoQuote(path: string): string {
  const mustQuote =
    path === '' ||
    path.includes('//') ||
    path.includes('/*') ||
    [...path].some((char) => ' "\'`'.includes(char) || ('()[]{},'.includes(char) && path.length > 1) || !/^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(char));
  return mustQuote ? JSON.stringify(path) : path;
}

/**
 * A token as modfile reads a module path: a double-quoted string is unquoted, anything else is as
 * written. JSON's escapes cover what a module path can hold; a Go-only escape (`\x41`) leaves the
 * token as written, and the toolchain judges it.
 */
function unquote(token: string): string {
  if (!token.startsWith('"')) return token;
  try {
    return JSON.parse(token) as string;
  } catch {
    return token;
  }
}
