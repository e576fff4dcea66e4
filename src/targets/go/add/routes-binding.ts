import type { Node } from 'web-tree-sitter';
import type { Tree } from '../../../tree/tree.js';
import { AnchorNotFoundError } from '../edit/errors.js';
import type { GoParser } from '../edit/parser.js';
import { packageName } from '../inspect/project-model.js';
import { fileImports, readGo } from '../inspect/syntax.js';
import { requireFile, ROUTER_FILE } from './go-files.js';

/** The names `func routes` gives the values a route needs, as the user wrote them. */
export interface RoutesBinding {
  /** The package clause of router.go: `httpadapter`. */
  pkg: string;
  /** The `*http.ServeMux` parameter: `mux`. */
  mux: string;
  /** The `*slog.Logger` parameter: `log`. */
  log: string;
  /** The `*app.App` parameter: `a`. */
  app: string;
  /** Every name declared in routes (parameters and locals): a handler of that name would be shadowed there. */
  locals: ReadonlySet<string>;
}

/** The statement that registers a route, in the names of `binding`. */
export function routeStatement(names: Pick<RoutesBinding, 'mux' | 'log' | 'app'>, pattern: string, handler: string, useCase: string): string {
  return `${names.mux}.Handle("${pattern}", ${handler}(${names.log}, ${names.app}.${useCase}))`;
}

/**
 * Reads `func routes` in router.go and binds its parameters by type (`*http.ServeMux`,
 * `*slog.Logger`, `*app.App`, with the file's own import names). When the function or one of
 * them is gone, throws an AnchorNotFoundError with the line to add by hand in the user's names.
 */
export function bindRoutes(parser: GoParser, tree: Tree, module: string, pattern: string, handler: string, useCase: string): RoutesBinding {
  const defaults = { mux: 'mux', log: 'log', app: 'a' };
  const text = requireFile(tree, ROUTER_FILE, routeStatement(defaults, pattern, handler, useCase));
  const read = readGo(parser, ROUTER_FILE, text, (doc) => {
    const imports = fileImports(doc);
    const nameOf = (path: string) => imports.find((entry) => entry.path === path)?.name;
    const wanted = {
      mux: { type: `*${nameOf('net/http') ?? 'http'}.ServeMux`, imported: nameOf('net/http') !== undefined },
      log: { type: `*${nameOf('log/slog') ?? 'slog'}.Logger`, imported: nameOf('log/slog') !== undefined },
      app: { type: `*${nameOf(`${module}/internal/app`) ?? 'app'}.App`, imported: nameOf(`${module}/internal/app`) !== undefined },
    };
    const declaration = doc.root.namedChildren.find((node) => node?.type === 'function_declaration' && node.childForFieldName('name')?.text === 'routes');
    if (declaration === undefined || declaration === null) return { pkg: packageName(doc), found: null, wanted };
    const params = parameters(declaration);
    const find = (key: keyof typeof wanted) => (wanted[key].imported ? params.find((param) => param.type === wanted[key].type && param.name !== '_')?.name : undefined);
    return {
      pkg: packageName(doc),
      found: { mux: find('mux'), log: find('log'), app: find('app'), locals: localNames(declaration) },
      wanted,
    };
  });
  const { found, wanted } = read;
  const names = { mux: found?.mux ?? defaults.mux, log: found?.log ?? defaults.log, app: found?.app ?? defaults.app };
  const manualSnippet = routeStatement(names, pattern, handler, useCase);
  if (found === null) {
    throw new AnchorNotFoundError(ROUTER_FILE, {
      problem: 'missing',
      reason: 'cannot find func routes (it may have been renamed or moved to another file)',
      where: 'where the HTTP routes are registered',
      manualSnippet,
    });
  }
  const missing = (['mux', 'log', 'app'] as const).filter((key) => found[key] === undefined).map((key) => `${wanted[key].type} (here called ${defaults[key]})`);
  if (missing.length > 0) {
    throw new AnchorNotFoundError(ROUTER_FILE, {
      problem: 'missing',
      reason: `func routes has no parameter of type ${missing.join(', ')}`,
      where: 'in func routes, once it has the parameters that line uses',
      manualSnippet,
    });
  }
  return { pkg: read.pkg, mux: names.mux, log: names.log, app: names.app, locals: found.locals };
}

/** The parameters of a function, each with its type as written without white space. */
function parameters(declaration: Node): { name: string; type: string }[] {
  const list = declaration.childForFieldName('parameters');
  const params: { name: string; type: string }[] = [];
  for (const param of list?.namedChildren ?? []) {
    if (param?.type !== 'parameter_declaration') continue;
    const type = param.childForFieldName('type')?.text.replace(/\s+/g, '') ?? '';
    for (const name of param.childrenForFieldName('name')) if (name !== null) params.push({ name: name.text, type });
  }
  return params;
}

/** Parameters of the function and every name declared in its body (in any inner scope, to be safe). */
function localNames(declaration: Node): Set<string> {
  const names = new Set<string>();
  const add = (node: Node | null | undefined) => {
    if (node === null || node === undefined) return;
    if (node.type === 'identifier' || node.type === 'type_identifier') names.add(node.text);
    else for (const id of node.descendantsOfType('identifier')) if (id !== null) names.add(id.text);
  };
  for (const node of declaration.descendantsOfType(['parameter_declaration', 'variadic_parameter_declaration', 'var_spec', 'const_spec', 'type_spec', 'type_alias'])) {
    for (const name of node?.childrenForFieldName('name') ?? []) add(name);
  }
  for (const node of declaration.descendantsOfType(['short_var_declaration', 'range_clause', 'receive_statement'])) {
    add(node?.childForFieldName('left'));
  }
  return names;
}
