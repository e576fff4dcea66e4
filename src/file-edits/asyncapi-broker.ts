import { parseDocument } from 'yaml';
import { FailureError } from '../errors.js';
import type { Tree } from '../tree/tree.js';
import { hasEntry, precedingKeys } from './asyncapi-add-event.js';
import { isRecord } from './openapi-facts.js';
import { detectLayout } from './yaml-layout.js';
import { insertYamlEntry, type YamlPath } from './yaml-splice.js';

/** How a broker appears in an AsyncAPI 3 document: its server and the bindings AsyncAPI defines for it. */
export interface AsyncApiBroker {
  /** The key of its entry in `servers`. */
  server: string;
  /** The server object: host, protocol (nats, kafka, amqp), description. */
  value: Record<string, unknown>;
  /** The key of its bindings (`kafka`, `amqp`, `nats`): the binding's protocol. */
  binding: string;
  /** The binding of every channel, of every message, of every `send` and every `receive` operation, where the broker has one. */
  channel?: Record<string, unknown>;
  message?: Record<string, unknown>;
  send?: Record<string, unknown>;
  receive?: Record<string, unknown>;
}

/**
 * Documents the broker in the AsyncAPI 3 document `file`, when there is one: its entry in
 * `servers`, and its bindings on each channel, message and operation the document has. Entries
 * are spliced in as lines (insertYamlEntry) and an entry whose key is there already is the user's
 * and stays as it is, so every byte the user wrote stays and a second run changes nothing. Run it
 * after each change to the document's channels, so new ones get their bindings too.
 */
export function addAsyncApiBroker(tree: Tree, file: string, broker: AsyncApiBroker): void {
  const existing = tree.read(file);
  if (existing === undefined) return;
  let text = existing;
  // Each round adds one entry; a bound keeps a document the splice cannot satisfy from looping.
  for (let round = 0; round < 1000; round++) {
    const doc = parseDocument(text);
    if (doc.errors.length > 0) {
      throw new FailureError(`${file} does not parse as YAML (${doc.errors[0]?.message.split('\n')[0] ?? 'unknown error'}); nothing was changed`, 'fix the file and run the command again');
    }
    const api: unknown = doc.toJS();
    if (!isRecord(api)) throw new FailureError(`${file} is not a YAML mapping; nothing was changed`, 'fix the file and run the command again');
    const next = missingEntries(api, broker)[0];
    if (next === undefined) break;
    text = insertYamlEntry(file, text, next.path, next.key, next.value, doc, detectLayout(text, doc), precedingKeys(api, next.path)).text;
  }
  if (text !== existing) tree.merge(file, text);
}

/** The entries the document lacks, in the order they are added. */
function missingEntries(api: Record<string, unknown>, broker: AsyncApiBroker): { path: YamlPath; key: string; value: unknown }[] {
  const wanted: { path: YamlPath; key: string; value: unknown }[] = [{ path: ['servers'], key: broker.server, value: broker.value }];
  const bindings = (path: YamlPath, value: Record<string, unknown> | undefined) => {
    if (value !== undefined) wanted.push({ path: [...path, 'bindings'], key: broker.binding, value });
  };
  for (const channel of keysOf(api.channels)) bindings(['channels', channel], broker.channel);
  const components = isRecord(api.components) ? api.components : {};
  for (const message of keysOf(components.messages)) bindings(['components', 'messages', message], broker.message);
  const operations = isRecord(api.operations) ? api.operations : {};
  for (const operation of keysOf(operations)) {
    const action = isRecord(operations[operation]) ? operations[operation].action : undefined;
    bindings(['operations', operation], action === 'send' ? broker.send : action === 'receive' ? broker.receive : undefined);
  }
  return wanted.filter((entry) => !hasEntry(api, [...entry.path, entry.key]));
}

/**
 * The keys of a mapping whose values are written out here: a `$ref` in place of the object, or of
 * its bindings, points elsewhere, where the user keeps them.
 */
function keysOf(node: unknown): string[] {
  if (!isRecord(node)) return [];
  return Object.keys(node).filter((key) => {
    const value = node[key];
    return isRecord(value) && !('$ref' in value) && (value.bindings === undefined || (isRecord(value.bindings) && !('$ref' in value.bindings)));
  });
}
