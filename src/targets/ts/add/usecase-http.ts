import type { FunctionDeclaration, SourceFile } from 'ts-morph';
import { UsageError } from '../../../errors.js';
import type { Project } from '../../../project/load-project.js';
import type { Tree } from '../../../tree/tree.js';
import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { TsEdit } from '../edit/edits.js';
import { AnchorNotFoundError } from '../edit/errors.js';
import type { TsEditSession } from '../edit/session.js';
import { fastifyPatterns, type TsRoute } from './fastify-route.js';
import { functionScopeNames, topLevelNames } from '../edit/module-names.js';
import type { TsTypeName } from './names.js';
import { ensureNotImplementedProblem } from './not-implemented.js';
import { conflictingRoute, servedRoutes } from './served-routes.js';
import { existingInput, type InputField, skeletonInput } from './usecase-input.js';
import { APP_DIR, APP_FILE, handlerCollision, HTTP_DIR, ROUTES_FILE } from './usecase-names.js';

const OPENAPI_FILE = 'api/openapi.yaml';

/**
 * `--http` of `svc add usecase`: a Fastify handler and its test, `registerX(server, app.x)` in
 * registerRoutes, the operation in api/openapi.yaml. The handler fills the use case's input from
 * the path parameters and the body (or the query); for a use case added before, from the fields of
 * its input interface. A use case served already keeps its one route: the same route again is
 * nothing to do, another one is refused.
 */
export async function addTsHttp(project: Project, session: TsEditSession, useCase: TsTypeName, route: TsRoute, skeleton: boolean): Promise<void> {
  const { tree, spec } = project;
  const register = `register${useCase.pascal}`;
  const handlerFile = `${HTTP_DIR}/${useCase.kebab}.ts`;
  const manual = (server: string, app: string) => `import { ${register} } from './${useCase.kebab}.js';\n${register}(${server}, ${app}.${useCase.camel});   (in function registerRoutes)`;
  const routes = session.source(ROUTES_FILE, manual('server', 'app'));
  const fn = registerRoutesFunction(routes, manual('server', 'app'));
  const { server, app, edits: parameterEdits } = bindRoutesParameters(session, routes, fn, manual('server', 'app'));
  const snippet = manual(server, app);
  const served = fn.getDescendantsOfKind(session.ts.SyntaxKind.CallExpression).some((call) => call.getExpression().getText() === register);
  const routeEdits: TsEdit[] = [
    { kind: 'named-import', module: `./${useCase.kebab}.js`, name: register },
    ...parameterEdits,
    { kind: 'statement', func: 'registerRoutes', statement: `${register}(${server}, ${app}.${useCase.camel});`, unlessPresent: `${register}(` },
  ];
  const handlerExists = tree.exists(handlerFile) && topLevelNames(session.ts, session.source(handlerFile, '')).has(register);
  if (served || handlerExists) {
    const file = served ? (importedFrom(routes, register) ?? handlerFile) : handlerFile;
    const own = tree.exists(file) ? servedRoutes(session, tree, HTTP_DIR).filter((candidate) => candidate.file === file) : [];
    const wanted = fastifyPatterns(route.fastifyPath);
    if (!own.some((candidate) => candidate.method === route.method && fastifyPatterns(candidate.path).some((pattern) => wanted.includes(pattern)))) {
      const current = own.length === 0 ? 'another route' : own.map((candidate) => `${candidate.method} ${candidate.path}`).join(', ');
      throw new UsageError(
        `the use case ${useCase.pascal} is served already, at ${current} (${file}); svc add gives a use case one route`,
        `add ${route.pattern} by hand in ${file}, or add a new use case for it`,
      );
    }
    if (!served) session.apply(ROUTES_FILE, routeEdits, snippet);
  } else {
    const problem = handlerCollision(session, tree, useCase);
    if (problem !== undefined) throw new UsageError(`${problem}, so the handler of ${useCase.pascal} cannot be written`, `move it away, or write the handler by hand`);
    const clash = conflictingRoute(servedRoutes(session, tree, HTTP_DIR), route.method, route.fastifyPath);
    if (clash !== undefined) {
      throw new UsageError(
        `--http ${JSON.stringify(route.pattern)} conflicts with ${clash.method} ${clash.path} (${clash.file}): Fastify refuses a second handler for the same method and path shape`,
        'choose another method or path',
      );
    }
    const fields = skeleton ? skeletonInput(route) : existingUseCaseInput(session, tree, useCase, route);
    ensureNotImplementedProblem(session, tree);
    renderHandler(project, useCase, route, fields, skeleton);
    session.apply(ROUTES_FILE, routeEdits, snippet);
  }
  // The skeleton's request and response stand in for the use case's own types (Go reads them from its handler).
  const { addOpenApiOperation } = await import('../../../file-edits/openapi-add-operation.js');
  addOpenApiOperation(tree, OPENAPI_FILE, {
    serviceName: spec.name.kebab,
    method: route.method,
    path: route.openapiPath,
    body: route.body,
    operationId: useCase.camel,
    summary: useCase.sentence,
  });
}

function registerRoutesFunction(routes: SourceFile, manualSnippet: string): FunctionDeclaration {
  const found = routes.getFunctions().filter((candidate) => candidate.getName() === 'registerRoutes' && candidate.hasBody());
  if (found.length === 1) return found[0] as FunctionDeclaration;
  throw new AnchorNotFoundError(ROUTES_FILE, {
    problem: found.length === 0 ? 'missing' : 'ambiguous',
    reason: found.length === 0 ? 'function registerRoutes is gone (renamed, moved or deleted)' : `function registerRoutes is declared ${found.length} times`,
    where: 'in the function that registers the routes of the use cases',
    manualSnippet,
  });
}

/**
 * The names registerRoutes gives its FastifyInstance and its App, found by their types (an unused
 * `_server` is renamed, as the first route uses it). Without both, the lines to add by hand (exit 1).
 */
function bindRoutesParameters(session: TsEditSession, routes: SourceFile, fn: FunctionDeclaration, manualSnippet: string): { server: string; app: string; edits: TsEdit[] } {
  const localName = (module: (specifier: string) => boolean, name: string): string => {
    for (const declaration of routes.getImportDeclarations()) {
      if (!module(declaration.getModuleSpecifierValue())) continue;
      const named = declaration.getNamedImports().find((candidate) => candidate.getName() === name);
      if (named !== undefined) return named.getAliasNode()?.getText() ?? name;
    }
    return name;
  };
  const fastify = localName((module) => module === 'fastify', 'FastifyInstance');
  const appType = localName((module) => module.endsWith('/app/app.js'), 'App');
  const scope = functionScopeNames(session.ts, fn);
  const edits: TsEdit[] = [];
  const bind = (matches: (type: string) => boolean, role: string): string => {
    const parameters = fn.getParameters();
    const index = parameters.findIndex((parameter) => matches(parameter.getTypeNode()?.getText() ?? ''));
    const parameter = parameters[index];
    const name = parameter?.getNameNode();
    if (parameter === undefined || name === undefined || !name.isKind(session.ts.SyntaxKind.Identifier)) {
      throw new AnchorNotFoundError(ROUTES_FILE, { problem: 'wrong-kind', reason: `registerRoutes has no plain parameter of type ${role}`, where: `in registerRoutes, with its ${role} and App parameters`, manualSnippet });
    }
    const bare = name.getText().replace(/^_/, '');
    if (bare === name.getText() || scope.has(bare)) return name.getText();
    edits.push({ kind: 'use-parameter', func: 'registerRoutes', index, name: bare });
    return bare;
  };
  const server = bind((type) => type === fastify || type.startsWith(`${fastify}<`), fastify);
  const app = bind((type) => type === appType || type === `Readonly<${appType}>`, appType);
  return { server, app, edits };
}

/** The file a relative import of `name` points at (`./cancel-order.js` -> src/adapter/http/cancel-order.ts). */
function importedFrom(source: SourceFile, name: string): string | undefined {
  const specifier = source
    .getImportDeclarations()
    .find((declaration) => declaration.getNamedImports().some((named) => (named.getAliasNode()?.getText() ?? named.getName()) === name))
    ?.getModuleSpecifierValue();
  return specifier?.startsWith('./') === true && specifier.endsWith('.js') ? `${HTTP_DIR}/${specifier.slice(2, -3)}.ts` : undefined;
}

/** The input of a use case app.ts has already, read from the module app.ts imports it from. */
function existingUseCaseInput(session: TsEditSession, tree: Tree, useCase: TsTypeName, route: TsRoute): InputField[] {
  const specifier = session
    .source(APP_FILE, '')
    .getImportDeclarations()
    .find((declaration) => declaration.getNamedImports().some((named) => (named.getAliasNode()?.getText() ?? named.getName()) === useCase.pascal))
    ?.getModuleSpecifierValue();
  const file = specifier?.startsWith('./') === true && specifier.endsWith('.js') ? `${APP_DIR}/${specifier.slice(2, -3)}.ts` : `${APP_DIR}/${useCase.kebab}.ts`;
  if (!tree.exists(file)) {
    throw new UsageError(`the use case ${useCase.pascal} exists already, but not in ${file}, so no handler can be generated for it`, `write the handler by hand in ${HTTP_DIR}/${useCase.kebab}.ts`);
  }
  return existingInput(session.ts, session.source(file, ''), file, useCase, route);
}

/** A TypeScript string literal in single quotes. */
function quote(value: string): string {
  return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

function renderHandler(project: Project, useCase: TsTypeName, route: TsRoute, fields: readonly InputField[], skeleton: boolean): void {
  const of = (from: InputField['from']) => fields.filter((field) => field.from === from);
  const [params, body, query] = [of('params'), of('body'), of('query')];
  const requestParts = [
    ...(params.length > 0 ? [`Params: { ${params.map((field) => `${field.name}: string`).join('; ')} }`] : []),
    ...(body.length > 0 ? [`Body: { ${body.map((field) => `${field.name}${field.optional ? '?' : ''}: string`).join('; ')} }`] : []),
    ...(query.length > 0 ? [`Querystring: { ${query.map((field) => `${field.name}?: string`).join('; ')} }`] : []),
  ];
  const access = (field: InputField) =>
    field.from === 'params' ? `request.params.${field.name}` : field.from === 'body' ? `request.body.${field.name}` : `request.query.${field.name}${field.optional ? '' : " ?? ''"}`;
  const required = body.filter((field) => !field.optional).map((field) => quote(field.name));
  const schema =
    body.length === 0
      ? ''
      : [
          '  body: {',
          "    type: 'object',",
          '    additionalProperties: false,',
          ...(required.length > 0 ? [`    required: [${required.join(', ')}],`] : []),
          `    properties: { ${body.map((field) => `${field.name}: { type: 'string' }`).join(', ')} },`,
          '  },',
        ].join('\n');
  const object = (entries: readonly string[]) => (entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`);
  // The test's request: every field filled with `<name>-1`, or one left blank.
  const value = (field: InputField) => `${field.name}-1`;
  const blank = skeleton ? (body[0] ?? query[0] ?? params.at(-1)) : undefined;
  const request = (blankField?: InputField) => {
    const fill = (field: InputField) => (field === blankField ? ' ' : value(field));
    const path = route.path.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_all, name: string) => encodeURIComponent(fill(params.find((field) => field.name === name) as InputField)));
    const search = query.map((field) => `${field.name}=${encodeURIComponent(fill(field))}`).join('&');
    const payload = body.length > 0 ? `, payload: ${object(body.map((field) => `${field.name}: ${quote(fill(field))}`))}` : '';
    return `{ method: '${route.method}', url: ${quote(search === '' ? path : `${path}?${search}`)}${payload} }`;
  };
  const words = [
    ...(params.length > 0 ? [`the path parameter${params.length > 1 ? 's' : ''} ${params.map((field) => field.name).join(', ')}`] : []),
    ...(body.length > 0 ? ['the body'] : []),
    ...(query.length > 0 ? ['the query'] : []),
  ];
  renderTemplateFolder(project.tree, 'ts/usecase/http', {
    uc: useCase,
    handler: useCase.camel,
    route: route.pattern,
    routeLiteral: quote(route.pattern),
    outcome: skeleton ? `the result of ${useCase.pascal} as JSON, 422 when the input is invalid, 501 until ${useCase.pascal} is written` : `the result of ${useCase.pascal} as JSON`,
    fastifyMethod: route.method.toLowerCase(),
    fastifyPath: quote(route.fastifyPath),
    requestType: requestParts.length > 0 ? `<{ ${requestParts.join('; ')} }>` : '',
    schema,
    inputExpression: object(fields.map((field) => `${field.name}: ${access(field)}`)),
    skeleton,
    inputWords: words.length > 0 ? words.join(' and ') : 'an empty input',
    request: request(),
    expectedInput: object(fields.map((field) => `${field.name}: ${quote(value(field))}`)),
    invalidRequest: blank === undefined ? '' : request(blank),
    invalidField: blank?.name ?? '',
  });
}
