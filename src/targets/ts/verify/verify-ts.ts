import fs from 'node:fs';
import path from 'node:path';
import type { Project, ts } from 'ts-morph';
import type { Change } from '../../../tree/change.js';
import type { VerifyOutcome } from '../../../verify/verifier.js';
import { loadTsMorph } from '../edit/session.js';
import { awaitsInstall, declaredPackages, describe, notInstalled, packageOf, type Found } from './diagnostics.js';
import { importersOf } from './importers.js';

const TS_FILE = /\.(c|m)?tsx?$/;

/**
 * Type-checks what an add changed with the service's tsconfig: the changed files as the add left
 * them, and the files that import them. Only diagnostics the change brings count (compared by file,
 * code and message with the same files as they are on disk), so a service with errors of its own,
 * or without node_modules, still verifies what the add did. Nothing is written: the files live in
 * a ts-morph project that is never saved.
 */
export async function verifyTs(serviceRoot: string, changes: readonly Change[]): Promise<VerifyOutcome> {
  const root = fs.realpathSync(serviceRoot);
  const abs = (file: string) => path.join(root, file);
  const changed = new Map(changes.filter((change) => TS_FILE.test(change.path)).map((change) => [abs(change.path), change.content]));
  if (changed.size === 0) return { status: 'ok' };
  const tsConfigFilePath = abs('tsconfig.json');
  if (!fs.existsSync(tsConfigFilePath)) return { status: 'skipped', reason: 'no tsconfig.json in the service root: the change was not type-checked' };

  const morph = await loadTsMorph();
  const project = new morph.Project({ tsConfigFilePath, skipAddingFilesFromTsConfig: true });
  const declared = declaredPackages(changes.find((change) => change.path === 'package.json')?.content ?? readOptional(abs('package.json')));
  const missing = notInstalled(root, declared);
  if (missing.length > 0) project.compilerOptions.set(withoutPackages(project.getCompilerOptions(), missing));
  const onDisk = configFileNames(morph.ts, tsConfigFilePath);
  const checked = [...changed.keys(), ...importersOf(morph.ts, onDisk, changed, project.getCompilerOptions())];

  for (const [file, text] of changed) project.createSourceFile(file, text, { overwrite: true });
  for (const file of checked) if (!changed.has(file)) project.addSourceFileAtPath(file);
  // A file that imports a package still to be installed has no types for what it uses: what the
  // checker would say about them is noise (`unknown` everywhere), so such files get syntax only.
  const syntaxOnly = new Set(checked.filter((file) => importsAnyOf(project, file, missing)));
  const after = diagnosticsOf(morph.ts, project, checked, root, syntaxOnly).filter((entry) => !awaitsInstall(entry.diagnostic, declared));
  const note =
    missing.length === 0
      ? undefined
      : `${missing.length} declared package(s) not installed (npm install): checked without their types${syntaxOnly.size === 0 ? '' : `, ${syntaxOnly.size} file(s) using them for syntax only`}`;
  if (after.length === 0) return { status: 'ok', ...(note === undefined ? {} : { note }) };

  // The same files as they are on disk: what remains after the subtraction is what the add brought.
  for (const file of changed.keys()) {
    const disk = readOptional(file);
    if (disk === undefined) project.getSourceFile(file)?.forget();
    else project.createSourceFile(file, disk, { overwrite: true });
  }
  const before = new Map<string, number>();
  for (const { found } of diagnosticsOf(morph.ts, project, checked.filter((file) => fs.existsSync(file)), root, syntaxOnly)) before.set(found.key, (before.get(found.key) ?? 0) + 1);
  const added = after.filter(({ found }) => {
    const count = before.get(found.key) ?? 0;
    if (count > 0) before.set(found.key, count - 1);
    return count === 0;
  });
  return added.length === 0 ? { status: 'ok', ...(note === undefined ? {} : { note }) } : { status: 'failed', messages: added.map(({ found }) => found.text) };
}

/**
 * Packages that are declared but not installed resolve to nothing (their imports are reported and
 * ignored, see awaitsInstall): callbacks they would type have untyped parameters, so noImplicitAny
 * is off; without @types/node the DOM library stands in for the web globals Node has
 * (AbortController, URL, fetch, console).
 */
function withoutPackages(options: ts.CompilerOptions, missing: readonly string[]): ts.CompilerOptions {
  const lib = options.lib;
  const needsDom = missing.includes('@types/node') && lib !== undefined && !lib.includes('lib.dom.d.ts');
  return { noImplicitAny: false, ...(needsDom ? { lib: [...lib, 'lib.dom.d.ts'] } : {}) };
}

function diagnosticsOf(morph: typeof ts, project: Project, files: readonly string[], root: string, syntaxOnly: ReadonlySet<string>): { diagnostic: ts.Diagnostic; found: Found }[] {
  const program = project.getProgram().compilerObject;
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...files.flatMap((file) => {
      const source = program.getSourceFile(file);
      if (source === undefined) return [];
      return [...program.getSyntacticDiagnostics(source), ...(syntaxOnly.has(file) ? [] : program.getSemanticDiagnostics(source))];
    }),
  ];
  return diagnostics.map((diagnostic) => ({ diagnostic, found: describe(morph, diagnostic, root) }));
}

/** Whether the file imports (or re-exports from) one of `packages`. */
function importsAnyOf(project: Project, file: string, packages: readonly string[]): boolean {
  if (packages.length === 0) return false;
  const source = project.getSourceFile(file);
  if (source === undefined) return false;
  const specifiers = [...source.getImportDeclarations(), ...source.getExportDeclarations()].map((declaration) => declaration.getModuleSpecifierValue());
  return specifiers.some((specifier) => {
    const name = specifier === undefined ? null : packageOf(specifier);
    return name !== null && name !== '@types/node' && packages.includes(name);
  });
}

/** The files the tsconfig includes, as they are on disk. */
function configFileNames(morph: typeof ts, tsConfigFilePath: string): string[] {
  const parsed = morph.getParsedCommandLineOfConfigFile(tsConfigFilePath, {}, { ...morph.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  return parsed?.fileNames ?? [];
}

function readOptional(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
