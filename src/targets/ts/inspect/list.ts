import type { CallExpression, FunctionDeclaration, MethodSignature, Node, ObjectLiteralExpression, PropertyAccessExpression, SourceFile } from 'ts-morph';
import { dirsIn, filesIn } from '../../../tree/files-in.js';
import type { Tree } from '../../../tree/tree.js';
import type { ServiceInventory } from '../../../target-contract/inventory.js';
import { routePatterns } from './route-patterns.js';
import { importOf, resolveModule, TsReader } from './source.js';

export const APP_FILE = 'src/app/app.ts';
export const ROUTES_FILE = 'src/adapter/http/routes.ts';
export const PORTS_FILE = 'src/bootstrap/ports.ts';
const BOOTSTRAP_DIR = 'src/bootstrap';
const ADAPTER_DIR = 'src/adapter';
const PORT_DIR = 'src/port';
const INBOUND = new Set(['http', 'grpc']);

type TsMorph = TsReader['morph'];

interface Route {
  /** `POST /v1/orders`, `GET /v1/orders/:id` (the path as Fastify is given it). */
  pattern: string;
  /** App properties the registration reads, e.g. `createOrder` from `registerCreateOrder(server, app.createOrder)`. */
  selectors: string[];
}

/**
 * What a TypeScript service is made of, read from its code through ts-morph (the same shape as for Go):
 * `interface Ports` and `interface App` with what `createApp` returns (src/app/app.ts), the calls of
 * `registerRoutes` and the routes each handler registers (src/adapter/http), what `createPorts`
 * returns (src/bootstrap) and the port interfaces the Ports properties name. Only those files are parsed.
 */
export async function tsInventory(tree: Tree): Promise<ServiceInventory> {
  const reader = await TsReader.open(tree);
  const { morph } = reader;
  const app = reader.source(APP_FILE);
  const appInterface = app?.getInterface('App');
  const portsInterface = app?.getInterface('Ports');
  const construction = app === null ? new Map<string, string[]>() : constructionOf(morph, app);
  const routes = readRoutes(reader);
  const wiring = readWiring(reader, tree);

  const useCases = (appInterface?.getProperties() ?? []).map((property) => {
    const key = property.getName();
    const type = property.getTypeNode()?.getText() ?? '';
    return {
      // The class (`CreateOrder`, the name `svc add usecase` takes), or the property when its type is not a plain name.
      name: /^[A-Za-z_$][\w$]*$/.test(type) ? type : key,
      ports: construction.get(key) ?? [],
      routes: routes.filter((route) => route.selectors.includes(key)).map((route) => route.pattern),
    };
  });

  const ports = (portsInterface?.getProperties() ?? []).map((property) => {
    const name = property.getName();
    const type = property.getTypeNode()?.getText() ?? '';
    const iface = app === null ? null : portInterface(reader, app, property.getTypeNode());
    const wired = wiring.get(name);
    return {
      name,
      type,
      interface: iface?.name ?? null,
      file: iface?.file ?? null,
      methods: iface?.methods ?? [],
      adapter: wired?.value ?? null,
      adapterPackage: wired?.modules[0] ?? null,
      servedBy: adapterFolders(wired?.modules ?? []),
    };
  });

  // The use case an App property holds, by the property: what a route's `app.x` calls.
  const useCaseOf = new Map((appInterface?.getProperties() ?? []).map((property, index) => [property.getName(), useCases[index]?.name ?? property.getName()]));
  const adapters: ServiceInventory['adapters'] = [];
  for (const name of dirsIn(tree, ADAPTER_DIR)) {
    const path = `${ADAPTER_DIR}/${name}`;
    if (INBOUND.has(name)) {
      // Routes are read from the HTTP adapter's registerRoutes only.
      const served = name === 'http' ? routes : [];
      const called = served.flatMap((route) => route.selectors.flatMap((selector) => useCaseOf.get(selector) ?? []));
      adapters.push({ name, path, direction: 'inbound', serves: served.map((route) => route.pattern), useCases: [...new Set(called)] });
      continue;
    }
    // An outbound adapter serves a port when createPorts builds the port from it, also behind a decorator (a cache over a store).
    const serves = ports.filter((port) => wiring.get(port.name)?.modules.some((module) => module.startsWith(`${path}/`))).map((port) => port.name);
    adapters.push({ name, path, direction: 'outbound', serves });
  }
  // No TypeScript service has an event port yet (svc add event refuses): no events, in the same shape as Go's.
  return { useCases, ports, adapters, events: [] };
}

/** The adapter folders a port's wiring is built from, the outermost first: `['redis', 'postgres']` for a cache in front of a store. */
function adapterFolders(modules: readonly string[]): string[] {
  const folders = modules.filter((module) => module.startsWith(`${ADAPTER_DIR}/`)).map((module) => module.slice(ADAPTER_DIR.length + 1).split('/')[0] ?? '');
  return [...new Set(folders.filter((folder) => folder !== ''))];
}

/** `key -> ports` of the object `createApp` returns: the properties of its parameter each value reads (`ports.orders` -> `orders`). */
function constructionOf(morph: TsMorph, app: SourceFile): Map<string, string[]> {
  const entries = new Map<string, string[]>();
  const createApp = app.getFunction('createApp');
  if (createApp === undefined) return entries;
  const parameter = createApp.getParameters()[0]?.getNameNode();
  // `(ports: Ports)` reads `ports.x`; `({ orders, clock }: Ports)` reads the bound names.
  const bindings = new Map<string, string>();
  if (parameter !== undefined && morph.Node.isObjectBindingPattern(parameter)) {
    for (const element of parameter.getElements()) bindings.set(element.getName(), element.getPropertyNameNode()?.getText() ?? element.getName());
  }
  const parameterName = parameter !== undefined && morph.Node.isIdentifier(parameter) ? parameter.getText() : null;
  for (const literal of returnedObjects(morph, createApp)) {
    for (const property of literal.getProperties()) {
      if (morph.Node.isPropertyAssignment(property)) {
        const initializer = property.getInitializer();
        entries.set(property.getName(), initializer === undefined ? [] : portsRead(morph, initializer, parameterName, bindings));
      } else if (morph.Node.isShorthandPropertyAssignment(property)) {
        entries.set(property.getName(), []);
      }
    }
  }
  return entries;
}

function portsRead(morph: TsMorph, value: Node, parameter: string | null, bindings: Map<string, string>): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if (morph.Node.isPropertyAccessExpression(node) && parameter !== null && node.getExpression().getText() === parameter) {
      found.push(node.getName());
      return;
    }
    if (morph.Node.isIdentifier(node) && bindings.has(node.getText())) {
      found.push(bindings.get(node.getText()) ?? node.getText());
      return;
    }
    node.forEachChild(visit);
  };
  visit(value);
  return found;
}

/** The object literals `fn` returns from its own body (not from nested functions). */
function returnedObjects(morph: TsMorph, fn: FunctionDeclaration): ObjectLiteralExpression[] {
  const found: ObjectLiteralExpression[] = [];
  const visit = (node: Node): void => {
    if (morph.Node.isFunctionLikeDeclaration(node) || morph.Node.isClassDeclaration(node) || morph.Node.isClassExpression(node)) return;
    if (morph.Node.isReturnStatement(node)) {
      let expression = node.getExpression();
      while (expression !== undefined && (morph.Node.isParenthesizedExpression(expression) || morph.Node.isSatisfiesExpression(expression) || morph.Node.isAsExpression(expression))) {
        expression = expression.getExpression();
      }
      if (expression !== undefined && morph.Node.isObjectLiteralExpression(expression)) found.push(expression);
      return;
    }
    node.forEachChild(visit);
  };
  fn.getBody()?.forEachChild(visit);
  return found;
}

/** The routes `registerRoutes` registers: each `registerX(server, app.x)` followed into the handler file it imports. */
function readRoutes(reader: TsReader): Route[] {
  const { morph } = reader;
  const routesFile = reader.source(ROUTES_FILE);
  const registerRoutes = routesFile?.getFunction('registerRoutes');
  if (routesFile === null || registerRoutes === undefined) return [];
  const appName = registerRoutes.getParameters()[1]?.getName();
  const routes: Route[] = [];
  for (const call of registerRoutes.getDescendantsOfKind(morph.SyntaxKind.CallExpression)) {
    const selectors = call
      .getArguments()
      .flatMap((argument) => [argument, ...argument.getDescendants()])
      .filter((node) => morph.Node.isPropertyAccessExpression(node) && node.getExpression().getText() === appName)
      .map((node) => (node as PropertyAccessExpression).getName());
    const direct = routePatterns(morph, call);
    if (direct.length > 0) {
      routes.push(...direct.map((pattern) => ({ pattern, selectors })));
      continue;
    }
    const callee = call.getExpression();
    if (!morph.Node.isIdentifier(callee)) continue;
    const imported = importOf(routesFile, callee.getText());
    const handlerFile = imported === null ? null : resolveModule(ROUTES_FILE, imported.module);
    const handler = handlerFile === null ? undefined : reader.source(handlerFile);
    if (imported === null || handler === null || handler === undefined) continue;
    const registration = handler.getFunction(imported.imported) ?? handler.getVariableDeclaration(imported.imported);
    if (registration === undefined) continue;
    for (const inner of registration.getDescendantsOfKind(morph.SyntaxKind.CallExpression)) {
      routes.push(...routePatterns(morph, inner).map((pattern) => ({ pattern, selectors })));
    }
  }
  return routes;
}

interface Wired {
  /** The value as written, a local constant replaced by its initializer: `new MemoryOrderRepository()`. */
  value: string;
  /** The modules (root-relative files) the value is built from, the outermost first. */
  modules: string[];
}

/** What the composition root's `createPorts` returns, by port. */
function readWiring(reader: TsReader, tree: Tree): Map<string, Wired> {
  const { morph } = reader;
  const wiring = new Map<string, Wired>();
  for (const file of bootstrapFiles(tree)) {
    const source = reader.source(file);
    const createPorts = source?.getFunction('createPorts');
    if (source === null || source === undefined || createPorts === undefined) continue;
    for (const literal of returnedObjects(morph, createPorts)) {
      for (const property of literal.getProperties()) {
        if (!morph.Node.isPropertyAssignment(property) && !morph.Node.isShorthandPropertyAssignment(property)) continue;
        const value = morph.Node.isPropertyAssignment(property) ? property.getInitializer() : property.getNameNode();
        if (value === undefined) continue;
        const local = morph.Node.isIdentifier(value) ? localInitializer(createPorts, value.getText()) : undefined;
        wiring.set(property.getName(), { value: (local ?? value).getText(), modules: [...new Set(modulesOf(morph, source, file, createPorts, value, 0))] });
      }
    }
    if (wiring.size > 0) break;
  }
  return wiring;
}

/** src/bootstrap/ports.ts first, then the other non-test files of src/bootstrap. */
function bootstrapFiles(tree: Tree): string[] {
  return [PORTS_FILE, ...filesIn(tree, BOOTSTRAP_DIR, '.ts').filter((file) => !file.endsWith('.test.ts') && file !== PORTS_FILE)];
}

function localInitializer(fn: FunctionDeclaration, name: string): Node | undefined {
  for (const declaration of fn.getVariableDeclarations()) {
    if (declaration.getName() === name) return declaration.getInitializer();
  }
  return undefined;
}

/** The imported modules a wiring value is built from: `new X(store, redis)` gives X's module, then those of its arguments. */
function modulesOf(morph: TsMorph, source: SourceFile, file: string, fn: FunctionDeclaration, node: Node, depth: number): string[] {
  if (depth > 8) return [];
  const fromName = (name: string): string[] => {
    const imported = importOf(source, name);
    if (imported !== null) {
      const resolved = resolveModule(file, imported.module);
      return resolved === null ? [] : [resolved];
    }
    const local = localInitializer(fn, name);
    return local === undefined ? [] : modulesOf(morph, source, file, fn, local, depth + 1);
  };
  if (morph.Node.isIdentifier(node)) return fromName(node.getText());
  if (morph.Node.isPropertyAccessExpression(node)) return modulesOf(morph, source, file, fn, node.getExpression(), depth + 1);
  if (morph.Node.isNewExpression(node) || morph.Node.isCallExpression(node)) {
    const args = node.getArguments().flatMap((argument) => modulesOf(morph, source, file, fn, argument, depth + 1));
    return [...modulesOf(morph, source, file, fn, node.getExpression(), depth + 1), ...args];
  }
  if (morph.Node.isParenthesizedExpression(node) || morph.Node.isAsExpression(node) || morph.Node.isSatisfiesExpression(node) || morph.Node.isAwaitExpression(node)) {
    return modulesOf(morph, source, file, fn, node.getExpression(), depth + 1);
  }
  return [];
}

/** The interface in src/port that a Ports property's type names (`OrderRepository` or `port.OrderRepository`), through app.ts's imports. */
function portInterface(reader: TsReader, app: SourceFile, typeNode: Node | undefined): { name: string; file: string; methods: string[] } | null {
  const { morph } = reader;
  if (typeNode === undefined || !morph.Node.isTypeReference(typeNode) || typeNode.getTypeArguments().length > 0) return null;
  const name = typeNode.getTypeName();
  let imported: { module: string; imported: string } | null = null;
  if (morph.Node.isIdentifier(name)) imported = importOf(app, name.getText());
  else {
    const namespace = importOf(app, name.getLeft().getText());
    if (namespace?.imported === '*') imported = { module: namespace.module, imported: name.getRight().getText() };
  }
  const file = imported === null ? null : resolveModule(APP_FILE, imported.module);
  if (imported === null || file === null || !file.startsWith(`${PORT_DIR}/`)) return null;
  const iface = reader.source(file)?.getInterface(imported.imported);
  if (iface === undefined) return null;
  const methods = iface
    .getMembers()
    .filter((member) => morph.Node.isMethodSignature(member) || morph.Node.isPropertySignature(member))
    .map((member) => (member as MethodSignature).getName());
  return { name: iface.getName(), file, methods };
}
