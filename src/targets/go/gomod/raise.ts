import type { GoModSyntax, Line } from './syntax.js';
import type { ModuleVersion } from './require.js';

/**
 * The text with every requirement of a listed module that names a lower version raised to the
 * listed one (the version token only: its comment, such as `// indirect`, is the toolchain's to
 * settle with go mod tidy). What `go get module@version` does to go.mod when no other module asks
 * for more, so a feature added to a service pins what creating with it pins.
 */
export function raiseRequirements(text: string, syntax: GoModSyntax, requirements: readonly ModuleVersion[]): string {
  const wanted = new Map(requirements.map((requirement) => [requirement.path, requirement.version]));
  const edits: { at: number; end: number; version: string }[] = [];
  for (const line of requireLines(syntax)) {
    const [path, version] = line.inBlock ? line.tokens : line.tokens.slice(1);
    const target = path === undefined ? undefined : wanted.get(path);
    if (target === undefined || version === undefined || compareGoVersions(version, target) >= 0) continue;
    const at = text.lastIndexOf(version, line.end.offset);
    if (at < line.start.offset) continue;
    edits.push({ at, end: at + version.length, version: target });
  }
  let result = text;
  for (const edit of edits.sort((a, b) => b.at - a.at)) result = result.slice(0, edit.at) + edit.version + result.slice(edit.end);
  return result;
}

function requireLines(syntax: GoModSyntax): Line[] {
  const lines: Line[] = [];
  for (const statement of syntax.statements) {
    if (statement.kind === 'line' && statement.tokens[0] === 'require') lines.push(statement);
    else if (statement.kind === 'block' && statement.tokens.length === 1 && statement.tokens[0] === 'require') lines.push(...statement.lines);
  }
  return lines;
}

/** Semantic version order of Go module versions (vMAJOR.MINOR.PATCH[-pre][+build]); pseudo-versions are pre-releases. */
export function compareGoVersions(a: string, b: string): number {
  const parse = (version: string) => {
    const withoutBuild = version.replace(/^v/, '').split('+')[0] ?? '';
    const dash = withoutBuild.indexOf('-');
    const core = dash === -1 ? withoutBuild : withoutBuild.slice(0, dash);
    const pre = dash === -1 ? undefined : withoutBuild.slice(dash + 1);
    return { numbers: core.split('.').map(Number), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const diff = (x.numbers[i] ?? 0) - (y.numbers[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (x.pre === undefined || y.pre === undefined) return x.pre === y.pre ? 0 : x.pre === undefined ? 1 : -1;
  const left = x.pre.split('.');
  const right = y.pre.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const l = left[i];
    const r = right[i];
    if (l === undefined || r === undefined) return l === undefined ? -1 : 1;
    if (l === r) continue;
    const numeric = /^\d+$/.test(l) && /^\d+$/.test(r);
    if (numeric) return Math.sign(Number(l) - Number(r));
    if (/^\d+$/.test(l) !== /^\d+$/.test(r)) return /^\d+$/.test(l) ? -1 : 1;
    return l < r ? -1 : 1;
  }
  return 0;
}
