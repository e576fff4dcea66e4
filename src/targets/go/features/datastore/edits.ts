import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
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

/** Edits a YAML file as a document (comments and layout kept); absent files are left alone. */
export function editYamlFile(tree: Tree, file: string, edit: (doc: Document) => void): void {
  const text = tree.read(file);
  if (text === undefined) return;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new FailureError(`${file} is not valid YAML: ${doc.errors[0]?.message ?? ''}`, `fix ${file} and run the command again`);
  }
  edit(doc);
  const after = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  if (after !== text) tree.merge(file, after);
}

/**
 * Adds `key: value` to the map at `path` (created when missing) unless the key is there, whatever
 * its value: a value the user changed stays. `comment` goes above the key, after a blank row when
 * `spaced`.
 */
export function addMapEntry(
  doc: Document,
  path: readonly (string | number)[],
  key: string,
  value: unknown,
  options: { comment?: string; spaced?: boolean; quoted?: boolean } = {},
): void {
  if (!doc.hasIn(path)) doc.setIn(path, doc.createNode({}));
  const map = doc.getIn(path, true);
  if (!isMap(map) || map.has(key)) return;
  const pair = doc.createPair(key, value);
  const keyNode = pair.key;
  if (isScalar(keyNode)) {
    if (options.comment !== undefined) keyNode.commentBefore = options.comment;
    if (options.spaced) keyNode.spaceBefore = true;
  }
  if (options.quoted && isScalar(pair.value)) pair.value.type = 'QUOTE_DOUBLE';
  map.items.push(pair);
}

/**
 * Double-quotes every string in the sequences of `node` (compose port mappings, volumes,
 * commands); sequences under the keys in `flow` are written on one row: `test: ["CMD", "x"]`.
 */
export function quoteSequences(node: unknown, flow: readonly string[] = ['test', 'command']): void {
  visit(node as Node, {
    Pair(_, pair) {
      if (isScalar(pair.key) && flow.includes(String(pair.key.value)) && isSeq(pair.value)) pair.value.flow = true;
    },
    Seq(_, seq) {
      for (const item of seq.items) if (isScalar(item) && typeof item.value === 'string') item.type = 'QUOTE_DOUBLE';
    },
  });
}

/** Appends `entry` to the `env` list of the container named `container` in a Deployment, unless its name is there. */
export function addContainerEnv(doc: Document, container: string, entry: { name: string } & Record<string, unknown>, comment?: string): void {
  const containers = doc.getIn(['spec', 'template', 'spec', 'containers'], true);
  if (!isSeq(containers)) return;
  const index = containers.items.findIndex((item) => isMap(item) && item.get('name') === container);
  if (index === -1) return;
  const envPath = ['spec', 'template', 'spec', 'containers', index, 'env'];
  if (!doc.hasIn(envPath)) doc.setIn(envPath, doc.createNode([]));
  const env = doc.getIn(envPath, true);
  if (!isSeq(env)) return;
  if (env.items.some((item) => isMap(item) && item.get('name') === entry.name)) return;
  const node = doc.createNode(entry);
  if (comment !== undefined) node.commentBefore = comment;
  env.items.push(node);
}

/**
 * Appends a block of lines to a text file (.env.example, README.md) unless its first line is
 * already there; separated from what precedes it by one blank line.
 */
export function appendTextBlock(tree: Tree, file: string, block: string): void {
  const text = tree.read(file);
  if (text === undefined) return;
  const first = block.split('\n')[0] ?? '';
  if (text.split('\n').some((line) => line === first)) return;
  tree.merge(file, `${text.replace(/\n*$/, '\n')}\n${block.replace(/\n*$/, '\n')}`);
}
