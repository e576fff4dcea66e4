import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import type { ts } from 'ts-morph';

type Ts = typeof ts;

export interface Found {
  /** file, code and message: what "the same diagnostic" means before and after, positions aside. */
  key: string;
  /** `file:line:col: error TS2322: message`, the file relative to the service root. */
  text: string;
}

export function describe(morph: Ts, diagnostic: ts.Diagnostic, root: string): Found {
  const message = morph.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  const file = diagnostic.file === undefined ? '' : path.relative(root, diagnostic.file.fileName).split(path.sep).join('/');
  const where =
    diagnostic.file === undefined || diagnostic.start === undefined
      ? file
      : (() => {
          const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
          return `${file}:${line + 1}:${character + 1}`;
        })();
  return { key: `${file}\0${withoutSuggestion(diagnostic.code, message)}`, text: `${where === '' ? '' : `${where}: `}error TS${diagnostic.code}: ${message}` };
}

// "… Did you mean 'x'?" variants of a diagnostic, and the code of the plain one.
const SUGGESTING = new Map([
  [2552, 2304], // Cannot find name 'a'. Did you mean 'b'?
  [2551, 2339], // Property 'a' does not exist on type 'T'. Did you mean 'b'?
]);

/**
 * The suggestion depends on the names in scope, which an add changes (it adds some): a user's
 * `Cannot find name 'Ordr'` must stay the same diagnostic when the add brings `Order` into scope.
 */
function withoutSuggestion(code: number, message: string): string {
  const plain = SUGGESTING.get(code);
  if (plain === undefined) return `${code}\0${message}`;
  return `${plain}\0${message.split(' Did you mean ')[0] ?? message}`;
}

// Cannot find module (2307, 2792) / its declaration file (7016) / to augment (2664); cannot find type definitions (2688);
// "Cannot find name 'process' (or 'describe'). Do you need to install type definitions…" (2580-2582, 2591-2593).
const MODULE_NOT_FOUND = new Set([2307, 2792, 7016, 2664]);
const TYPES_NOT_INSTALLED = new Map([
  [2688, '@types/node'],
  [2580, '@types/node'],
  [2591, '@types/node'],
]);

/**
 * A diagnostic that says a package is not installed yet, for a package the service declares:
 * the state of node_modules (`--no-install`, or an add whose `npm install` runs after the commit),
 * not of the code. A module that package.json does not declare is a real error.
 */
export function awaitsInstall(diagnostic: ts.Diagnostic, declared: ReadonlySet<string>): boolean {
  const needs = TYPES_NOT_INSTALLED.get(diagnostic.code);
  if (needs !== undefined) return declared.has(needs);
  if (!MODULE_NOT_FOUND.has(diagnostic.code) || diagnostic.file === undefined || diagnostic.start === undefined || diagnostic.length === undefined) return false;
  const specifier = diagnostic.file.text.slice(diagnostic.start + 1, diagnostic.start + diagnostic.length - 1);
  const name = packageOf(specifier);
  return name !== null && declared.has(name);
}

/** The package an import specifier names (`@types/node` for node's own modules), or null for a relative one. */
export function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('/')) return null;
  if (specifier.startsWith('node:') || builtinModules.includes(specifier)) return '@types/node';
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/** The declared packages that no node_modules folder, in the service or above it, holds. */
export function notInstalled(root: string, declared: ReadonlySet<string>): string[] {
  const folders: string[] = [];
  for (let dir = root; ; dir = path.dirname(dir)) {
    folders.push(path.join(dir, 'node_modules'));
    if (path.dirname(dir) === dir) break;
  }
  return [...declared].filter((name) => !folders.some((folder) => fs.existsSync(path.join(folder, name, 'package.json'))));
}

/** Every package name package.json declares, in any dependency section. */
export function declaredPackages(packageJson: string | undefined): Set<string> {
  if (packageJson === undefined) return new Set();
  try {
    const manifest = JSON.parse(packageJson) as Record<string, unknown>;
    return new Set(
      ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'].flatMap((section) => {
        const entries = manifest[section];
        return typeof entries === 'object' && entries !== null ? Object.keys(entries) : [];
      }),
    );
  } catch {
    return new Set();
  }
}
