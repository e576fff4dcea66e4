import type { SourceFile } from 'ts-morph';
import type { Tree } from '../../../tree/tree.js';
import { findReturnedObject } from '../edit/anchors.js';
import type { TsEditSession } from '../edit/session.js';
import { bindingInFolder, functionScopeNames } from '../edit/module-names.js';
import type { TsTypeName } from './names.js';

export const APP_FILE = 'src/app/app.ts';
export const ROUTES_FILE = 'src/adapter/http/routes.ts';
export const APP_DIR = 'src/app';
export const HTTP_DIR = 'src/adapter/http';

/** Names the generated use-case module and its test import: the use case's types must differ from them. */
const USE_CASE_IMPORTS = ['FieldError', 'NotImplementedError', 'ValidationError'];
/** Names the generated handler and its test import. */
const HANDLER_IMPORTS = ['Fastify', 'FastifyInstance'];
/** Names the generated handler binds itself: its use-case parameter must differ from them. */
const HANDLER_LOCALS = ['server', 'request', 'reply', 'schema'];

/**
 * Why a new use case cannot take these names, or undefined when every file it writes is new and
 * every name it adds is free: its exported types in src/app (and the names app.ts and createApp
 * bind), the names its own module imports (`portTypes` among them).
 */
export function useCaseCollision(session: TsEditSession, tree: Tree, app: SourceFile, useCase: TsTypeName, portTypes: readonly string[]): string | undefined {
  const files = [`${APP_DIR}/${useCase.kebab}.ts`, `${APP_DIR}/${useCase.kebab}.test.ts`];
  const file = files.find((candidate) => tree.exists(candidate));
  if (file !== undefined) return `${file} already exists`;
  if (app.getInterface('App')?.getProperty(useCase.camel) !== undefined) return `App in ${APP_FILE} already has a property ${useCase.camel}`;
  const createApp = app.getFunction('createApp');
  const returned = createApp === undefined ? undefined : findReturnedObject(session.ts, createApp);
  if (returned !== undefined && 'literal' in returned && returned.literal.getProperty(useCase.camel) !== undefined) return `the object createApp returns (${APP_FILE}) already has a property ${useCase.camel}`;
  const exported = [useCase.pascal, `${useCase.pascal}Input`, `${useCase.pascal}Output`];
  const imported = exported.find((name) => USE_CASE_IMPORTS.includes(name) || portTypes.includes(name));
  if (imported !== undefined) return `${imported} is a name the new ${APP_DIR}/${useCase.kebab}.ts imports (a domain error or a port type)`;
  const bound = bindingInFolder(session, tree, APP_DIR, exported);
  if (bound !== undefined) return `${bound.name} is already declared or imported in ${bound.file}`;
  if (createApp !== undefined && functionScopeNames(session.ts, createApp).has(useCase.pascal)) return `${useCase.pascal} is a parameter or a local of createApp (${APP_FILE}), which would hide the class`;
  return undefined;
}

/** Why the handler of a use case cannot be written with these names, or undefined: its files, `registerX` in src/adapter/http and registerRoutes, the names the handler binds. */
export function handlerCollision(session: TsEditSession, tree: Tree, useCase: TsTypeName): string | undefined {
  const files = [`${HTTP_DIR}/${useCase.kebab}.ts`, `${HTTP_DIR}/${useCase.kebab}.test.ts`];
  const file = files.find((candidate) => tree.exists(candidate));
  if (file !== undefined) return `${file} already exists`;
  if (HANDLER_IMPORTS.includes(useCase.pascal)) return `${useCase.pascal} is a name the handler in ${HTTP_DIR}/${useCase.kebab}.ts imports from fastify`;
  if (HANDLER_LOCALS.includes(useCase.camel)) return `the handler would take the use case as \`${useCase.camel}\`, a name it binds itself`;
  const register = `register${useCase.pascal}`;
  const bound = bindingInFolder(session, tree, HTTP_DIR, [register]);
  if (bound !== undefined) return `${register} is already declared or imported in ${bound.file}`;
  const routes = tree.exists(ROUTES_FILE) ? session.source(ROUTES_FILE, '').getFunction('registerRoutes') : undefined;
  if (routes !== undefined && functionScopeNames(session.ts, routes).has(register)) return `${register} is a parameter or a local of registerRoutes (${ROUTES_FILE})`;
  return undefined;
}
