import type { AddOperation } from '../../../target-contract/add-operation.js';
import { usecaseCommand } from '../../../choices/usecase-command.js';
import { parseUses } from '../../../choices/parse-uses.js';
import { resolvePortReferences } from '../../../choices/port-reference.js';
import { FailureError, UsageError } from '../../../errors.js';
import type { Project } from '../../../project/load-project.js';
import { AnchorNotFoundError } from '../edit/errors.js';
import type { GoParser } from '../edit/parser.js';
import { loadGoParser } from '../edit/parser.js';
import { findDeclarations, findPortInterface, readAppModel, readRoutes, type AppModel } from '../inspect/project-model.js';
import { readGo } from '../inspect/syntax.js';
import { goVerifier } from '../verify/go-verifier.js';
import { resolveQualifiers } from './go-code.js';
import { APP_DIR, APP_FILE, editGoFile, requireFile, ROUTER_FILE } from './go-files.js';
import { renderHandler, type HandlerPlan } from './handler-code.js';
import { parseHttpRoute, type HttpRoute } from '../../../target-contract/http-route.js';
import { refuseConflictingRoute } from './route-clash.js';
import { lowerFirstWord } from '../../../choices/naming.js';
import { idiomaticName, safeLocalName, validateTypeName, type GoTypeName } from './names.js';
import { ensureNotImplemented } from './not-implemented.js';
import { PackageScope } from './package-scope.js';
import { renderFake } from './port-code.js';
import { bindRoutes, routeStatement, type RoutesBinding } from './routes-binding.js';
import { renderUseCase, type Dependency } from './usecase-code.js';
import { freeUseCaseName, handlerAdditions, handlerName, newUseCaseCollisions, routesShadowing, type NewUseCaseRequest } from './usecase-plan.js';
import { readUseCaseIO, skeletonIO, type UseCaseIO } from './usecase-io.js';
import type { addGrpc } from './grpc/add-grpc.js';
import { requireGrpcTransport } from './grpc/grpc-transport.js';
import { serverMethodFile } from './grpc/server-methods.js';
import { useGoModulePath } from '../go-project.js';

export interface AddUsecaseOptions {
  /** Comma-separated fields of app.Ports the use case takes, e.g. `Orders,PaymentGateway`. */
  uses?: string;
  /** `POST /v1/invoices`: also serve the use case over HTTP. */
  http?: string;
  /** Also serve it over gRPC: an rpc in the service's .proto and a method on the gRPC Server. */
  grpc?: boolean;
}

/**
 * `svc add usecase <Name> [--uses Port,...] [--http "METHOD /path"] [--grpc]`: internal/app/<snake>.go with
 * a skeleton that validates its input and fails with domain.ErrNotImplemented, its table-driven
 * test, the use case in App and New; with --http a handler, its httptest test, the route in
 * `routes` and the operation in api/openapi.yaml. On an existing use case, --http serves it as its
 * XInput and XOutput are. With --grpc (a service with the grpc transport), the rpc and its messages
 * in the .proto, the Server method that calls the use case and its test; buf regenerates the Go code
 * after the commit, and the verifier runs buf build and buf lint first.
 */
export function addUsecaseOperation(name: string, options: AddUsecaseOptions = {}): AddOperation {
  return {
    command: usecaseCommand(name, options),
    async apply(project) {
      useGoModulePath(project);
      const useCase = validateTypeName('use case', name, 'CreateInvoice');
      const route = options.http === undefined ? undefined : parseHttpRoute(options.http);
      if (options.grpc === true) requireGrpcTransport(project, useCase.pascal);
      const parser = await loadGoParser();
      const { tree, spec } = project;
      const app = readAppModel(parser, tree);
      const requested = usedPorts(parseUses(options.uses), app, spec.module);
      requireFile(tree, APP_FILE, `${useCase.pascal} *${useCase.pascal}`);
      if (app === null || app.useCases === null) {
        // Let the engine report the missing anchor with the lines to add by hand; it always throws here.
        editGoFile(tree, parser, APP_FILE, [{ kind: 'struct-field', struct: 'App', field: `${useCase.pascal} *${useCase.pascal}` }], '');
        throw new FailureError(`${APP_FILE} has no App struct`);
      }
      const exists = app.useCases.some((field) => field.name === useCase.pascal);
      if (exists && options.uses !== undefined) {
        const current = app.construction.find((entry) => entry.key === useCase.pascal)?.ports ?? [];
        if (current.join(',') !== requested.join(',')) {
          throw new UsageError(
            `the use case ${useCase.pascal} exists already, taking ${current.length === 0 ? 'no ports' : current.join(', ')}`,
            `change its constructor by hand, or choose another name, e.g. svc add usecase ${useCase.pascal}V2 --uses ${requested.join(',')}`,
          );
        }
      }
      const scope = new PackageScope(parser, tree);
      // A new use case needs the names of routes to check its handler; an existing one only to add a route.
      const bind = (served: HttpRoute) => bindRoutes(parser, tree, spec.module, served.pattern, handlerName(useCase), useCase.pascal);
      const binding = route === undefined || exists ? null : bind(route);
      if (!exists) addUseCase(parser, project, scope, useCase, options, { app, requested, route, binding });
      if (route !== undefined) {
        await addHttp(parser, project, scope, useCase, route, () => binding ?? bind(route), exists ? null : { arity: requested.length });
      }
      const served = options.grpc === true && exists && serverMethodFile(parser, tree, useCase.pascal) !== null;
      const existing = options.grpc === true && exists && !served ? readUseCaseIO(parser, tree, spec.module, useCase, route ?? null) : null;
      const grpc = options.grpc === true && !served ? await serveOverGrpc(parser, project, scope, useCase, existing, skeletonIO(route), requested.length) : null;
      return grpc ?? { postSteps: [], verifier: goVerifier() };
    },
  };
}

interface NewUseCase {
  app: AppModel;
  /** The ports of --uses, in order. */
  requested: readonly string[];
  route: HttpRoute | undefined;
  /** The names of routes, when --http is given. */
  binding: RoutesBinding | null;
}

/**
 * The use case itself: refused with every reason and a free name when it does not fit its
 * packages; otherwise its files, the fakes its test needs, its place in App and New, and the
 * domain error (with its 501 row) when the service predates it.
 */
function addUseCase(parser: GoParser, project: Project, scope: PackageScope, useCase: GoTypeName, options: AddUsecaseOptions, plan: NewUseCase): void {
  const { tree, spec } = project;
  const { app, requested, route, binding } = plan;
  const deps = dependencies(app, requested, spec.module);
  const request: NewUseCaseRequest = { module: spec.module, deps, route, binding, existing: new Set((app.useCases ?? []).map((field) => field.name)) };
  const idiomatic = idiomaticName(useCase.pascal);
  const naming = idiomatic === null ? [] : [`Go writes ${useCase.pascal} as ${idiomatic}, initialisms in one case (the service's linter rejects the other spelling)`];
  const problems = [...naming, ...newUseCaseCollisions(scope, useCase, request)];
  if (problems.length > 0) {
    const base = idiomatic === null ? useCase : validateTypeName('use case', idiomatic, idiomatic);
    const free = freeUseCaseName(scope, base, request, idiomatic !== null);
    throw new UsageError(
      `the use case ${useCase.pascal} cannot be added: ${problems.join('; ')}`,
      free === null ? 'no other name gets past what is in the way: rename or move it' : `choose another name, e.g. svc ${usecaseCommand(free, options)}`,
    );
  }
  const param = portsParameter(parser, project, useCase, deps);
  renderUseCase(tree, spec.module, useCase, deps, skeletonIO(route));
  addFakes(parser, project, deps);
  const args = deps.map((dep) => `${param}.${dep.field}`).join(', ');
  editGoFile(
    tree,
    parser,
    APP_FILE,
    [
      { kind: 'struct-field', struct: 'App', field: `${useCase.pascal} *${useCase.pascal}` },
      { kind: 'keyed-element', func: 'New', type: 'App', key: useCase.pascal, value: `New${useCase.pascal}(${args})` },
    ],
    `${useCase.pascal} *${useCase.pascal}   (in type App struct)\n${useCase.pascal}: New${useCase.pascal}(${args}),   (in the &App{…} literal of func New)`,
  );
  ensureNotImplemented(parser, tree, spec.module, route !== undefined);
}

/**
 * The app.Ports fields `--uses` names: a field (`Orders`) or its interface (`OrderRepository`), in
 * any case. Without a Ports struct the names stay as given; the edits then say what is missing.
 */
function usedPorts(given: readonly string[], app: AppModel | null, module: string): string[] {
  if (app?.ports == null) return [...given];
  const portImport = portImportName(app, module);
  const ports = app.ports.map((field) => ({ name: field.name, iface: portInterfaceOf(field.type, portImport) }));
  return resolvePortReferences(given, ports, {
    container: 'app.Ports',
    member: 'field',
    empty: 'app.Ports has no ports yet; add one first, e.g. svc add port PaymentGateway --method "Charge(ctx context.Context, amount int64) error"',
  });
}

function portImportName(app: AppModel, module: string): string {
  return app.imports.find((entry) => entry.path === `${module}/internal/port`)?.name ?? 'port';
}

/** `port.OrderRepository` -> `OrderRepository`; undefined for a type that is no interface of internal/port. */
function portInterfaceOf(type: string, portImport: string): string | undefined {
  const prefix = `${portImport}.`;
  const name = type.startsWith(prefix) ? type.slice(prefix.length) : '';
  return /^[A-Z][A-Za-z0-9_]*$/.test(name) ? name : undefined;
}

function dependencies(app: AppModel, requested: readonly string[], module: string): Dependency[] {
  const ports = app.ports ?? [];
  const portImport = portImportName(app, module);
  const taken = new Set(['ctx', 'in', 'uc', 'err', 'v', 'p']);
  return requested.map((field) => {
    const found = ports.find((candidate) => candidate.name === field);
    if (found === undefined) {
      const existing = ports.map((candidate) => candidate.name);
      throw new UsageError(
        `--uses ${field}: app.Ports has no field ${field}`,
        existing.length === 0
          ? 'app.Ports has no ports yet; add one first, e.g. svc add port PaymentGateway --method "Charge(ctx context.Context, amount int64) error"'
          : `existing ports: ${existing.join(', ')}; add a new one with: svc add port ${field}`,
      );
    }
    const iface = portInterfaceOf(found.type, portImport);
    if (iface === undefined) {
      throw new UsageError(`--uses ${field}: its type ${found.type} is not an interface from internal/port`, 'a use case takes ports (interfaces in internal/port) only');
    }
    const param = safeLocalName(lowerFirstWord(field), taken);
    taken.add(param);
    return { field, param, type: found.type, iface };
  });
}

/** The name func New gives its Ports parameter (`p`); the use case's constructor call reads the ports from it. */
function portsParameter(parser: GoParser, project: Project, useCase: GoTypeName, deps: readonly Dependency[]): string {
  if (deps.length === 0) return 'p';
  const name = readGo(parser, APP_FILE, project.tree.read(APP_FILE) ?? '', (doc) => {
    const declaration = doc.root.namedChildren.find((node) => node?.type === 'function_declaration' && node.childForFieldName('name')?.text === 'New');
    const param = declaration?.childForFieldName('parameters')?.namedChildren.find((node) => node?.type === 'parameter_declaration' && node.childForFieldName('type')?.text === 'Ports');
    const found = param?.childrenForFieldName('name').find((node) => node !== null && node.text !== '_');
    return found?.text ?? null;
  });
  if (name !== null) return name;
  const value = `New${useCase.pascal}(${deps.map((dep) => `p.${dep.field}`).join(', ')})`;
  throw new AnchorNotFoundError(APP_FILE, {
    problem: 'missing',
    reason: 'func New has no named parameter of type Ports to build the use case from',
    where: 'in the &App{…} literal of func New, with p standing for the Ports it builds from',
    manualSnippet: `${useCase.pascal}: ${value},`,
  });
}

/** The use case test passes a `fakeX` for each port; add the fake where package app_test lacks it. */
function addFakes(parser: GoParser, project: Project, deps: readonly Dependency[]): void {
  const { tree, spec } = project;
  const wanted = [...new Set(deps.map((dep) => dep.iface))];
  if (wanted.length === 0) return;
  const existing = findDeclarations(parser, tree, APP_DIR, 'app_test', wanted.map((iface) => `fake${iface}`));
  for (const iface of wanted) {
    if (existing.has(`fake${iface}`)) continue;
    const port = findPortInterface(parser, tree, iface);
    if (port === null) {
      throw new UsageError(`cannot find the interface ${iface} in internal/port, so no test fake can be written for it`, `declare it in internal/port, or add it with: svc add port ${iface}`);
    }
    const name = validateTypeName('port', iface, iface);
    const file = `${APP_DIR}/${name.snake}_fake_test.go`;
    if (tree.exists(file)) throw new UsageError(`${file} exists but does not declare fake${iface}`, `declare fake${iface} there, or move the file`);
    renderFake(tree, spec.module, { name, methods: port.methods, qualifiers: resolveQualifiers(port.methods.flatMap((m) => m.qualifiers), spec.module, port.imports) });
  }
}

/**
 * Serves the use case at `route`: a handler built from its input and output (the skeleton's for
 * a new use case, the structs as they are for an existing one), its test, the route in `routes`
 * in the user's names, and the OpenAPI operation. A use case served already is nothing to do at
 * the same pattern and bad input at another.
 */
async function addHttp(
  parser: GoParser,
  project: Project,
  scope: PackageScope,
  useCase: GoTypeName,
  route: HttpRoute,
  bindNames: () => RoutesBinding,
  skeleton: { arity: number } | null,
): Promise<void> {
  const { tree, spec } = project;
  const handler = handlerName(useCase);
  const routes = readRoutes(parser, tree) ?? [];
  refuseConflictingRoute(route, routes, useCase.pascal);
  const serving = routes.filter((candidate) => candidate.selectors.includes(useCase.pascal));
  if (serving.length > 0) {
    if (!serving.some((candidate) => sameText(candidate.pattern, route.pattern))) {
      throw new UsageError(
        `${useCase.pascal} is already served at ${serving.map((candidate) => candidate.pattern).join(', ')} in ${[...new Set(serving.map((candidate) => candidate.file))].join(', ')}`,
        `a use case has one route here; serve it at ${route.pattern} by changing that route by hand`,
      );
    }
  } else {
    const binding = bindNames();
    const io = skeleton === null ? readUseCaseIO(parser, tree, spec.module, useCase, route) : skeletonIO(route);
    const plan: HandlerPlan = { module: spec.module, pkg: binding.pkg, handler, useCase, route, io, skeleton };
    if (skeleton === null) {
      const problems = [...handlerAdditions(plan).flatMap((addition) => scope.collisions(addition)), ...routesShadowing(binding, handler)];
      if (problems.length > 0) {
        const statement = routeStatement(binding, route.pattern, handler, useCase.pascal);
        throw new UsageError(
          `the handler of ${useCase.pascal} cannot be added: ${[...new Set(problems)].join('; ')}`,
          `rename or move what is in the way; or, if ${handler} already serves ${useCase.pascal}, register it by hand in func routes: ${statement}`,
        );
      }
      if (hasDomainNotImplemented(parser, project)) ensureNotImplemented(parser, tree, spec.module, true);
    }
    renderHandler(tree, plan);
    const statement = routeStatement(binding, route.pattern, handler, useCase.pascal);
    editGoFile(tree, parser, ROUTER_FILE, [{ kind: 'statement', func: 'routes', statement, unlessPresent: `"${route.pattern}"` }], statement);
    // yaml costs ~30 ms to import: only the --http path pays for it.
    const { addOpenApiOperation } = await import('./openapi.js');
    addOpenApiOperation(tree, spec.name.kebab, route, useCase, handler, io);
  }
  // A route served already is the handler's own: what it reads and answers, and its document,
  // are whoever wrote it; the add has nothing to do.
}

/**
 * --grpc: a new use case gets its rpc with the skeleton's fields; an existing one gets an rpc whose
 * messages carry the fields of its own XInput and XOutput (refused when a type has no simple
 * message form), and is nothing to do when the gRPC adapter serves it already.
 */
async function serveOverGrpc(parser: GoParser, project: Project, scope: PackageScope, useCase: GoTypeName, existing: UseCaseIO | null, io: UseCaseIO, arity: number): Promise<ReturnType<typeof addGrpc>> {
  // The proto parser and the gRPC planning load only on this path.
  const { addGrpc } = await import('./grpc/add-grpc.js');
  return addGrpc(parser, project, scope, useCase, existing ?? io, existing === null ? arity : null);
}

function sameText(a: string, b: string): boolean {
  return a.trim().split(/\s+/).join(' ') === b.trim().split(/\s+/).join(' ');
}

function hasDomainNotImplemented(parser: GoParser, project: Project): boolean {
  return findDeclarations(parser, project.tree, 'internal/domain', 'domain', ['ErrNotImplemented']).has('ErrNotImplemented');
}

