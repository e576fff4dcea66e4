import path from 'node:path';

/** One package of the module, as `go list` reports it. */
export interface GoPackage {
  importPath: string;
  /** Relative to the service root, `/`-separated; `.` for the root. */
  dir: string;
  /** Imports of the package, its tests and its external tests. */
  imports: string[];
}

/** The `go list -f` template whose lines `parsePackages` reads. */
export const LIST_FORMAT = '{{.ImportPath}}\t{{.Dir}}\t{{join .Imports " "}} {{join .TestImports " "}} {{join .XTestImports " "}}';

export function parsePackages(output: string, root: string): GoPackage[] {
  const packages: GoPackage[] = [];
  for (const line of output.split('\n')) {
    const [importPath, dir, imports] = line.split('\t');
    if (importPath === undefined || dir === undefined || importPath === '') continue;
    packages.push({ importPath, dir: path.relative(root, dir).split(path.sep).join('/') || '.', imports: (imports ?? '').split(' ').filter((entry) => entry !== '') });
  }
  return packages;
}

/**
 * The packages a change can break: those in the changed directories and, transitively, every
 * package (or test) that imports one of them. All of them when go.mod changed.
 */
export function affectedPackages(packages: readonly GoPackage[], changedDirs: ReadonlySet<string>, everything: boolean): GoPackage[] {
  if (everything) return [...packages];
  const changed = packages.filter((pkg) => changedDirs.has(pkg.dir));
  const importers = importersOf(packages, changed);
  return packages.filter((pkg) => changed.includes(pkg) || importers.has(pkg.importPath));
}

/**
 * The packages that import, directly or through other packages of `packages` (tests included),
 * one of `targets`.
 */
export function importersOf(packages: readonly GoPackage[], targets: readonly GoPackage[]): Set<string> {
  const reached = new Set(targets.map((pkg) => pkg.importPath));
  const importers = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const pkg of packages) {
      if (importers.has(pkg.importPath) || !pkg.imports.some((imported) => reached.has(imported))) continue;
      importers.add(pkg.importPath);
      reached.add(pkg.importPath);
      grew = true;
    }
  }
  return importers;
}
