import type { Tree } from '../../../tree/tree.js';
import { BOOTSTRAP_DIR, goFilesIn } from '../add/go-files.js';
import type { GoParser } from '../edit/parser.js';
import { calleesIn, importNameOf } from './go-scope.js';
import { fileImports, readGo } from './syntax.js';

/** What a service has of an outbound adapter package such as internal/adapter/postgres. */
export interface AdapterFacts {
  /** The package directory, e.g. `internal/adapter/postgres`. */
  dir: string;
  /** True when the directory holds a non-test Go file. */
  package: boolean;
  /** The bootstrap file that calls the package's `Open` (under whatever name it imports it), or null. */
  openedIn: string | null;
}

/**
 * Reads whether the adapter `store` is part of the service from facts, not text: its package
 * exists, and the composition root opens it (`<name>.Open(…)` where `<name>` is how that file
 * imports `<module>/internal/adapter/<store>`), whatever the user changed around the call.
 */
export function readAdapterFacts(parser: GoParser, tree: Tree, module: string, store: string): AdapterFacts {
  const dir = `internal/adapter/${store}`;
  const path = `${module}/${dir}`;
  const hasPackage = goFilesIn(tree, dir).some((file) => !file.endsWith('_test.go'));
  let openedIn: string | null = null;
  for (const file of goFilesIn(tree, BOOTSTRAP_DIR)) {
    if (file.endsWith('_test.go')) continue;
    const text = tree.read(file) ?? '';
    if (!text.includes(`"${path}"`)) continue;
    const opens = readGo(parser, file, text, (doc) => {
      const name = importNameOf(fileImports(doc), path);
      return name !== null && calleesIn(doc.root).includes(`${name}.Open`);
    });
    if (opens) {
      openedIn = file;
      break;
    }
  }
  return { dir, package: hasPackage, openedIn };
}
