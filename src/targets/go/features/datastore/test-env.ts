import type { Tree } from '../../../../tree/tree.js';
import { AnchorNotFoundError, loadGoParser, type GoEdit } from '../../edit/index.js';
import { bindImport, packageLevelNames, paramOfType, readFunctionFacts } from '../../inspect/go-scope.js';
import { CONFIG_TEST_FILE } from './context.js';
import { editGoFile } from './edits.js';

/** A valid value for a required variable in the map of `requiredVars` (config_test.go), unless the key is there. */
export async function addRequiredVar(tree: Tree, key: string, value: string): Promise<void> {
  if (!tree.exists(CONFIG_TEST_FILE)) return;
  await editGoFile(tree, CONFIG_TEST_FILE, [{ kind: 'keyed-element', func: 'requiredVars', type: 'map[string]string', key: JSON.stringify(key), value: JSON.stringify(value) }]);
}

/**
 * Variables of the environment map of TestEndToEnd (cmd/<name>/e2e_test.go), valued by a test
 * helper package (postgrestest, redistest) called with the test's own `*testing.T`, and that
 * package imported under a name free in the file. Keys already in the map are left alone.
 */
export async function addEndToEndVars(
  tree: Tree,
  name: string,
  helper: { path: string; name: string },
  vars: readonly { key: string; call: (pkg: string, t: string) => string }[],
): Promise<void> {
  const file = `cmd/${name}/e2e_test.go`;
  const text = tree.read(file);
  if (text === undefined) return;
  const parser = await loadGoParser();
  const facts = readFunctionFacts(parser, file, text, 'TestEndToEnd');
  let pkg = helper.name;
  let t = 't';
  let importEdit: GoEdit | null = { kind: 'import', path: helper.path };
  if (facts !== null) {
    const testing = facts.imports.find((entry) => entry.path === 'testing')?.name ?? 'testing';
    const param = paramOfType(facts.params, `*${testing}.T`);
    const binding = bindImport(facts.imports, helper.path, helper.name, [`${helper.name}env`], new Set([...facts.mentioned, ...packageLevelNames(parser, tree, `cmd/${name}`, facts.pkg)]));
    pkg = binding.name;
    if (param === null) {
      throw new AnchorNotFoundError(file, {
        problem: 'missing',
        reason: 'TestEndToEnd has no *testing.T parameter to hand to the test helpers',
        where: 'in the environment map of TestEndToEnd',
        manualSnippet: vars.map((entry) => `${JSON.stringify(entry.key)}: ${entry.call(pkg, t)},`).join('\n'),
      });
    }
    t = param;
    importEdit = binding.imported ? null : { kind: 'import', path: helper.path, ...(binding.alias === undefined ? {} : { alias: binding.alias }) };
  }
  const entries: GoEdit[] = vars.map((entry) => ({ kind: 'keyed-element', func: 'TestEndToEnd', type: 'map[string]string', key: JSON.stringify(entry.key), value: entry.call(pkg, t) }));
  await editGoFile(tree, file, entries);
  // The helper is imported only when a value calls it: keys the user set already need no import.
  if (importEdit !== null && tree.read(file) !== text) await editGoFile(tree, file, [importEdit]);
}
