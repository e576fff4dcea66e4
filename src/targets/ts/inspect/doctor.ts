import fs from 'node:fs';
import path from 'node:path';
import type { Node, SourceFile } from 'ts-morph';
import { compareStrings } from '../../../tree/compare.js';
import type { Tree } from '../../../tree/tree.js';
import type { LayoutViolation } from '../../../target-contract/layout.js';
import { resolveModule, TsReader } from './source.js';

type TsMorph = TsReader['morph'];

const SOURCE_EXTENSIONS = ['.ts', '.mts', '.cts'];

/**
 * The dependency rule of the hexagon, checked on every relative import (static, re-export, dynamic
 * with a literal, `import x = require(...)`) of every TypeScript file under src/: domain imports
 * nothing of ours, port only domain, app only port and domain; only src/bootstrap and the entry points
 * at the top of src/ (main.ts, migrate.ts) import adapters (an adapter may import its own files);
 * nothing but src/bootstrap itself and src/main.ts imports src/bootstrap.
 */
export async function tsLayoutViolations(tree: Tree): Promise<{ violations: LayoutViolation[]; unparsable: string[] }> {
  const reader = await TsReader.open(tree);
  const violations: LayoutViolation[] = [];
  const unparsable: string[] = [];
  for (const file of sourceFiles(tree.root)) {
    const source = reader.source(file);
    if (source === null) continue;
    if (TsReader.hasParseErrors(source)) {
      unparsable.push(file);
      continue;
    }
    for (const specifier of moduleSpecifiers(reader.morph, source)) {
      const target = resolveModule(file, specifier);
      if (target === null || !within(target, 'src')) continue;
      const rule = brokenRule(file.slice('src/'.length), target.slice('src/'.length));
      if (rule !== null) violations.push({ file, imports: specifier, rule });
    }
  }
  return { violations, unparsable };
}

/** Layers under src/ and what each may import of the service's own code. */
const ALLOWED: Record<string, string[]> = {
  domain: ['domain'],
  port: ['domain', 'port'],
  app: ['domain', 'port', 'app'],
};

function brokenRule(file: string, imported: string): string | null {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    if (!within(file, layer)) continue;
    if (!allowed.some((dir) => within(imported, dir))) {
      return `src/${layer} may import only ${allowed.filter((dir) => dir !== layer).map((dir) => `src/${dir}`).join(' and ') || 'packages and node built-ins, nothing'} of this service`;
    }
    return null;
  }
  if (within(imported, 'bootstrap')) {
    if (within(file, 'bootstrap') || file === 'main.ts') return null;
    return 'only src/main.ts imports src/bootstrap';
  }
  if (within(imported, 'adapter')) {
    const adapter = imported.split('/').slice(0, 2).join('/');
    if (within(file, 'bootstrap') || !file.includes('/') || within(file, adapter)) return null;
    return 'only src/bootstrap and the entry points (src/main.ts) may import adapters';
  }
  return null;
}

function within(file: string, dir: string): boolean {
  return file === dir || file.startsWith(`${dir}/`);
}

/** Every module specifier the file names in an import, a re-export, an `import x = require(…)` or an `import('…')` with a literal. */
function moduleSpecifiers(morph: TsMorph, source: SourceFile): string[] {
  const specifiers: string[] = [];
  for (const declaration of source.getImportDeclarations()) specifiers.push(declaration.getModuleSpecifierValue());
  for (const declaration of source.getExportDeclarations()) {
    const value = declaration.getModuleSpecifierValue();
    if (value !== undefined) specifiers.push(value);
  }
  const visit = (node: Node): void => {
    if (morph.Node.isCallExpression(node) && node.getExpression().getKind() === morph.SyntaxKind.ImportKeyword) {
      const [first] = node.getArguments();
      if (first !== undefined && (morph.Node.isStringLiteral(first) || morph.Node.isNoSubstitutionTemplateLiteral(first))) specifiers.push(first.getLiteralValue());
    } else if (morph.Node.isExternalModuleReference(node)) {
      const expression = node.getExpression();
      if (expression !== undefined && morph.Node.isStringLiteral(expression)) specifiers.push(expression.getLiteralValue());
    }
    node.forEachChild(visit);
  };
  source.forEachChild(visit);
  return specifiers;
}

function sourceFiles(root: string): string[] {
  const base = path.join(root, 'src');
  if (!fs.existsSync(base)) return [];
  const files: string[] = [];
  for (const entry of fs.readdirSync(base, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('.d.ts') || !SOURCE_EXTENSIONS.some((extension) => entry.name.endsWith(extension))) continue;
    files.push(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
  }
  return files.sort(compareStrings);
}

/** `engines.node` of the service's package.json: the range, or why there is none. */
export function enginesNode(packageJson: string | undefined): { range: string } | { problem: string } {
  if (packageJson === undefined) return { problem: 'package.json is missing' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(packageJson);
  } catch (error) {
    return { problem: `package.json is not valid JSON: ${(error as Error).message}` };
  }
  const range = (parsed as { engines?: { node?: unknown } } | null)?.engines?.node;
  return typeof range === 'string' && range.trim() !== '' ? { range: range.trim() } : { problem: 'package.json has no engines.node' };
}

type Version = [number, number, number];

/**
 * Whether the Node version `version` (`v20.19.5`) satisfies the npm range `range`. Node versions are
 * plain x.y.z, so this understands what engines.node ranges use: `||` alternatives of space-separated
 * comparators (`>=`, `>`, `<=`, `<`, `=`, none), `^` and `~`, partial versions (`>=20.17`) and `x`/`*`
 * wildcards, and hyphen ranges (`20 - 22`). Null when the range is something else (the caller says so).
 */
export function satisfiesNodeRange(version: string, range: string): boolean | null {
  const current = parseVersion(version.replace(/^v/, ''));
  if (current === null || current.length < 3) return null;
  const have = current as Version;
  let any = false;
  for (const alternative of range.split('||')) {
    const comparators = alternative.trim().replace(/^\s*(\S+)\s+-\s+(\S+)\s*$/, '>=$1 <=$2').split(/\s+/).filter((part) => part !== '');
    if (comparators.length === 0) comparators.push('*');
    let all = true;
    for (const comparator of comparators) {
      const ok = satisfiesComparator(have, comparator);
      if (ok === null) return null;
      all &&= ok;
    }
    any ||= all;
  }
  return any;
}

function satisfiesComparator(have: Version, comparator: string): boolean | null {
  const match = /^(>=|<=|>|<|=|\^|~)?v?(.*)$/.exec(comparator);
  const operator = match?.[1] ?? '';
  const want = parseVersion(match?.[2] ?? '');
  if (want === null) return null;
  const given = want.length;
  const low: Version = [want[0] ?? 0, want[1] ?? 0, want[2] ?? 0];
  const cmp = compareVersions(have, low);
  // The first version past a partial one: `20.17` -> 20.18.0, `20` -> 21.0.0.
  const next = (): Version => (given === 0 ? [Infinity, 0, 0] : given === 1 ? [low[0] + 1, 0, 0] : given === 2 ? [low[0], low[1] + 1, 0] : [low[0], low[1], low[2] + 1]);
  switch (operator) {
    case '>=':
      return cmp >= 0;
    case '>':
      return given === 3 ? cmp > 0 : compareVersions(have, next()) >= 0;
    case '<':
      return cmp < 0;
    case '<=':
      return given === 3 ? cmp <= 0 : compareVersions(have, next()) < 0;
    case '^': {
      const upper: Version = low[0] > 0 || given === 1 ? [low[0] + 1, 0, 0] : low[1] > 0 || given === 2 ? [0, low[1] + 1, 0] : [0, 0, low[2] + 1];
      return cmp >= 0 && compareVersions(have, upper) < 0;
    }
    case '~': {
      const upper: Version = given <= 1 ? [low[0] + 1, 0, 0] : [low[0], low[1] + 1, 0];
      return cmp >= 0 && compareVersions(have, upper) < 0;
    }
    default:
      return given === 3 ? cmp === 0 : cmp >= 0 && compareVersions(have, next()) < 0;
  }
}

/** `20.17.0` -> [20, 17, 0]; `20.17` and `20.x` -> [20, 17] and [20] (the given parts); `*`/`x` -> []; null otherwise. */
function parseVersion(text: string): number[] | null {
  if (text === '*' || text === 'x' || text === 'X') return [];
  const parts = text.split('.');
  if (parts.length > 3) return null;
  const numbers: number[] = [];
  for (const part of parts) {
    if (part === 'x' || part === 'X' || part === '*') break;
    if (!/^\d+$/.test(part)) return null;
    numbers.push(Number(part));
  }
  return numbers;
}

function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] ?? 0) < (b[i] ?? 0) ? -1 : 1;
  return 0;
}
