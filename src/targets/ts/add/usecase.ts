import type { AddOperation } from '../../../cli/svc-add-action.js';
import { usecaseCommand } from '../../../spec/usecase-command.js';
import { parseUses } from '../../../spec/parse-uses.js';
import { UsageError } from '../../../errors.js';
import type { Project } from '../../../project/load-project.js';
import { renderTemplateFolder } from '../../../render/template-folder.js';
import { parseHttpRoute, type HttpRoute } from '../../go/add/http-route.js';
import type { SourceFile } from 'ts-morph';
import { TsEditSession } from '../edit/session.js';
import { validateTsTypeName, type TsTypeName } from './names.js';
import { routeKey, servedRoutes } from './served-routes.js';
import { tsVerifier } from '../verify/ts-verifier.js';

export type { TsTypeName } from './names.js';

export const APP_FILE = 'src/app/app.ts';
export const ROUTES_FILE = 'src/adapter/http/routes.ts';
const APP_DIR = 'src/app';
const HTTP_DIR = 'src/adapter/http';

export interface AddUsecaseOptions {
  /** Comma-separated properties of `Ports` the use case takes, e.g. `orders,clock`. */
  uses?: string;
  /** `POST /v1/invoices`: also serve the use case over HTTP. */
  http?: string;
}

interface Dependency {
  /** Property of Ports: `orders`. */
  property: string;
  /** Its type as written in Ports: `OrderRepository`. */
  type: string;
  /** Where app.ts imports the type from: `../port/order-repository.js`. */
  module: string;
}

/** A use case name: an ASCII PascalCase identifier that is no reserved word (in any case) and shadows no global. */
export function validateUseCaseName(name: string): TsTypeName {
  return validateTsTypeName('use case', name, 'svc add usecase CreateInvoice');
}

/**
 * `svc add usecase <Name> [--uses port,...] [--http "METHOD /path"]` in a TypeScript service:
 * src/app/<kebab>.ts with a validating skeleton and its test, the use case in `App` and in what
 * `createApp` returns; with --http a Fastify handler and its test, `registerX(server, app.x)` in
 * `registerRoutes` and the operation in api/openapi.yaml. Every edit goes through ts-morph.
 */
export function addTsUsecaseOperation(name: string, options: AddUsecaseOptions = {}): AddOperation {
  return {
    command: usecaseCommand(name, options),
    async apply(project) {
      const useCase = validateUseCaseName(name);
      const route = options.http === undefined ? undefined : parseTsRoute(options.http);
      const requested = parseUses(options.uses);
      const { tree } = project;
      const session = await TsEditSession.open(tree);
      const appSnippet = [
        `import { ${useCase.pascal} } from './${useCase.kebab}.js';`,
        `${useCase.camel}: ${useCase.pascal};   (in interface App)`,
        `${useCase.camel}: new ${useCase.pascal}(${requested.map((port) => `ports.${port}`).join(', ')}),   (in the object createApp returns)`,
      ].join('\n');
      const app = session.source(APP_FILE, appSnippet);
      const appInterface = app.getInterface('App');
      const exists = appInterface?.getProperty(useCase.camel) !== undefined;
      if (exists && options.uses !== undefined) {
        const current = currentPorts(session, app, useCase);
        if (current === null || current.join(',') !== requested.join(',')) {
          throw new UsageError(
            `the use case ${useCase.pascal} exists already, taking ${current === null ? 'other arguments' : current.length === 0 ? 'no ports' : current.join(', ')}`,
            `change its constructor by hand, or choose another name, e.g. svc add usecase ${useCase.pascal}V2 --uses ${requested.join(',')}`,
          );
        }
      }
      if (!exists) {
        const ports = app.getInterface('Ports');
        const deps = requested.map((property): Dependency => {
          const found = ports?.getProperty(property);
          if (found === undefined) {
            const existing = ports?.getProperties().map((candidate) => candidate.getName()) ?? [];
            throw new UsageError(
              `--uses ${property}: Ports in ${APP_FILE} has no property ${property}`,
              existing.length === 0 ? 'Ports has no ports yet; add one to it first' : `existing ports: ${existing.join(', ')}`,
            );
          }
          const type = found.getTypeNode()?.getText() ?? '';
          const module = app
            .getImportDeclarations()
            .find((declaration) => declaration.getNamedImports().some((named) => named.getName() === type && named.getAliasNode() === undefined))
            ?.getModuleSpecifierValue();
          if (!/^[A-Za-z_$][\w$]*$/.test(type) || module === undefined) {
            throw new UsageError(`--uses ${property}: its type ${type || '(none)'} is not an interface imported from a port module`, 'a use case takes ports (interfaces in src/port) only');
          }
          return { property, type, module };
        });
        const taken = [useCase.pascal, `${useCase.pascal}Input`, `${useCase.pascal}Output`].filter((declared) =>
          app.getImportDeclarations().some((declaration) => declaration.getNamedImports().some((named) => (named.getAliasNode()?.getText() ?? named.getName()) === declared)),
        );
        if (taken.length > 0 || declaresName(app, useCase.pascal)) {
          throw new UsageError(`${taken[0] ?? useCase.pascal} is already declared or imported in ${APP_FILE}, so the use case ${useCase.pascal} cannot be added`, `choose another name, e.g. svc add usecase ${useCase.pascal}V2`);
        }
        for (const file of [`${APP_DIR}/${useCase.kebab}.ts`, `${APP_DIR}/${useCase.kebab}.test.ts`]) {
          if (tree.exists(file)) throw new UsageError(`${file} already exists; the use case ${useCase.pascal} would overwrite it`, 'choose another name or move the file');
        }
        renderUseCase(project, useCase, deps);
        const portsParameter = app.getFunction('createApp')?.getParameters()[0]?.getName() === '_ports' ? 'ports' : (app.getFunction('createApp')?.getParameters()[0]?.getName() ?? 'ports');
        session.apply(
          APP_FILE,
          [
            { kind: 'named-import', module: `./${useCase.kebab}.js`, name: useCase.pascal },
            { kind: 'interface-property', iface: 'App', name: useCase.camel, type: useCase.pascal },
            ...(deps.length > 0 ? [{ kind: 'use-parameter' as const, func: 'createApp', index: 0, name: 'ports' }] : []),
            { kind: 'returned-property', func: 'createApp', name: useCase.camel, initializer: `new ${useCase.pascal}(${deps.map((dep) => `${portsParameter}.${dep.property}`).join(', ')})` },
          ],
          appSnippet,
        );
      }
      if (route !== undefined) await addHttp(project, session, useCase, route);
      return { postSteps: [], verifier: tsVerifier() };
    },
  };
}

/** The ports `new X(ports.a, ports.b)` takes in what createApp returns; null when its arguments are anything else. */
function currentPorts(session: TsEditSession, app: SourceFile, useCase: TsTypeName): string[] | null {
  const { SyntaxKind } = session.ts;
  const created = app
    .getFunction('createApp')
    ?.getDescendantsOfKind(SyntaxKind.NewExpression)
    .find((expression) => expression.getExpression().getText() === useCase.pascal);
  if (created === undefined) return null;
  const ports = created.getArguments().map((argument) => {
    const access = argument.asKind(SyntaxKind.PropertyAccessExpression);
    const owner = access?.getExpression().getText();
    return owner === 'ports' || owner === '_ports' ? access?.getName() : undefined;
  });
  return ports.every((port) => port !== undefined) ? ports : null;
}

interface TsRoute extends HttpRoute {
  /** `/v1/orders/:id`: Fastify's syntax. */
  fastifyPath: string;
}

/** `--http "METHOD /path"` with `{name}` wildcards, as for Go services; `{name...}` and `{$}` have no Fastify equivalent here. */
function parseTsRoute(value: string): TsRoute {
  const route = parseHttpRoute(value);
  if (/\{\$\}|\.\.\.\}/.test(route.path)) {
    throw new UsageError(`invalid --http ${JSON.stringify(value)}: {name...} and {$} are Go ServeMux patterns`, 'use plain {name} wildcards, e.g. --http "GET /v1/invoices/{id}"');
  }
  return { ...route, fastifyPath: route.path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, ':$1') };
}

function renderUseCase(project: Project, useCase: TsTypeName, deps: readonly Dependency[]): void {
  const byModule = new Map<string, string[]>();
  for (const dep of deps) byModule.set(dep.module, [...new Set([...(byModule.get(dep.module) ?? []), dep.type])].sort());
  const typeImports = [...byModule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([module, types]) => `import type { ${types.join(', ')} } from '${module}';\n`);
  renderTemplateFolder(project.tree, 'ts/usecase/app', {
    uc: useCase,
    imports: typeImports.join(''),
    testImports: [...typeImports, `import { ${useCase.pascal} } from './${useCase.kebab}.js';\n`].join(''),
    hasDeps: deps.length > 0,
    params: deps.map((dep) => `readonly ${dep.property}: ${dep.type}`).join(', '),
    portList: deps.map((dep) => `\`this.${dep.property}\``).join(', '),
    fakes: deps.map((dep) => `{} as ${dep.type}`).join(', '),
  });
}

async function addHttp(project: Project, session: TsEditSession, useCase: TsTypeName, route: TsRoute): Promise<void> {
  const { tree, spec } = project;
  const register = `register${useCase.pascal}`;
  const routes = session.source(ROUTES_FILE, `import { ${register} } from './${useCase.kebab}.js';\n${register}(server, app.${useCase.camel});   (in function registerRoutes)`);
  const fn = routes.getFunction('registerRoutes');
  // A service without routes names them `_server` and `_app` (unused so far): the first route uses them.
  const [serverName = 'server', appName = 'app'] = fn?.getParameters().map((parameter) => parameter.getName().replace(/^_/, '')) ?? [];
  const statement = `${register}(${serverName}, ${appName}.${useCase.camel});`;
  const snippet = `import { ${register} } from './${useCase.kebab}.js';\n${statement}   (in function registerRoutes)`;
  const served = fn?.getStatements().some((candidate) => candidate.getText().includes(`${register}(`)) ?? false;
  const handlerFile = `${HTTP_DIR}/${useCase.kebab}.ts`;
  const clash = servedRoutes(session, tree, HTTP_DIR).find((candidate) => candidate.method === route.method && candidate.path === routeKey(route.fastifyPath) && candidate.file !== handlerFile);
  if (clash !== undefined) throw new UsageError(`route ${route.pattern} is already served in ${clash.file}`, 'choose another method or path');
  if (!tree.exists(handlerFile) && !served) {
    if (tree.exists(`${HTTP_DIR}/${useCase.kebab}.test.ts`)) {
      throw new UsageError(`${HTTP_DIR}/${useCase.kebab}.test.ts already exists; the handler test of ${useCase.pascal} would overwrite it`, 'move the file first');
    }
    const last = route.wildcards[route.wildcards.length - 1];
    const requestType = route.body ? 'Body: { reference: string }' : last !== undefined ? `Params: { ${route.wildcards.map((w) => `${w}: string`).join('; ')} }` : 'Querystring: { reference?: string }';
    const source = route.body ? 'request.body.reference' : last !== undefined ? `request.params.${last}` : "request.query.reference ?? ''";
    const targetWith = (reference: string) => route.path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_all, wildcard: string) => (wildcard === last ? reference : 'x'));
    const target = targetWith('ref-1');
    renderTemplateFolder(tree, 'ts/usecase/http', {
      uc: useCase,
      handler: useCase.camel,
      route: route.pattern,
      method: route.method,
      fastifyMethod: route.method.toLowerCase(),
      fastifyPath: route.fastifyPath,
      body: route.body,
      requestType,
      source,
      target: route.body || last !== undefined ? target : `${target}?reference=ref-1`,
      // A blank reference: %20 in the path or query (trimmed to nothing), a space in the body.
      invalidTarget: route.body ? target : last !== undefined ? targetWith('%20') : `${target}?reference=%20`,
    });
  }
  if (!served) {
    session.apply(
      ROUTES_FILE,
      [
        { kind: 'named-import', module: `./${useCase.kebab}.js`, name: register },
        { kind: 'use-parameter', func: 'registerRoutes', index: 0, name: serverName },
        { kind: 'use-parameter', func: 'registerRoutes', index: 1, name: appName },
        { kind: 'statement', func: 'registerRoutes', statement, unlessPresent: `${register}(` },
      ],
      snippet,
    );
  }
  const { addOpenApiOperation } = await import('../../go/add/openapi.js');
  addOpenApiOperation(tree, spec.name.kebab, route, useCase, useCase.camel);
}

function declaresName(source: SourceFile, name: string): boolean {
  return [source.getClass(name), source.getInterface(name), source.getFunction(name), source.getTypeAlias(name), source.getVariableDeclaration(name), source.getEnum(name)].some((found) => found !== undefined);
}
