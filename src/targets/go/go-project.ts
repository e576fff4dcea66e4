import { FailureError } from '../../errors.js';
import type { Project } from '../../project/load-project.js';
import { modulePath } from './gomod/module-path.js';
import { parseGoMod } from './gomod/parse.js';
import { GoModSyntaxError } from './gomod/syntax.js';

/**
 * Makes go.mod's module path the one every Go add and inspection uses. Teams rename modules
 * (example.com/orders → github.com/acme/orders) without telling svc.json; imports written with the
 * old path would not compile. svc.json records the new path with the next add.
 */
export function useGoModulePath(project: Project): void {
  const text = project.tree.read('go.mod');
  if (text === undefined) return;
  let module: string | null;
  try {
    module = modulePath(parseGoMod(text));
  } catch (error) {
    if (!(error instanceof GoModSyntaxError)) throw error;
    throw new FailureError(`go.mod does not parse: ${error.message}`, 'fix go.mod (go mod edit -fmt reports the same error), then run the command again');
  }
  if (module === null || module === project.spec.module) return;
  project.spec = { ...project.spec, module };
  project.manifest = { ...project.manifest, module };
}
