import { dirsIn } from '../../../tree/files-in.js';
import type { Tree } from '../../../tree/tree.js';
import type { GoParser } from '../edit/parser.js';
import { listPortInterfaces, readAppModel, readRoutes, readWiring } from './project-model.js';

export interface ServiceInventory {
  useCases: { name: string; ports: string[]; routes: string[] }[];
  ports: { name: string; type: string; interface: string | null; file: string | null; methods: string[]; adapter: string | null; adapterPackage: string | null }[];
  adapters: { name: string; path: string; direction: 'inbound' | 'outbound'; serves: string[] }[];
}

const INBOUND = new Set(['http', 'grpc']);

/** Reads what the service is made of from its code: App and Ports fields, New, routes and the composition root. */
export function inventory(parser: GoParser, tree: Tree, module: string): ServiceInventory {
  const app = readAppModel(parser, tree);
  const routes = readRoutes(parser, tree) ?? [];
  const wiring = readWiring(parser, tree);
  const interfaces = listPortInterfaces(parser, tree);
  const portImport = app?.imports.find((entry) => entry.path === `${module}/internal/port`)?.name ?? 'port';

  const useCases = (app?.useCases ?? []).map((field) => ({
    name: field.name,
    ports: app?.construction.find((entry) => entry.key === field.name)?.ports ?? [],
    routes: routes.filter((route) => route.selectors.includes(field.name)).map((route) => route.pattern),
  }));

  const ports = (app?.ports ?? []).map((field) => {
    const ifaceName = field.type.startsWith(`${portImport}.`) ? field.type.slice(portImport.length + 1) : null;
    const iface = ifaceName === null ? undefined : interfaces.find((candidate) => candidate.name === ifaceName);
    const element = wiring?.elements.find((entry) => entry.key === field.name);
    const qualifier = element === undefined ? undefined : /^&?([A-Za-z_][A-Za-z0-9_]*)\./.exec(element.value)?.[1];
    const adapterPackage = qualifier === undefined ? null : (wiring?.imports.find((entry) => entry.name === qualifier)?.path ?? null);
    return {
      name: field.name,
      type: field.type,
      interface: iface?.name ?? null,
      file: iface?.file ?? null,
      methods: iface?.methods.map((method) => method.name) ?? [],
      adapter: element?.value ?? null,
      adapterPackage,
    };
  });

  const adapters: ServiceInventory['adapters'] = [];
  for (const name of dirsIn(tree, 'internal/adapter')) {
    const path = `internal/adapter/${name}`;
    adapters.push({
      name,
      path,
      direction: INBOUND.has(name) ? 'inbound' : 'outbound',
      serves: INBOUND.has(name)
        ? routes.map((route) => route.pattern)
        : ports.filter((port) => port.adapterPackage === `${module}/${path}`).map((port) => port.name),
    });
  }
  return { useCases, ports, adapters };
}
