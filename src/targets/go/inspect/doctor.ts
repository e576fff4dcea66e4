import fs from 'node:fs';
import path from 'node:path';
import type { LayoutViolation } from '../../../target-contract/layout.js';
import { compareStrings } from '../../../tree/compare.js';
import type { GoParser } from '../edit/parser.js';
import { GoParseError } from '../edit/errors.js';
import { fileImports, readGo } from './syntax.js';
import { directiveArgument } from '../gomod/module-path.js';
import { parseGoMod } from '../gomod/parse.js';
import { GoModSyntaxError } from '../gomod/syntax.js';

/**
 * The dependency rule of the hexagon, checked on every import of every Go file: domain imports
 * nothing of ours, port only domain, app only port and domain, and only bootstrap and cmd (and an
 * adapter's own tests) import adapters.
 */
export function layoutViolations(parser: GoParser, root: string, module: string): { violations: LayoutViolation[]; unparsable: string[] } {
  const violations: LayoutViolation[] = [];
  const unparsable: string[] = [];
  for (const file of goFiles(root)) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    let imports: string[];
    try {
      imports = readGo(parser, file, text, (doc) => fileImports(doc).map((entry) => entry.path));
    } catch (error) {
      if (error instanceof GoParseError) {
        unparsable.push(file);
        continue;
      }
      throw error;
    }
    for (const imported of imports) {
      if (imported !== module && !imported.startsWith(`${module}/`)) continue;
      const rule = brokenRule(file, imported.slice(module.length + 1));
      if (rule !== null) violations.push({ file, imports: imported, rule });
    }
  }
  return { violations, unparsable };
}

const ALLOWED: Record<string, string[]> = {
  'internal/domain': ['internal/domain'],
  'internal/port': ['internal/domain', 'internal/port'],
  'internal/app': ['internal/domain', 'internal/port', 'internal/app'],
};

function brokenRule(file: string, imported: string): string | null {
  for (const [layer, allowed] of Object.entries(ALLOWED)) {
    if (!within(file, layer)) continue;
    if (!allowed.some((dir) => within(imported, dir))) {
      return `${layer} may import only ${allowed.filter((dir) => dir !== layer).join(' and ') || 'the standard library'} of this module`;
    }
    return null;
  }
  if (within(imported, 'internal/adapter')) {
    const adapter = imported.split('/').slice(0, 3).join('/');
    if (within(file, 'internal/bootstrap') || within(file, 'cmd') || within(file, adapter)) return null;
    return 'only internal/bootstrap and cmd may import adapters';
  }
  return null;
}

function within(file: string, dir: string): boolean {
  return file === dir || file.startsWith(`${dir}/`);
}

function goFiles(root: string): string[] {
  const files: string[] = [];
  for (const top of ['cmd', 'internal']) {
    const base = path.join(root, top);
    if (!fs.existsSync(base)) continue;
    for (const entry of fs.readdirSync(base, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.go')) continue;
      files.push(path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    }
  }
  return files.sort(compareStrings);
}

/** Compares Go versions like `1.26.0`, `1.26`, `go1.26.8`, `1.27rc1`. */
export function compareGoVersions(a: string, b: string): number {
  const parse = (v: string) => v.replace(/^go/, '').split(/[.a-z]/).map((part) => Number.parseInt(part, 10) || 0);
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) {
    const diff = (x[i] ?? 0) - (y[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** The `go` directive of go.mod (go.mod is not Go source: a line-based read is its grammar). */
export function goDirective(goMod: string): string | null {
  try {
    return directiveArgument(parseGoMod(goMod), 'go');
  } catch (error) {
    if (error instanceof GoModSyntaxError) return null;
    throw error;
  }
}
