import type { FunctionDeclaration, SourceFile } from 'ts-morph';
import type { AddOperation } from '../../../target-contract/add-operation.js';
import { usecaseCommand } from '../../../choices/usecase-command.js';
import { parseUses } from '../../../choices/parse-uses.js';
import { resolvePortReferences } from '../../../choices/port-reference.js';
import { UsageError } from '../../../errors.js';
import type { Project } from '../../../project/load-project.js';
import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { TsEdit } from '../edit/edits.js';
import { AnchorNotFoundError } from '../edit/errors.js';
import { TsEditSession } from '../edit/session.js';
import { parseTsRoute } from './fastify-route.js';
import { functionScopeNames } from '../edit/module-names.js';
import { validateTsTypeName, type TsTypeName } from './names.js';
import { ensureNotImplementedError } from './not-implemented.js';
import { addTsHttp } from './usecase-http.js';
import { type InputField, skeletonInput } from './usecase-input.js';
import { APP_FILE, handlerCollision, useCaseCollision } from './usecase-names.js';
import { tsVerifier } from '../verify/ts-verifier.js';

export type { TsTypeName } from './names.js';
export { APP_FILE, ROUTES_FILE } from './usecase-names.js';

export interface AddUsecaseOptions {
  /** Comma-separated properties of `Ports` the use case takes, e.g. `orders,clock`. */
  uses?: string;
  /** `POST /v1/invoices`: also serve the use case over HTTP. */
  http?: string;
  /** Refused: TypeScript services have no gRPC transport yet. */
  grpc?: boolean;
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
 * src/app/<kebab>.ts, a skeleton that validates its input and fails with a NotImplementedError
 * (501 over HTTP) until its work is written, and its test; the use case in `App` and in what
 * `createApp` returns; with --http a Fastify handler that passes the path parameters and the body
 * (or the query) as the input, its test, `registerX(server, app.x)` in `registerRoutes` and the
 * operation in api/openapi.yaml. Every edit goes through ts-morph, with the names the code uses;
 * a name or a file that is taken is refused (exit 2) with a free one to use instead.
 */
export function addTsUsecaseOperation(name: string, options: AddUsecaseOptions = {}): AddOperation {
  return {
    command: usecaseCommand(name, options),
    async apply(project) {
      if (options.grpc === true) throw new UsageError('--grpc: gRPC is not yet for TypeScript services', 'serve the use case over HTTP with --http, e.g. --http "POST /v1/invoices"');
      const useCase = validateUseCaseName(name);
      const route = options.http === undefined ? undefined : parseTsRoute(options.http);
      const given = parseUses(options.uses);
      const { tree } = project;
      const session = await TsEditSession.open(tree);
      const app = session.source(APP_FILE, appSnippet(useCase, given, 'ports'));
      const requested = usedPorts(given, app);
      const present = presentUseCase(app, useCase, options);
      if (present && options.uses !== undefined) {
        const current = currentPorts(session, app, useCase);
        if (current === null || current.join(',') !== requested.join(',')) {
          throw new UsageError(
            `the use case ${useCase.pascal} exists already, taking ${current === null ? 'other arguments' : current.length === 0 ? 'no ports' : current.join(', ')}`,
            `change its constructor by hand, or choose another name, e.g. svc add usecase ${useCase.pascal}V2 --uses ${requested.join(',')}`,
          );
        }
      }
      if (!present) {
        const deps = dependencies(app, requested);
        const fields = skeletonInput(route);
        const problem = collision(session, project, app, useCase, deps, route !== undefined);
        if (problem !== undefined) {
          const free = freeName(session, project, app, useCase, deps, route !== undefined);
          throw new UsageError(
            `${problem}, so the use case ${useCase.pascal} cannot be added`,
            free === undefined ? 'choose another name' : `choose another name, e.g. svc ${usecaseCommand(free.pascal, options)}`,
          );
        }
        const createApp = createAppFunction(app, appSnippet(useCase, requested, 'ports'));
        const { name: portsName, edits: parameterEdits } = bindPortsParameter(session, createApp, deps.length > 0, appSnippet(useCase, requested, 'ports'));
        renderUseCase(project, useCase, deps, fields);
        ensureNotImplementedError(session);
        session.apply(
          APP_FILE,
          [
            { kind: 'named-import', module: `./${useCase.kebab}.js`, name: useCase.pascal },
            { kind: 'interface-property', iface: 'App', name: useCase.camel, type: useCase.pascal },
            ...parameterEdits,
            { kind: 'returned-property', func: 'createApp', name: useCase.camel, initializer: `new ${useCase.pascal}(${deps.map((dep) => `${portsName}.${dep.property}`).join(', ')})` },
          ],
          appSnippet(useCase, requested, portsName),
        );
      }
      if (route !== undefined) await addTsHttp(project, session, useCase, route, !present);
      return { postSteps: [], verifier: tsVerifier() };
    },
  };
}

function appSnippet(useCase: TsTypeName, ports: readonly string[], portsName: string): string {
  return [
    `import { ${useCase.pascal} } from './${useCase.kebab}.js';`,
    `${useCase.camel}: ${useCase.pascal};   (in interface App)`,
    `${useCase.camel}: new ${useCase.pascal}(${ports.map((port) => `${portsName}.${port}`).join(', ')}),   (in the object createApp returns)`,
  ].join('\n');
}

/**
 * Whether App has the use case already (a re-run, or a route for it). A property of that name
 * with another type is someone else's: bad input, with a free name to use instead.
 */
function presentUseCase(app: SourceFile, useCase: TsTypeName, options: AddUsecaseOptions): boolean {
  const property = app.getInterface('App')?.getProperty(useCase.camel);
  if (property === undefined) return false;
  const type = property.getTypeNode()?.getText() ?? '(none)';
  if (type === useCase.pascal) return true;
  throw new UsageError(
    `App in ${APP_FILE} already has a property ${useCase.camel} of type ${type}, so the use case ${useCase.pascal} cannot be added`,
    `choose another name, e.g. svc ${usecaseCommand(`${useCase.pascal}V2`, options)}`,
  );
}

/**
 * The Ports properties `--uses` names: a property (`orders`) or its interface (`OrderRepository`),
 * in any case. Without a Ports interface the names stay as given; dependencies then says so.
 */
function usedPorts(given: readonly string[], app: SourceFile): string[] {
  const ports = app.getInterface('Ports');
  if (ports === undefined) return [...given];
  const entries = ports.getProperties().map((property) => {
    const type = property.getTypeNode()?.getText() ?? '';
    return { name: property.getName(), iface: /^[A-Za-z_$][\w$]*$/.test(type) ? type : undefined };
  });
  return resolvePortReferences(given, entries, { container: `Ports in ${APP_FILE}`, member: 'property', empty: 'Ports has no ports yet; add one to it first' });
}

/** The ports `--uses` names, each a property of Ports whose type app.ts imports from a port module. */
function dependencies(app: SourceFile, requested: readonly string[]): Dependency[] {
  const ports = app.getInterface('Ports');
  return requested.map((property): Dependency => {
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
}

function collision(session: TsEditSession, project: Project, app: SourceFile, useCase: TsTypeName, deps: readonly Dependency[], http: boolean): string | undefined {
  const types = deps.map((dep) => dep.type);
  return useCaseCollision(session, project.tree, app, useCase, types) ?? (http ? handlerCollision(session, project.tree, useCase) : undefined);
}

/** `<Name>V2` … `<Name>V9`: the first that passes every check a new use case must pass. */
function freeName(session: TsEditSession, project: Project, app: SourceFile, useCase: TsTypeName, deps: readonly Dependency[], http: boolean): TsTypeName | undefined {
  for (let version = 2; version <= 9; version++) {
    const candidate = validateUseCaseName(`${useCase.pascal}V${version}`);
    if (collision(session, project, app, candidate, deps, http) === undefined) return candidate;
  }
  return undefined;
}

function createAppFunction(app: SourceFile, manualSnippet: string): FunctionDeclaration {
  const found = app.getFunctions().filter((candidate) => candidate.getName() === 'createApp' && candidate.hasBody());
  if (found.length === 1) return found[0] as FunctionDeclaration;
  throw new AnchorNotFoundError(APP_FILE, {
    problem: found.length === 0 ? 'missing' : 'ambiguous',
    reason: found.length === 0 ? 'function createApp is gone (renamed, moved or deleted)' : `function createApp is declared ${found.length} times`,
    where: 'in the function that wires the use cases',
    manualSnippet,
  });
}

/**
 * The name createApp gives its Ports (the parameter of that type, or its only one); an unused
 * `_ports` is renamed when the use case takes ports. Without such a plain parameter, the lines to
 * add by hand (exit 1).
 */
function bindPortsParameter(session: TsEditSession, createApp: FunctionDeclaration, needed: boolean, manualSnippet: string): { name: string; edits: TsEdit[] } {
  const parameters = createApp.getParameters();
  let index = parameters.findIndex((parameter) => ['Ports', 'Readonly<Ports>'].includes(parameter.getTypeNode()?.getText() ?? ''));
  if (index === -1 && parameters.length === 1) index = 0;
  const name = parameters[index]?.getNameNode();
  if (name === undefined || !name.isKind(session.ts.SyntaxKind.Identifier)) {
    if (!needed) return { name: 'ports', edits: [] };
    throw new AnchorNotFoundError(APP_FILE, { problem: 'wrong-kind', reason: 'createApp has no plain parameter of type Ports', where: 'in createApp, with its Ports parameter', manualSnippet });
  }
  const bare = name.getText().replace(/^_/, '');
  if (!needed || bare === name.getText() || functionScopeNames(session.ts, createApp).has(bare)) return { name: name.getText(), edits: [] };
  return { name: bare, edits: [{ kind: 'use-parameter', func: 'createApp', index, name: bare }] };
}

/** The ports `new X(ports.a, ports.b)` takes in what createApp returns; null when its arguments are anything else. */
function currentPorts(session: TsEditSession, app: SourceFile, useCase: TsTypeName): string[] | null {
  const { SyntaxKind } = session.ts;
  const createApp = app.getFunction('createApp');
  const parameter = createApp?.getParameters()[0]?.getName();
  const created = createApp?.getDescendantsOfKind(SyntaxKind.NewExpression).find((expression) => expression.getExpression().getText() === useCase.pascal);
  if (created === undefined) return null;
  const ports = created.getArguments().map((argument) => {
    const access = argument.asKind(SyntaxKind.PropertyAccessExpression);
    return access !== undefined && access.getExpression().getText() === parameter ? access.getName() : undefined;
  });
  return ports.every((port) => port !== undefined) ? ports : null;
}

function renderUseCase(project: Project, useCase: TsTypeName, deps: readonly Dependency[], fields: readonly InputField[]): void {
  const byModule = new Map<string, string[]>();
  for (const dep of deps) byModule.set(dep.module, [...new Set([...(byModule.get(dep.module) ?? []), dep.type])].sort());
  const typeImports = [...byModule].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([module, types]) => `import type { ${types.join(', ')} } from '${module}';\n`);
  renderTemplateFolder(project.tree, 'ts/usecase/app', {
    uc: useCase,
    imports: typeImports.join(''),
    testImports: [...typeImports, `import { ${useCase.pascal}, type ${useCase.pascal}Input } from './${useCase.kebab}.js';\n`].join(''),
    hasDeps: deps.length > 0,
    params: deps.map((dep) => `readonly ${dep.property}: ${dep.type}`).join(', '),
    portList: deps.map((dep) => `\`this.${dep.property}\``).join(', '),
    fakes: deps.map((dep) => `{} as ${dep.type}`).join(', '),
    inputFields: fields.map((field) => `  ${field.name}: string;`).join('\n'),
    checks: fields.map((field) => `  if (input.${field.name}.trim() === '') errors.push({ field: '${field.name}', detail: 'must not be blank' });`).join('\n'),
    sampleInput: `{ ${fields.map((field) => `${field.name}: '${field.name}-1'`).join(', ')} }`,
    fieldList: `[${fields.map((field) => `'${field.name}'`).join(', ')}]`,
  });
}
