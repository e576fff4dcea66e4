import { loadProject, type Project } from '../project/load-project.js';
import type { ServiceInventory } from '../target-contract/inventory.js';
import { say, type Output } from '../ui/output.js';

/** `svc list [--json | --mermaid]`: use cases, ports and adapters, read from the code through the syntax tree. */
export async function svcListAction(cwd: string, out: Output, options: { mermaid?: boolean } = {}): Promise<number> {
  const project = loadProject(cwd);
  const found = await readInventory(project);
  if (options.mermaid) {
    out.stdout.write((await import('../ui/hexagon-mermaid.js')).hexagonMermaid(found));
    return 0;
  }
  if (out.json) {
    out.stdout.write(`${JSON.stringify({ name: project.spec.name.kebab, module: project.spec.module, ...found }, null, 2)}\n`);
    return 0;
  }
  printInventory(out, found);
  return 0;
}

/** Through the service's own target (ts-morph for TypeScript, tree-sitter for Go): each loads only on its own path. */
async function readInventory(project: Project): Promise<ServiceInventory> {
  const { loadServiceTarget } = await import('../targets/registry.js');
  return (await loadServiceTarget(project.spec.choices.lang)).inventory(project);
}

export function printInventory(out: Output, found: ServiceInventory): void {
  say(out, `Use cases (${found.useCases.length})`);
  table(
    out,
    found.useCases.map((uc) => [uc.name, uc.ports.length === 0 ? '-' : `uses ${uc.ports.join(', ')}`, [...uc.routes, ...(uc.rpcs ?? []).map((rpc) => `rpc ${rpc}`)].join(', ')]),
  );
  say(out);
  say(out, `Ports (${found.ports.length})`);
  table(
    out,
    found.ports.map((port) => [port.name, port.type, port.adapter === null ? 'not wired in bootstrap' : `<- ${port.adapter}${layersNote(port.servedBy)}`]),
  );
  say(out);
  say(out, `Adapters (${found.adapters.length})`);
  table(
    out,
    found.adapters.map((adapter) => [
      adapter.name,
      adapter.direction,
      adapter.path,
      adapter.direction === 'inbound'
        ? `${adapter.serves.length} ${adapter.name === 'grpc' ? 'rpc(s)' : 'route(s)'}${adapter.useCases?.length ? ` calling ${adapter.useCases.join(', ')}` : ''}`
        : adapter.serves.length === 0
          ? 'serves no port'
          : `serves ${adapter.serves.map((port) => `${port}${placeNote(adapter.name, found.ports.find((entry) => entry.name === port)?.servedBy)}`).join(', ')}`,
    ]),
  );
  if (found.consumers !== undefined && found.consumers.length > 0) {
    say(out);
    say(out, `Consumers (${found.consumers.length})`);
    table(out, found.consumers.map((consumer) => [consumer.event, `runs ${consumer.handler}`, consumer.file]));
  }
  if (found.events.length > 0) {
    say(out);
    say(out, `Events (${found.events.length})`);
    table(
      out,
      found.events.map((event) => [
        event.type,
        event.publishers.length === 0 ? 'published by no use case' : `published by ${event.publishers.join(', ')}`,
        event.broker === null ? 'no broker' : `via ${event.broker}`,
        event.consumers.length === 0 ? 'no consumer' : `consumed by ${event.consumers.join(', ')}`,
      ]),
    );
  }
}

/** `  (redis → postgres)` for a port served by a decorator in front of another adapter; nothing for one adapter. */
function layersNote(servedBy: string[] | undefined): string {
  return servedBy !== undefined && servedBy.length > 1 ? `  (${servedBy.join(' → ')})` : '';
}

/** ` (in front of postgres)`, ` (behind redis)`: where an adapter stands among those serving one port, by its neighbours. */
function placeNote(adapter: string, servedBy: string[] | undefined): string {
  const at = servedBy?.indexOf(adapter) ?? -1;
  if (servedBy === undefined || at === -1) return '';
  const place = [at > 0 ? `behind ${servedBy[at - 1]}` : '', at < servedBy.length - 1 ? `in front of ${servedBy[at + 1]}` : ''].filter((part) => part !== '');
  return place.length === 0 ? '' : ` (${place.join(', ')})`;
}

function table(out: Output, rows: string[][]): void {
  if (rows.length === 0) {
    say(out, '  (none)');
    return;
  }
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => [...(row[column] ?? '')].length))) ?? [];
  for (const row of rows) {
    say(out, `  ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ')}`.trimEnd());
  }
}
