import type { Node } from 'web-tree-sitter';
import type { ServiceInventory } from '../../../target-contract/inventory.js';
import type { Tree } from '../../../tree/tree.js';
import { APP_DIR, goFilesIn } from '../add/go-files.js';
import type { GoParser } from '../edit/parser.js';
import { readAdapterFacts } from './adapter-presence.js';
import { calleesIn, importNameOf } from './go-scope.js';
import { fileImports, readGo, topLevelNames, unquote } from './syntax.js';

const DOMAIN_DIR = 'internal/domain';
/** The brokers an event publisher can be; a service has one (refuseSecondBroker). */
export const EVENT_BROKERS = ['nats', 'kafka', 'rabbitmq'] as const;

/**
 * The events of a Go service, read from its code: each `<Event>Type = "<type>"` constant of package
 * domain whose `New<Event>` constructor is declared there too; the use cases (App's, `useCases`) with
 * a method calling `domain.New<Event>` (under whatever name the file imports domain); the broker the
 * composition root opens; the handlers of the event's consumers.
 */
export function readEvents(
  parser: GoParser,
  tree: Tree,
  module: string,
  useCases: ReadonlySet<string>,
  consumers: readonly { event: string; handler: string }[],
): ServiceInventory['events'] {
  const declared = readDeclaredEvents(parser, tree);
  if (declared.length === 0) return [];
  const built = readBuiltEvents(parser, tree, module, useCases);
  const broker = readBroker(parser, tree, module);
  return declared.map((event) => ({
    ...event,
    publishers: [...(built.get(event.name) ?? [])],
    broker,
    consumers: [...new Set(consumers.filter((consumer) => consumer.event === event.name).map((consumer) => consumer.handler))],
  }));
}

/** The broker whose package the composition root opens, or null (events stay in memory, or go nowhere). */
export function readBroker(parser: GoParser, tree: Tree, module: string): (typeof EVENT_BROKERS)[number] | null {
  return EVENT_BROKERS.find((broker) => readAdapterFacts(parser, tree, module, broker).openedIn !== null) ?? null;
}

function readDeclaredEvents(parser: GoParser, tree: Tree): { name: string; type: string; file: string }[] {
  const files = goFilesIn(tree, DOMAIN_DIR).filter((file) => !file.endsWith('_test.go'));
  const names = new Set<string>();
  const constants: { name: string; type: string; file: string }[] = [];
  for (const file of files) {
    readGo(parser, file, tree.read(file) ?? '', (doc) => {
      for (const name of topLevelNames(doc)) names.add(name);
      for (const spec of doc.root.descendantsOfType('const_spec')) {
        const name = spec?.childForFieldName('name')?.text ?? '';
        const values = spec?.childForFieldName('value')?.namedChildren ?? [];
        const literal = values.length === 1 ? values[0] : null;
        if (!name.endsWith('Type') || name.length === 'Type'.length || !isStringLiteral(literal)) continue;
        constants.push({ name: name.slice(0, -'Type'.length), type: unquote(literal.text), file });
      }
    });
  }
  return constants.filter((event) => names.has(`New${event.name}`));
}

function isStringLiteral(node: Node | null | undefined): node is Node {
  return node?.type === 'interpreted_string_literal' || node?.type === 'raw_string_literal';
}

/** Event name -> the use cases with a method (in package app, tests aside) that calls `domain.New<Event>`. */
function readBuiltEvents(parser: GoParser, tree: Tree, module: string, useCases: ReadonlySet<string>): Map<string, Set<string>> {
  const built = new Map<string, Set<string>>();
  for (const file of goFilesIn(tree, APP_DIR)) {
    const text = tree.read(file) ?? '';
    if (file.endsWith('_test.go') || !text.includes(`"${module}/internal/domain"`)) continue;
    readGo(parser, file, text, (doc) => {
      const domain = importNameOf(fileImports(doc), `${module}/internal/domain`);
      if (domain === null) return;
      for (const method of doc.root.namedChildren) {
        if (method?.type !== 'method_declaration') continue;
        const receiver = receiverType(method);
        if (receiver === null || !useCases.has(receiver)) continue;
        for (const callee of calleesIn(method)) {
          if (!callee.startsWith(`${domain}.New`)) continue;
          const event = callee.slice(`${domain}.New`.length);
          built.set(event, (built.get(event) ?? new Set()).add(receiver));
        }
      }
    });
  }
  return built;
}

/** `func (uc *CreateOrder) …` -> `CreateOrder`. */
function receiverType(method: Node): string | null {
  const receiver = method.childForFieldName('receiver')?.namedChildren.find((param) => param?.type === 'parameter_declaration');
  const type = receiver?.childForFieldName('type');
  const pointee = type?.type === 'pointer_type' ? type.namedChildren[0] : type;
  return pointee?.type === 'type_identifier' ? pointee.text : null;
}
