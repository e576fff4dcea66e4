import { FailureError } from '../../../../errors.js';
import type { Tree } from '../../../../tree/tree.js';
import { applyGoEdits, loadGoParser, type GoEdit } from '../../edit/index.js';
import type { GoRequirement } from '../../go-modules.js';
import { parseGoMod } from '../../gomod/parse.js';
import { addRequirements } from '../../gomod/require.js';
import { addTools } from '../../gomod/tool.js';
import { raiseRequirements } from '../../gomod/raise.js';
import { GoModSyntaxError, type GoModSyntax } from '../../gomod/syntax.js';

/**
 * Applies syntax-aware edits to a Go file of the tree (a merge: the user's lines are kept).
 * A file that is gone is reported with what to add by hand; nothing is written then.
 */
export async function editGoFile(tree: Tree, file: string, edits: readonly GoEdit[]): Promise<void> {
  const text = tree.read(file);
  if (text === undefined) {
    throw new FailureError(
      `${file} is missing, so it cannot be wired: ${edits.map(describeEdit).join('; ')}`,
      `restore ${file} (git checkout -- ${file}) or make these changes where the code now lives, then run the command again`,
    );
  }
  const parser = await loadGoParser();
  const outcome = applyGoEdits(parser, { file, text }, edits);
  if (outcome.changed) tree.merge(file, outcome.after);
}

function describeEdit(edit: GoEdit): string {
  switch (edit.kind) {
    case 'import':
      return `import ${edit.path}`;
    case 'struct-field':
      return `add field ${edit.field} to ${edit.struct}`;
    case 'keyed-element':
      return `add ${edit.key}: ${edit.value} to the ${edit.type}{…} literal of ${edit.func}`;
    case 'set-keyed-value':
      return `set ${edit.key}: ${edit.value} in the ${edit.type}{…} literal of ${edit.func}`;
    case 'interface-method':
      return `add ${edit.spec} to ${edit.iface}`;
    case 'statement':
      return `add \`${edit.statement.split('\n')[0] ?? ''}\` to ${edit.func}`;
    case 'top-level-decl':
      return 'add a declaration';
    case 'remove-unused-import':
      return `remove the import ${edit.path} once unused`;
    case 'var-spec':
      return `add \`${edit.spec.split('\n').at(-1) ?? ''}\` beside ${edit.besides}`;
    case 'var-element':
      return `add ${edit.element} to the literal of ${edit.variable}`;
    case 'call-arguments':
      return `pass ${edit.arguments.join(', ')} to ${edit.callee}`;
    case 'parameter':
      return `add the parameter ${edit.parameter} to ${edit.func}`;
  }
}

/**
 * Adds direct requirements to go.mod through its syntax tree (src/targets/go/gomod/), into the
 * first `require (…)` block in sorted position, so the result is what the go.mod template renders
 * for the same set; at the end when there is no such block (a block, or one line for one module,
 * as `go mod edit -fmt` writes them). A module already required (directly or indirectly, at any
 * version) is left to the toolchain: `go mod tidy` settles it. A go.mod that does not parse is
 * refused (exit 1) with the error go would print.
 */
export function addGoRequirements(tree: Tree, requirements: readonly GoRequirement[]): void {
  const text = tree.read('go.mod');
  if (text === undefined) throw new FailureError('go.mod is missing', 'run svc in the root of a Go service made by create-service');
  let syntax: GoModSyntax;
  try {
    syntax = parseGoMod(text);
  } catch (error) {
    if (!(error instanceof GoModSyntaxError)) throw error;
    throw new FailureError(`go.mod does not parse, so no requirement was added: ${error.message}`, 'fix go.mod (go mod edit -fmt reports the same error), then run the command again');
  }
  const edited = addRequirements(text, syntax, requirements);
  if (edited !== text) tree.merge('go.mod', edited);
}

/**
 * Raises requirements go.mod names at a lower version (an indirect one, typically) to the pinned
 * ones (gomod/raise.ts), then adds the missing ones (addGoRequirements): after go mod tidy the
 * service links what creating it with the feature links.
 */
export function requireAtLeast(tree: Tree, requirements: readonly GoRequirement[]): void {
  const text = tree.read('go.mod');
  if (text !== undefined) {
    let syntax: GoModSyntax | undefined;
    try {
      syntax = parseGoMod(text);
    } catch (error) {
      if (!(error instanceof GoModSyntaxError)) throw error;
    }
    if (syntax !== undefined) {
      const raised = raiseRequirements(text, syntax, requirements);
      if (raised !== text) tree.merge('go.mod', raised);
    }
  }
  addGoRequirements(tree, requirements);
}

/** Adds `tool` directives to go.mod through its syntax tree (gomod/tool.ts); a go.mod that does not parse is refused (exit 1). */
export function addGoTools(tree: Tree, packages: readonly string[]): void {
  const text = tree.read('go.mod');
  if (text === undefined) throw new FailureError('go.mod is missing', 'run svc in the root of a Go service made by create-service');
  let syntax: GoModSyntax;
  try {
    syntax = parseGoMod(text);
  } catch (error) {
    if (!(error instanceof GoModSyntaxError)) throw error;
    throw new FailureError(`go.mod does not parse, so no tool was added: ${error.message}`, 'fix go.mod (go mod edit -fmt reports the same error), then run the command again');
  }
  const edited = addTools(text, syntax, packages);
  if (edited !== text) tree.merge('go.mod', edited);
}
