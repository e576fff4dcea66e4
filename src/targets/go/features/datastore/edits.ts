import { FailureError } from '../../../../errors.js';
import type { Tree } from '../../../../tree/tree.js';
import { compareStrings } from '../../../../tree/compare.js';
import { applyGoEdits, loadGoParser, type GoEdit } from '../../edit/index.js';
import type { GoRequirement } from '../../go-modules.js';

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
  }
}

/**
 * Adds direct requirements to go.mod as `go mod edit -require` would, into the first
 * `require (…)` block in sorted position, so the result is what the go.mod template renders
 * for the same set. A module already required (directly or indirectly, at any version) is left
 * to the toolchain: `go mod tidy` settles it.
 */
export function addGoRequirements(tree: Tree, requirements: readonly GoRequirement[]): void {
  const text = tree.read('go.mod');
  if (text === undefined) throw new FailureError('go.mod is missing', 'run svc in the root of a Go service made by create-service');
  const lines = text.split('\n');
  const required = new Set<string>();
  let blockStart = -1;
  let blockEnd = -1;
  let inBlock = false;
  lines.forEach((line, index) => {
    const trimmed = line.trim();
    if (!inBlock && /^require\s*\($/.test(trimmed)) {
      inBlock = true;
      if (blockStart === -1) blockStart = index;
      return;
    }
    if (inBlock && trimmed === ')') {
      inBlock = false;
      if (blockEnd === -1) blockEnd = index;
      return;
    }
    const spec = inBlock ? trimmed : trimmed.startsWith('require ') ? trimmed.slice('require '.length).trim() : '';
    const modulePath = spec.split(/\s+/)[0];
    if (spec !== '' && !spec.startsWith('//') && modulePath !== undefined) required.add(modulePath);
  });
  const missing = requirements.filter((requirement) => !required.has(requirement.path));
  if (missing.length === 0) return;
  if (blockStart === -1) {
    const block = ['require (', ...missing.map((r) => `\t${r.path} ${r.version}`), ')'];
    tree.merge('go.mod', `${text.replace(/\n*$/, '\n')}\n${block.join('\n')}\n`);
    return;
  }
  const body = lines.slice(blockStart + 1, blockEnd);
  for (const requirement of missing) {
    const row = `\t${requirement.path} ${requirement.version}`;
    const at = body.findIndex((line) => compareStrings(line.trim().split(/\s+/)[0] ?? '', requirement.path) > 0);
    body.splice(at === -1 ? body.length : at, 0, row);
  }
  tree.merge('go.mod', [...lines.slice(0, blockStart + 1), ...body, ...lines.slice(blockEnd)].join('\n'));
}
