import { dirsIn } from '../../../tree/files-in.js';
import type { ServiceInventory } from '../../../target-contract/inventory.js';
import type { Tree } from '../../../tree/tree.js';
import type { GoParser } from '../edit/parser.js';
import { listPortInterfaces, readAppModel, readRoutes } from './project-model.js';
import { useCaseFields } from './use-cases.js';
import { GRPC_ADAPTER_DIR, readServedRpcs } from './grpc-methods.js';
import { readPortWirings } from './wiring.js';

const INBOUND = new Set(['http', 'grpc']);
const ADAPTER_DIR = 'internal/adapter';

/** Reads what the service is made of from its code: App and Ports fields, New, routes, the gRPC Server's methods and the composition root. */
export function inventory(parser: GoParser, tree: Tree, module: string): Omit<ServiceInventory, 'events'> {
  const app = readAppModel(parser, tree);
  const routes = readRoutes(parser, tree) ?? [];
  const interfaces = listPortInterfaces(parser, tree);
  const useCaseNames = useCaseFields(parser, tree);
  const portImport = app?.imports.find((entry) => entry.path === `${module}/internal/port`)?.name ?? 'port';
  const interfaceOf = (field: string) => {
    const type = app?.ports?.find((entry) => entry.name === field)?.type;
    return type?.startsWith(`${portImport}.`) ? type.slice(portImport.length + 1) : null;
  };
  const wirings = readPortWirings(parser, tree, module, interfaceOf);
  const hasGrpc = dirsIn(tree, ADAPTER_DIR).includes('grpc');
  const rpcs = hasGrpc ? readServedRpcs(parser, tree) : [];

  const useCases = (app?.useCases ?? [])
    .filter((field) => useCaseNames.has(field.name))
    .map((field) => ({
      name: field.name,
      ports: app?.construction.find((entry) => entry.key === field.name)?.ports ?? [],
      routes: routes.filter((route) => route.selectors.includes(field.name)).map((route) => route.pattern),
      ...(hasGrpc ? { rpcs: rpcs.filter((served) => served.useCases.includes(field.name)).map((served) => served.rpc) } : {}),
    }));

  const ports = (app?.ports ?? []).map((field) => {
    const ifaceName = interfaceOf(field.name);
    const iface = ifaceName === null ? undefined : interfaces.find((candidate) => candidate.name === ifaceName);
    // A port set in several places (one literal per branch) is shown with its first wiring.
    const first = wirings.get(field.name)?.[0];
    return {
      name: field.name,
      type: field.type,
      interface: iface?.name ?? null,
      file: iface?.file ?? null,
      methods: iface?.methods.map((method) => method.name) ?? [],
      adapter: first?.value ?? null,
      adapterPackage: first === undefined ? null : (first.layers[0]?.package ?? first.package),
      servedBy: first?.layers.map((layer) => layer.adapter) ?? [],
    };
  });

  const adapters: ServiceInventory['adapters'] = dirsIn(tree, ADAPTER_DIR).map((name) => {
    const path = `${ADAPTER_DIR}/${name}`;
    if (name === 'grpc' && path === GRPC_ADAPTER_DIR) {
      const called = rpcs.flatMap((served) => served.useCases.filter((useCase) => useCaseNames.has(useCase)));
      return { name, path, direction: 'inbound', serves: rpcs.map((served) => served.rpc), useCases: [...new Set(called)] };
    }
    if (INBOUND.has(name)) {
      // Routes are read from the HTTP adapter's router only.
      const served = name === 'http' ? routes : [];
      const called = served.flatMap((route) => route.selectors.filter((selector) => useCaseNames.has(selector)));
      return { name, path, direction: 'inbound', serves: served.map((route) => route.pattern), useCases: [...new Set(called)] };
    }
    // An adapter serves a port when any wiring of it (any branch, any layer) is built from the adapter.
    const serves = ports.filter((port) => wirings.get(port.name)?.some((wiring) => wiring.layers.some((layer) => layer.adapter === name)));
    return { name, path, direction: 'outbound', serves: serves.map((port) => port.name) };
  });
  return { useCases, ports, adapters };
}
