import { isMap, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml';
import { FailureError } from '../errors.js';
import type { Tree } from '../tree/tree.js';

/** Edits a YAML file as a document (comments and layout kept); absent files are left alone. */
export function editYamlFile(tree: Tree, file: string, edit: (doc: Document) => void): void {
  const text = tree.read(file);
  if (text === undefined) return;
  const doc = parseDocument(text);
  if (doc.errors.length > 0) {
    throw new FailureError(`${file} is not valid YAML: ${doc.errors[0]?.message ?? ''}`, `fix ${file} and run the command again`);
  }
  edit(doc);
  moveBlankLinesOffEmptyValues(doc);
  const after = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  if (after !== text) tree.merge(file, after);
}

/**
 * yaml 2.8 parses the blank row after a key without a value (`workflow_dispatch:`) as a space
 * before that empty value and prints it twice. The blank row belongs before the next key in
 * document order: move it there, so an edit never adds a blank row the user did not write.
 */
function moveBlankLinesOffEmptyValues(doc: Document): void {
  let pending = false;
  visit(doc, {
    Pair(_, pair) {
      if (pending && isScalar(pair.key)) {
        pair.key.spaceBefore = true;
        pending = false;
      }
      if (isScalar(pair.value) && pair.value.value === null && pair.value.source === '' && pair.value.spaceBefore === true) {
        pair.value.spaceBefore = false;
        pending = true;
      }
    },
  });
}

/**
 * Adds `key: value` to the map at `path` (created when missing) unless the key is there, whatever
 * its value: a value the user changed stays. `comment` goes above the key, after a blank row when
 * `spaced`; the entry goes last, or before the key `before` when the map has it.
 */
export function addMapEntry(
  doc: Document,
  path: readonly (string | number)[],
  key: string,
  value: unknown,
  options: { comment?: string; spaced?: boolean; quoted?: boolean; before?: string } = {},
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
  const at = options.before === undefined ? -1 : map.items.findIndex((item) => isScalar(item.key) && item.key.value === options.before);
  if (at === -1) map.items.push(pair);
  else map.items.splice(at, 0, pair);
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
