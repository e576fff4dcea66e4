import { FailureError } from '../../../../errors.js';
import { compareStrings } from '../../../../tree/compare.js';
import type { Tree } from '../../../../tree/tree.js';

const FILE = 'package.json';
type PackageJson = Record<string, unknown>;

/**
 * Edits package.json as JSON (npm writes it the same way: two spaces, a final newline). Entries
 * already there keep their value, so a version the user moved stays where they put it.
 */
function editPackageJson(tree: Tree, edit: (manifest: PackageJson) => void): void {
  const text = tree.read(FILE);
  if (text === undefined) throw new FailureError(`${FILE} is missing`, 'run svc in the root of a TypeScript service made by create-service');
  let manifest: PackageJson;
  try {
    manifest = JSON.parse(text) as PackageJson;
  } catch (error) {
    throw new FailureError(`${FILE} is not valid JSON: ${(error as Error).message}`, `fix ${FILE} and run the command again`);
  }
  edit(manifest);
  const after = `${JSON.stringify(manifest, null, 2)}\n`;
  if (after !== text) tree.merge(FILE, after);
}

/** Adds the packages to `dependencies` / `devDependencies`, keeping each section sorted as npm does. */
export function addNpmPackages(tree: Tree, packages: { dependencies: Readonly<Record<string, string>>; devDependencies: Readonly<Record<string, string>> }): void {
  editPackageJson(tree, (manifest) => {
    for (const section of ['dependencies', 'devDependencies'] as const) {
      const wanted = Object.entries(packages[section]);
      if (wanted.length === 0) continue;
      const current = (manifest[section] ?? {}) as Record<string, string>;
      const merged = { ...Object.fromEntries(wanted), ...current };
      manifest[section] = Object.fromEntries(Object.entries(merged).sort(([a], [b]) => compareStrings(a, b)));
    }
  });
}

/** Adds `npm run <name>` right after the script `after` (or last), unless a script of that name exists. */
export function addNpmScript(tree: Tree, name: string, command: string, after: string): void {
  editPackageJson(tree, (manifest) => {
    const scripts = (manifest.scripts ?? {}) as Record<string, string>;
    if (name in scripts) return;
    const entries = Object.entries(scripts);
    const at = entries.findIndex(([key]) => key === after);
    entries.splice(at === -1 ? entries.length : at + 1, 0, [name, command]);
    manifest.scripts = Object.fromEntries(entries);
  });
}
