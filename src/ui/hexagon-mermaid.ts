import type { ServiceInventory } from '../target-contract/inventory.js';

/**
 * `svc list --mermaid`: the hexagon as a Mermaid flowchart, left to right: inbound adapters call use
 * cases (edges labelled with the routes), use cases use ports, ports are served by outbound adapters;
 * use cases publish events and each event's consumers run use cases (dotted: asynchronous).
 * Node ids are derived from the names, so the text only changes where the service did; every label
 * is quoted with Mermaid's entity codes for the characters a quoted label cannot hold. GitHub renders
 * it inside a ```mermaid fence.
 */
export function hexagonMermaid(inventory: ServiceInventory): string {
  const ids = new NodeIds();
  const inbound = inventory.adapters.filter((adapter) => adapter.direction === 'inbound').map((adapter) => ({ adapter, id: ids.add('in', adapter.name) }));
  const useCases = inventory.useCases.map((useCase) => ({ useCase, id: ids.add('uc', useCase.name) }));
  const ports = inventory.ports.map((port) => ({ port, id: ids.add('port', port.name) }));
  const outbound = inventory.adapters.filter((adapter) => adapter.direction === 'outbound').map((adapter) => ({ adapter, id: ids.add('out', adapter.name) }));

  const lines = ['flowchart LR'];
  const group = (id: string, title: string, nodes: { id: string; label: string }[]) => {
    if (nodes.length === 0) return;
    lines.push(`  subgraph ${id}["${escape(title)}"]`, ...nodes.map((node) => `    ${node.id}["${escape(node.label)}"]`), '  end');
  };
  group('inbound_adapters', 'Inbound adapters', inbound.map(({ adapter, id }) => ({ id, label: adapter.name })));
  group('use_cases', 'Use cases', useCases.map(({ useCase, id }) => ({ id, label: useCase.name })));
  group('ports', 'Ports', ports.map(({ port, id }) => ({ id, label: port.type === '' || port.type === port.name ? port.name : `${port.name}: ${port.type}` })));
  group('outbound_adapters', 'Outbound adapters', outbound.map(({ adapter, id }) => ({ id, label: adapter.name })));
  const events = inventory.events.map((event) => ({ event, id: ids.add('ev', event.type) }));
  group('events', 'Events', events.map(({ event, id }) => ({ id, label: event.broker === null ? event.type : `${event.type} (${event.broker})` })));

  const edges = new Set<string>();
  for (const { adapter, id } of inbound) {
    for (const name of adapter.useCases ?? []) {
      const target = useCases.find((entry) => entry.useCase.name === name);
      if (target === undefined) continue;
      const routes = target.useCase.routes.filter((route) => adapter.serves.includes(route));
      edges.add(routes.length === 0 ? `  ${id} --> ${target.id}` : `  ${id} -->|"${escape(routes.join(', '))}"| ${target.id}`);
    }
  }
  for (const { useCase, id } of useCases) {
    for (const name of useCase.ports) {
      const target = ports.find((entry) => entry.port.name === name);
      if (target !== undefined) edges.add(`  ${id} --> ${target.id}`);
    }
  }
  for (const { port, id } of ports) {
    for (const { adapter, id: adapterId } of outbound) if (adapter.serves.includes(port.name)) edges.add(`  ${id} --> ${adapterId}`);
  }
  // Events are asynchronous: dotted edges, from the use cases publishing one to those its consumers run.
  for (const { event, id } of events) {
    for (const name of event.publishers) {
      const source = useCases.find((entry) => entry.useCase.name === name);
      if (source !== undefined) edges.add(`  ${source.id} -.->|"publishes"| ${id}`);
    }
    for (const name of event.consumers) {
      const target = useCases.find((entry) => entry.useCase.name === name);
      if (target !== undefined) edges.add(`  ${id} -.->|"consumed by"| ${target.id}`);
    }
  }
  return `${[...lines, ...edges].join('\n')}\n`;
}

/** Ids Mermaid accepts (letters, digits, underscores) from a kind and a name; a clash gets a numeric suffix. */
class NodeIds {
  private readonly taken = new Set<string>();

  add(kind: string, name: string): string {
    const base = `${kind}_${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}_${n}`;
    this.taken.add(id);
    return id;
  }
}

/** A quoted Mermaid label cannot hold `"`; `#` starts an entity code, `<` and `>` would be read as HTML. */
function escape(text: string): string {
  return text.replace(/[#"<>]/g, (char) => `#${char.charCodeAt(0)};`);
}
