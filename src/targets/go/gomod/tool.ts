import { compareStrings } from '../../../tree/compare.js';
import type { GoModSyntax, LineBlock } from './syntax.js';

/** Every package the file names in `tool` lines and blocks. */
export function declaredTools(syntax: GoModSyntax): Set<string> {
  const tools = new Set<string>();
  for (const statement of syntax.statements) {
    if (statement.kind === 'line' && statement.tokens[0] === 'tool' && statement.tokens[1] !== undefined) tools.add(statement.tokens[1]);
    else if (isToolBlock(statement)) for (const line of statement.lines) tools.add(line.tokens[0] as string);
  }
  return tools;
}

/**
 * The text with each tool package not yet declared added: as rows of the first `tool ( … )` block,
 * in sorted position, or at the end of the file in a new block (one `tool` line for one package),
 * the forms `go get -tool` and `go mod edit -fmt` give. Rows use the file's own line breaks.
 */
export function addTools(text: string, syntax: GoModSyntax, packages: readonly string[]): string {
  const declared = declaredTools(syntax);
  const missing = [...new Set(packages)].filter((pkg) => !declared.has(pkg)).sort(compareStrings);
  if (missing.length === 0) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const block = syntax.statements.find((statement): statement is LineBlock => isToolBlock(statement) && statement.lines.length > 0);
  if (block === undefined) {
    const [only] = missing;
    const added = missing.length === 1 && only !== undefined ? `tool ${only}` : `tool (${eol}${missing.map((pkg) => `\t${pkg}${eol}`).join('')})`;
    return `${text.slice(0, syntax.contentEnd)}${eol}${eol}${added}${eol}`;
  }
  let result = text;
  for (const pkg of [...missing].reverse()) {
    const next = block.lines.find((line) => compareStrings(line.tokens[0] as string, pkg) > 0);
    const at = next === undefined ? (block.lines.at(-1)?.lineEnd ?? 0) : result.lastIndexOf('\n', next.start.offset - 1) + 1;
    result = result.slice(0, at) + `\t${pkg}${eol}` + result.slice(at);
  }
  return result;
}

function isToolBlock(statement: GoModSyntax['statements'][number]): statement is LineBlock {
  return statement.kind === 'block' && statement.tokens.length === 1 && statement.tokens[0] === 'tool';
}
