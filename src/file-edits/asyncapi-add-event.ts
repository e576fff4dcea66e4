import { parseDocument } from 'yaml';
import { FailureError } from '../errors.js';
import type { Tree } from '../tree/tree.js';
import { isRecord } from './openapi-facts.js';
import { detectLayout } from './yaml-layout.js';
import { insertYamlEntry, type YamlPath } from './yaml-splice.js';

export const ASYNCAPI_FILE = 'api/asyncapi.yaml';

export interface NewEvent {
  /** The service's name (kebab case): the title of a new document. */
  serviceName: string;
  /** `order.shipped`: the channel's key and address, the message's name. */
  type: string;
  /** `OrderShipped`: the message's and the payload schema's key in components. */
  pascal: string;
  /** `order shipped`: prose. */
  words: string;
  schemaVersion: number;
  /** The payload's properties as JSON Schema, when known; otherwise the user describes them. */
  properties?: Record<string, unknown>;
  /** The use case that publishes it: an operation `send` on its channel. */
  sender?: { operation: string; useCase: string };
  /** The use case a consumer runs for each event: an operation `receive` on its channel. */
  receiver?: { operation: string; useCase: string };
}

/**
 * Documents the event in the AsyncAPI 3 document `file` (created when missing): a channel at its
 * type, its message (the JSON envelope of domain.Event), its payload schema, and with a sender
 * the operation `send` of the use case that publishes it. Each entry is
 * spliced in as lines (insertYamlEntry), so every byte the user wrote stays; an entry whose key is
 * there already is the user's and stays as it is, so a second run changes nothing.
 */
export function addAsyncApiEvent(tree: Tree, file: string, event: NewEvent): void {
  const existing = tree.read(file);
  let text = existing ?? newDocument(event.serviceName);
  const entries: { path: YamlPath; key: string; value: unknown }[] = [
    { path: ['channels'], key: event.type, value: channel(event) },
    { path: ['components', 'messages'], key: event.pascal, value: message(event) },
    { path: ['components', 'schemas'], key: event.pascal, value: payloadSchema(event) },
    ...(event.sender === undefined ? [] : [{ path: ['operations'], key: event.sender.operation, value: operation(event, event.sender.useCase) }]),
    ...(event.receiver === undefined ? [] : [{ path: ['operations'], key: event.receiver.operation, value: receiveOperation(event, event.receiver.useCase) }]),
  ];
  for (const entry of entries) {
    const doc = parseDocument(text);
    if (doc.errors.length > 0) {
      throw new FailureError(`${file} does not parse as YAML (${doc.errors[0]?.message.split('\n')[0] ?? 'unknown error'}); nothing was changed`, 'fix the file and run the command again');
    }
    const api: unknown = doc.toJS();
    if (!isRecord(api)) throw new FailureError(`${file} is not a YAML mapping; nothing was changed`, 'fix the file and run the command again');
    if (hasEntry(api, [...entry.path, entry.key])) continue;
    text = insertYamlEntry(file, text, entry.path, entry.key, entry.value, doc, detectLayout(text, doc), precedingKeys(api, entry.path)).text;
  }
  if (text !== existing) tree.merge(file, text);
}

/** Whatever the broker, and before there is one: the broker's own entry in servers says how it carries a channel. */
function newDocument(serviceName: string): string {
  return [
    'asyncapi: 3.0.0',
    'info:',
    `  title: ${serviceName} events`,
    '  version: 0.1.0',
    '  description: >-',
    '    The events this service publishes and consumes. Each message is the JSON',
    '    envelope of domain.Event, and each channel address is the event type; the',
    '    broker under servers says where it carries a channel.',
    '',
  ].join('\n');
}

/** AsyncAPI 3's order of the top-level keys, which its specification and tools write. */
const TOP_LEVEL_ORDER = ['asyncapi', 'id', 'info', 'servers', 'defaultContentType', 'channels', 'operations', 'components'];

/**
 * The keys a new top-level entry at path[0] goes after, so the document keeps AsyncAPI's order
 * (`servers` after `info`, `operations` before `components`); none once that entry exists.
 */
export function precedingKeys(api: Record<string, unknown>, path: readonly string[]): string[] {
  const top = path[0];
  if (top === undefined || top in api) return [];
  const index = TOP_LEVEL_ORDER.indexOf(top);
  return index === -1 ? [] : TOP_LEVEL_ORDER.slice(0, index);
}

/** Whether the document has an entry at path (a key at each step). */
export function hasEntry(api: Record<string, unknown>, path: readonly string[]): boolean {
  let node: unknown = api;
  for (const key of path) {
    if (!isRecord(node) || !(key in node)) return false;
    node = node[key];
  }
  return true;
}

function channel(event: NewEvent) {
  return {
    address: event.type,
    messages: { [event.pascal]: { $ref: `#/components/messages/${event.pascal}` } },
  };
}

function message(event: NewEvent) {
  return {
    name: event.type,
    title: event.words.charAt(0).toUpperCase() + event.words.slice(1),
    contentType: 'application/json',
    payload: {
      type: 'object',
      required: ['id', 'type', 'schema_version', 'occurred_at', 'key', 'payload'],
      properties: {
        id: { type: 'string', description: 'Unique per event; consumers drop a second delivery of an id.' },
        type: { type: 'string', const: event.type },
        schema_version: { type: 'integer', const: event.schemaVersion },
        occurred_at: { type: 'string', format: 'date-time' },
        key: { type: 'string', description: 'Events of one key keep their order.' },
        payload: { $ref: `#/components/schemas/${event.pascal}` },
      },
    },
  };
}

function operation(event: NewEvent, useCase: string) {
  return {
    action: 'send',
    channel: { $ref: `#/channels/${event.type}` },
    summary: `${useCase} publishes ${event.type} after its work.`,
    messages: [{ $ref: `#/channels/${event.type}/messages/${event.pascal}` }],
  };
}

function receiveOperation(event: NewEvent, useCase: string) {
  return {
    action: 'receive',
    channel: { $ref: `#/channels/${event.type}` },
    summary: `A consumer runs ${useCase} for each ${event.type}, at least once; a redelivered event is skipped by its ID.`,
    messages: [{ $ref: `#/channels/${event.type}/messages/${event.pascal}` }],
  };
}

function payloadSchema(event: NewEvent) {
  if (event.properties !== undefined) {
    return { type: 'object', description: `The payload of ${event.type} version ${event.schemaVersion}: the fields of domain.${event.pascal}.`, properties: event.properties };
  }
  return {
    type: 'object',
    description: `The payload of ${event.type} version ${event.schemaVersion}: describe here the fields of domain.${event.pascal}.`,
    properties: {},
  };
}
