import type { AddOperation } from '../../../cli/svc-add-action.js';
import { usecaseCommand } from '../../../spec/usecase-command.js';
import { parseUses } from '../../../spec/parse-uses.js';
import { FailureError, UsageError } from '../../../errors.js';
import type { Project } from '../../../project/load-project.js';
import { renderTemplateFolder as renderFolder } from '../../../render/template-folder.js';
import { GO_KEYWORDS } from '../../../spec/go-keywords.js';
import type { GoParser } from '../edit/parser.js';
import { loadGoParser } from '../edit/parser.js';
import { constructorArity, findDeclarations, findPortInterface, packageName, readAppModel, readRoutes, type AppModel } from '../inspect/project-model.js';
import { readGo } from '../inspect/syntax.js';
import { gofmtTouched } from './post-steps.js';
import { goVerifier } from '../verify/go-verifier.js';
import { importBlock, resolveQualifiers } from './go-code.js';
import { APP_DIR, APP_FILE, editGoFile, HTTP_DIR, requireFile, ROUTER_FILE } from './go-files.js';
import { parseHttpRoute, testTarget, type HttpRoute } from './http-route.js';
import { refuseConflictingRoute } from './route-clash.js';
import { lowerFirstWord } from '../../../spec/naming.js';
import { safeLocalName, validateTypeName, type GoTypeName } from './names.js';
import { renderFake } from './port-code.js';

export interface AddUsecaseOptions {
  /** Comma-separated fields of app.Ports the use case takes, e.g. `Orders,PaymentGateway`. */
  uses?: string;
  /** `POST /v1/invoices`: also serve the use case over HTTP. */
  http?: string;
}

interface Dependency {
  /** Field of app.Ports: `PaymentGateway`. */
  field: string;
  /** Constructor parameter and struct field: `paymentGateway`. */
  param: string;
  /** As written in Ports: `port.PaymentGateway`. */
  type: string;
  /** The interface name in internal/port: `PaymentGateway`. */
  iface: string;
}

/**
 * `svc add usecase <Name> [--uses Port,...] [--http "METHOD /path"]`: internal/app/<snake>.go with
 * a validating skeleton and its table-driven test, the use case in App and New; with --http a
 * handler, its httptest test, the route in `routes` and the operation in api/openapi.yaml.
 */
export function addUsecaseOperation(name: string, options: AddUsecaseOptions = {}): AddOperation {
  return {
    command: usecaseCommand(name, options),
    async apply(project) {
      const useCase = validateTypeName('use case', name, 'CreateInvoice');
      const route = options.http === undefined ? undefined : parseHttpRoute(options.http);
      const requested = parseUses(options.uses);
      const parser = await loadGoParser();
      const { tree, spec } = project;
      const app = readAppModel(parser, tree);
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
      if (!exists) {
        const deps = dependencies(app, requested, spec.module);
        checkFreeNames(parser, project, useCase);
        renderUseCase(project, useCase, deps);
        addFakes(parser, project, deps);
        const args = deps.map((dep) => `p.${dep.field}`).join(', ');
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
      }
      if (route !== undefined) {
        const arity = exists ? constructorArity(parser, tree, useCase.pascal) : requested.length;
        if (arity === null) throw new UsageError(`cannot find func New${useCase.pascal} in internal/app; the handler test needs it`, 'restore the constructor, or add the route by hand');
        await addHttp(parser, project, useCase, route, arity);
      }
      return { postSteps: [gofmtTouched(tree)], verifier: goVerifier() };
    },
  };
}

function dependencies(app: AppModel, requested: readonly string[], module: string): Dependency[] {
  const ports = app.ports ?? [];
  const portImport = app.imports.find((entry) => entry.path === `${module}/internal/port`)?.name ?? 'port';
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
    const match = new RegExp(`^${portImport}\\.([A-Z][A-Za-z0-9_]*)$`).exec(found.type);
    if (match?.[1] === undefined) {
      throw new UsageError(`--uses ${field}: its type ${found.type} is not an interface from internal/port`, 'a use case takes ports (interfaces in internal/port) only');
    }
    const param = safeLocalName(lowerFirstWord(field), taken);
    taken.add(param);
    return { field, param, type: found.type, iface: match[1] };
  });
}

/** X, XInput, XOutput and NewX must be free in package app, and the files must not exist. */
function checkFreeNames(parser: GoParser, project: Project, useCase: GoTypeName): void {
  const { tree } = project;
  const names = [useCase.pascal, `${useCase.pascal}Input`, `${useCase.pascal}Output`, `New${useCase.pascal}`];
  for (const [declared, file] of findDeclarations(parser, tree, APP_DIR, 'app', names)) {
    throw new UsageError(
      `${declared} is already declared in ${file}, so the use case ${useCase.pascal} cannot be added`,
      `choose another name, e.g. svc add usecase ${useCase.pascal}V2`,
    );
  }
  for (const file of [`${APP_DIR}/${useCase.snake}.go`, `${APP_DIR}/${useCase.snake}_test.go`]) {
    if (tree.exists(file)) throw new UsageError(`${file} already exists; the use case ${useCase.pascal} would overwrite it`, 'choose another name or move the file');
  }
}

function renderUseCase(project: Project, useCase: GoTypeName, deps: readonly Dependency[]): void {
  const { tree, spec } = project;
  const width = Math.max(0, ...deps.map((dep) => dep.param.length));
  const structBody = deps.length === 0 ? 'struct{}' : `struct {\n${deps.map((dep) => `\t${dep.param.padEnd(width)} ${dep.type}\n`).join('')}}`;
  renderFolder(tree, 'go/usecase/app', {
    module: spec.module,
    uc: useCase,
    imports: importBlock(['context', 'strings', `${spec.module}/internal/domain`, ...(deps.length > 0 ? [`${spec.module}/internal/port`] : [])]),
    structBody,
    params: deps.map((dep) => `${dep.param} ${dep.type}`).join(', '),
    literal: `&${useCase.pascal}{${deps.map((dep) => `${dep.param}: ${dep.param}`).join(', ')}}`,
    hasDeps: deps.length > 0,
    portList: deps.map((dep) => `uc.${dep.param}`).join(', '),
    fakes: deps.map((dep) => `&fake${dep.iface}{}`).join(', '),
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

async function addHttp(parser: GoParser, project: Project, useCase: GoTypeName, route: HttpRoute, arity: number): Promise<void> {
  const { tree, spec } = project;
  const routerText = requireFile(tree, ROUTER_FILE, `mux.Handle("${route.pattern}", handler(log, a.${useCase.pascal}))   (in func routes)`);
  const pkg = readGo(parser, ROUTER_FILE, routerText, packageName);
  const handler = GO_KEYWORDS.has(useCase.camel) ? `${useCase.camel}Handler` : lowerFirstWord(useCase.pascal);
  const routes = readRoutes(parser, tree) ?? [];
  refuseConflictingRoute(route, routes, useCase.pascal);
  const handlerFile = `${HTTP_DIR}/${useCase.snake}.go`;
  const served = routes.some((candidate) => candidate.selectors.includes(useCase.pascal));
  if (!tree.exists(handlerFile) && !served) {
    for (const [declared, file] of findDeclarations(parser, tree, HTTP_DIR, pkg, [handler, `${handler}Request`, `${handler}Response`])) {
      throw new UsageError(`${declared} is already declared in ${file}, so the handler of ${useCase.pascal} cannot be added`, 'rename your declaration, or add the route by hand');
    }
    if (tree.exists(`${HTTP_DIR}/${useCase.snake}_test.go`)) {
      throw new UsageError(`${HTTP_DIR}/${useCase.snake}_test.go already exists; the handler test of ${useCase.pascal} would overwrite it`, 'move the file first');
    }
    const target = testTarget(route);
    const source = route.wildcards.length > 0 ? `r.PathValue("${route.wildcards[route.wildcards.length - 1]}")` : 'r.URL.Query().Get("reference")';
    renderFolder(tree, 'go/usecase/http', {
      module: spec.module,
      pkg,
      uc: useCase,
      handler,
      route: route.pattern,
      body: route.body,
      input: `app.${useCase.pascal}Input{Reference: ${source}}`,
      appLiteral: `&app.App{${useCase.pascal}: app.New${useCase.pascal}(${Array.from({ length: arity }, () => 'nil').join(', ')})}`,
      goMethod: route.goMethod,
      target: target.literal,
      targetExpr: target.expression,
      imports: importBlock(['net/http', 'net/http/httptest', 'testing', `${spec.module}/internal/app`, ...(route.body ? ['strconv', 'strings'] : ['net/url'])]),
    });
  }
  if (!served) {
    const statement = `mux.Handle("${route.pattern}", ${handler}(log, a.${useCase.pascal}))`;
    editGoFile(tree, parser, ROUTER_FILE, [{ kind: 'statement', func: 'routes', statement, unlessPresent: `"${route.pattern}"` }], statement);
  }
  // yaml costs ~30 ms to import: only the --http path pays for it.
  const { addOpenApiOperation } = await import('./openapi.js');
  addOpenApiOperation(tree, spec.name.kebab, route, useCase, handler);
}
