import type { Tree } from '../../../../tree/tree.js';
import { BOOTSTRAP_DIR, BOOTSTRAP_FILE } from '../../add/go-files.js';
import { AnchorNotFoundError, type GoEdit, type GoParser } from '../../edit/index.js';
import { bindImport, freeName, importNameOf, packageLevelNames, paramOfType, readFunctionFacts, type ImportBinding } from '../../inspect/go-scope.js';
import { locatePortsLiteral, type PortsLiteralSite } from '../../inspect/ports-literal.js';

/** The names the wiring of a datastore uses in the function that builds app.Ports, as the user's code has them. */
export interface RootBinding {
  site: PortsLiteralSite;
  /** The parameters of type context.Context, config.Config, *slog.Logger and *dependencies. */
  ctx: string;
  cfg: string;
  log: string;
  deps: string;
  /** What an error path returns for the ports: `app.Ports{}`, or `nil` for a `*app.Ports` result. */
  zero: string;
  fmt: ImportBinding;
  adapter: ImportBinding;
  /** A free name for the variable the wiring declares (`db`, `rdb`). */
  variable: string;
  /** How the file names internal/adapter/memory, when it imports it. */
  memory: string | null;
  /** The value of `Orders:` in the literal as written, or null when it does not set Orders. */
  orders: string | null;
}

export type RootParam = 'ctx' | 'cfg' | 'log' | 'deps';

export interface RootRequest {
  /** The adapter package the wiring imports: internal/adapter/<store>. */
  store: 'postgres' | 'mysql' | 'sqlite' | 'redis' | 'nats' | 'kafka' | 'rabbitmq' | 'httpclient' | 'memory';
  /** Names for the variable the wiring declares, first choice first. */
  variable: readonly string[];
  /** The parameters the wiring reads. */
  needs: readonly RootParam[];
  /** The lines to add by hand, written with `binding`'s names. */
  manual(binding: RootBinding): string;
}

const STATEMENT_PLACE = 'above the statement that builds the app.Ports{…} literal';

/**
 * Binds every name the wiring needs from the composition root as it is: the function holding the
 * one app.Ports{…} literal (locatePortsLiteral, shared with add port), its parameters by type, the
 * names its file imports packages under, and free names for what the wiring declares. Refuses with
 * the lines to add by hand (AnchorNotFoundError, exit 1) when a name cannot be found.
 */
export function bindCompositionRoot(parser: GoParser, tree: Tree, module: string, request: RootRequest): RootBinding {
  const lookup = locatePortsLiteral(parser, tree, module);
  if (lookup.site === null) {
    const site: PortsLiteralSite = { file: BOOTSTRAP_FILE, func: 'newPorts', type: 'app.Ports', elements: [], imports: [] };
    throw new AnchorNotFoundError(BOOTSTRAP_DIR, {
      problem: lookup.problem,
      reason: lookup.reason,
      where: `in the function of ${BOOTSTRAP_DIR} that builds the application's ports, ${STATEMENT_PLACE}`,
      manualSnippet: request.manual(defaultBinding(site, module, request)),
    });
  }
  const { site } = lookup;
  const facts = readFunctionFacts(parser, site.file, tree.read(site.file) ?? '', site.func);
  const binding = defaultBinding(site, module, request);
  if (facts === null) {
    throw new AnchorNotFoundError(site.file, {
      problem: 'ambiguous',
      reason: `${site.func} is declared more than once`,
      where: `in ${site.func}, ${STATEMENT_PLACE}`,
      manualSnippet: request.manual(binding),
    });
  }
  const imports = site.imports;
  const typed = (pkgPath: string, type: (pkg: string) => string): string | null => {
    const pkg = importNameOf(imports, pkgPath);
    return pkg === null ? null : paramOfType(facts.params, type(pkg));
  };
  const found: Record<RootParam, string | null> = {
    ctx: typed('context', (pkg) => `${pkg}.Context`),
    cfg: typed(`${module}/internal/platform/config`, (pkg) => `${pkg}.Config`),
    log: typed('log/slog', (pkg) => `*${pkg}.Logger`),
    deps: paramOfType(facts.params, '*dependencies'),
  };
  const problems: string[] = [];
  for (const param of request.needs) {
    const name = found[param];
    if (name === null) problems.push(`${site.func} has no parameter of type ${PARAM_TYPES[param]}`);
    else binding[param] = name;
  }
  const [first, second] = facts.results;
  if (second !== 'error' || facts.results.length !== 2 || (first !== site.type && first !== `*${site.type}`)) {
    problems.push(`${site.func} does not return (${site.type}, error)`);
  } else if (first !== site.type) {
    binding.zero = 'nil';
  }

  const taken = new Set([...facts.mentioned, ...packageLevelNames(parser, tree, BOOTSTRAP_DIR, facts.pkg)]);
  binding.fmt = bindImport(imports, 'fmt', 'fmt', ['stdfmt'], taken);
  binding.adapter = bindImport(imports, binding.adapter.path, request.store, [`${request.store}adapter`], new Set([...taken, binding.fmt.name]));
  binding.variable = freeName(request.variable, new Set([...taken, ...imports.map((entry) => entry.name), binding.fmt.name, binding.adapter.name]));
  if (problems.length > 0) {
    throw new AnchorNotFoundError(site.file, {
      problem: 'missing',
      reason: problems.join('; '),
      where: `in ${site.func} (${site.file}), ${STATEMENT_PLACE}, with the names of what holds the context, configuration, logger and dependencies there`,
      manualSnippet: request.manual(binding),
    });
  }
  return binding;
}

const PARAM_TYPES: Record<RootParam, string> = {
  ctx: 'context.Context',
  cfg: 'config.Config',
  log: '*slog.Logger',
  deps: '*dependencies',
};

function defaultBinding(site: PortsLiteralSite, module: string, request: RootRequest): RootBinding {
  const adapterPath = `${module}/internal/adapter/${request.store}`;
  return {
    site,
    ctx: 'ctx',
    cfg: 'cfg',
    log: 'log',
    deps: 'deps',
    zero: `${site.type}{}`,
    fmt: { path: 'fmt', name: importNameOf(site.imports, 'fmt') ?? 'fmt', imported: importNameOf(site.imports, 'fmt') !== null },
    adapter: { path: adapterPath, name: importNameOf(site.imports, adapterPath) ?? request.store, imported: importNameOf(site.imports, adapterPath) !== null },
    variable: request.variable[0] ?? 'v',
    memory: importNameOf(site.imports, `${module}/internal/adapter/memory`),
    orders: site.elements.find((element) => element.key === 'Orders')?.value ?? null,
  };
}

/** The import edits for the packages the wiring names (none for a package the file imports already). */
export function importEdits(...bindings: readonly ImportBinding[]): GoEdit[] {
  return bindings
    .filter((binding) => !binding.imported)
    .map((binding) => ({ kind: 'import', path: binding.path, ...(binding.alias === undefined ? {} : { alias: binding.alias }) }));
}

/** Statement edits above the statement holding the literal; the first starts a paragraph. */
export function wiringStatements(binding: RootBinding, statements: readonly string[]): GoEdit[] {
  return statements.map((statement, index) => ({
    kind: 'statement',
    func: binding.site.func,
    statement,
    position: 'before-literal',
    literal: binding.site.type,
    paragraph: index === 0,
  }));
}

/** The manual text for a refusal: the statements, the Orders line when there is one, and the imports they use. */
export function manualWiring(binding: RootBinding, statements: readonly string[], orders: string | null, used: readonly ImportBinding[] = [binding.fmt, binding.adapter]): string {
  const imports = used.filter((entry) => !entry.imported).map((entry) => `${entry.alias === undefined ? '' : `${entry.alias} `}"${entry.path}"`);
  return [
    statements.join('\n'),
    ...(orders === null ? [] : ['', `(and in the ${binding.site.type}{…} literal)`, `Orders: ${orders},`]),
    ...(imports.length === 0 ? [] : ['', `(and import ${imports.join(', ')})`]),
  ].join('\n');
}

/** The refusal of an Orders value svc will not rewrite: where the wiring goes, and all of it by hand. */
export function ordersRefusal(binding: RootBinding, wanted: RootRequest, reason: string): AnchorNotFoundError {
  const { site } = binding;
  return new AnchorNotFoundError(site.file, {
    problem: 'wrong-kind',
    reason,
    where: `in ${site.func} (${site.file}), above the statement that builds the ${site.type}{…} literal, and Orders in that literal`,
    manualSnippet: wanted.manual(binding),
  });
}
