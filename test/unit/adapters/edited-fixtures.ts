import fs from 'node:fs';
import path from 'node:path';

/**
 * Realistic hand edits of a generated service (module example.com/orders, the sample on), each a
 * change a team makes in the files `svc add adapter postgres|redis` edits. Each edit checks that
 * the text it changes is there, so a template change cannot turn a fixture into a no-op. Regexes
 * only build fixtures here; the code under test never edits with them.
 */
export type HandEdit = (root: string) => void;

export const PORTS = 'internal/bootstrap/ports.go';
export const BOOTSTRAP = 'internal/bootstrap/bootstrap.go';
export const CONFIG = 'internal/platform/config/config.go';
export const RUN = 'cmd/orders/run.go';

export function readFile(root: string, file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

export function writeFile(root: string, file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

/** Replaces every `from` (a string or a global regex) in a file, failing when there is none. */
export function replaceIn(root: string, file: string, from: string | RegExp, to: string): void {
  const text = readFile(root, file);
  const found = typeof from === 'string' ? text.includes(from) : from.test(text);
  if (!found) throw new Error(`fixture: ${String(from)} not found in ${file}`);
  writeFile(root, file, typeof from === 'string' ? text.split(from).join(to) : text.replace(from, to));
}

const SIGNATURE = 'func newPorts(ctx context.Context, cfg config.Config, log *slog.Logger, deps *dependencies) (app.Ports, error) {';
const LITERAL_RETURN = '\treturn app.Ports{\n\t\tOrders: memory.NewOrderRepository(),\n\t\tClock:  system.Clock{},\n\t\tIDs:    system.IDGenerator{},\n\t\tEvents: memory.NewEventPublisher(),\n\t\tTx:     memory.Transactor{},\n\t}, nil\n';

export const handEdits = {
  /** `newPorts(ctx, conf, logger, d)`: the parameters renamed. */
  renamedParams: (root) => replaceIn(root, PORTS, SIGNATURE, 'func newPorts(ctx context.Context, conf config.Config, logger *slog.Logger, d *dependencies) (app.Ports, error) {'),

  /** newPorts renamed buildPorts, with its caller. */
  renamedFunction: (root) => {
    replaceIn(root, PORTS, /newPorts/g, 'buildPorts');
    replaceIn(root, BOOTSTRAP, 'newPorts(ctx, cfg, log, deps)', 'buildPorts(ctx, cfg, log, deps)');
  },

  /** `ports := app.Ports{…}; return ports, nil`. */
  portsInAVariable: (root) =>
    replaceIn(root, PORTS, LITERAL_RETURN, '\tports := app.Ports{\n\t\tOrders: memory.NewOrderRepository(),\n\t\tClock:  system.Clock{},\n\t\tIDs:    system.IDGenerator{},\n\t\tEvents: memory.NewEventPublisher(),\n\t\tTx:     memory.Transactor{},\n\t}\n\treturn ports, nil\n'),

  /** newPorts moved to internal/bootstrap/adapters.go, ports.go deleted. */
  literalInAnotherFile: (root) => {
    writeFile(root, 'internal/bootstrap/adapters.go', readFile(root, PORTS));
    fs.rmSync(path.join(root, PORTS));
  },

  /** `cfgpkg "…/config"`, `application "…/internal/app"` and `mem "…/adapter/memory"` in ports.go. */
  aliasedImports: (root) => {
    replaceIn(root, PORTS, '\t"example.com/orders/internal/app"\n\t"example.com/orders/internal/platform/config"\n', '\tapplication "example.com/orders/internal/app"\n\tcfgpkg "example.com/orders/internal/platform/config"\n');
    replaceIn(root, PORTS, '\t"example.com/orders/internal/adapter/memory"\n', '\tmem "example.com/orders/internal/adapter/memory"\n');
    replaceIn(root, PORTS, /\bmemory\./g, 'mem.');
    replaceIn(root, PORTS, /app\.Ports/g, 'application.Ports');
    replaceIn(root, PORTS, ' config.Config', ' cfgpkg.Config');
  },

  /** `var ports = app.Ports{…}` built through a helper: `return withDefaults(ports), nil`. */
  portsThroughAHelper: (root) => {
    replaceIn(
      root,
      PORTS,
      LITERAL_RETURN,
      '\tvar ports = app.Ports{\n\t\tOrders: memory.NewOrderRepository(),\n\t\tClock:  system.Clock{},\n\t\tIDs:    system.IDGenerator{},\n\t\tEvents: memory.NewEventPublisher(),\n\t\tTx:     memory.Transactor{},\n\t}\n\treturn withDefaults(ports), nil\n',
    );
    writeFile(root, PORTS, `${readFile(root, PORTS)}\n// withDefaults fills the ports left unset.\nfunc withDefaults(ports app.Ports) app.Ports {\n\treturn ports\n}\n`);
  },

  /** The user's own `db` and `rdb` variables in newPorts. */
  userVariables: (root) =>
    replaceIn(
      root,
      PORTS,
      LITERAL_RETURN,
      '\tdb := system.Clock{}\n\trdb := system.IDGenerator{}\n\n\treturn app.Ports{\n\t\tOrders: memory.NewOrderRepository(),\n\t\tClock:  db,\n\t\tIDs:    rdb,\n\t}, nil\n',
    ),

  /** ports.go imports packages of the user's that are called postgres, sqlite and redis. */
  userPackagesNamedLikeAdapters: (root) => {
    writeFile(root, 'internal/legacy/postgres/postgres.go', '// Package postgres is a legacy helper.\npackage postgres\n\n// Label names the legacy store.\nfunc Label() string { return "legacy" }\n');
    writeFile(root, 'internal/legacy/sqlite/sqlite.go', '// Package sqlite is a legacy helper.\npackage sqlite\n\n// Label names the legacy file.\nfunc Label() string { return "legacy" }\n');
    writeFile(root, 'internal/legacy/redis/redis.go', '// Package redis is a legacy helper.\npackage redis\n\n// Label names the legacy cache.\nfunc Label() string { return "legacy" }\n');
    replaceIn(
      root,
      PORTS,
      '\t"example.com/orders/internal/app"\n',
      '\t"example.com/orders/internal/app"\n\t"example.com/orders/internal/legacy/postgres"\n\t"example.com/orders/internal/legacy/redis"\n\t"example.com/orders/internal/legacy/sqlite"\n',
    );
    replaceIn(
      root,
      PORTS,
      '\treturn app.Ports{\n',
      '\tlog.DebugContext(ctx, "legacy stores", slog.String("postgres", postgres.Label()), slog.String("sqlite", sqlite.Label()), slog.String("redis", redis.Label()))\n\n\treturn app.Ports{\n',
    );
  },

  /** `func (conf Config) validate()` collecting into `problems`. */
  renamedValidate: (root) => {
    const text = readFile(root, CONFIG);
    const start = text.indexOf('func (c Config) validate() error {');
    const end = text.indexOf('\n}\n', start);
    if (start === -1 || end === -1) throw new Error('fixture: Config.validate not found');
    const method = text
      .slice(start, end)
      .replace('func (c Config)', 'func (conf Config)')
      .replace(/\bc\./g, 'conf.')
      .replace(/\berrs\b/g, 'problems');
    writeFile(root, CONFIG, text.slice(0, start) + method + text.slice(end));
  },

  /** `run(c, argv, env, out, errOut)`. */
  renamedRunParams: (root) => {
    replaceIn(
      root,
      RUN,
      'func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {',
      'func run(c context.Context, argv []string, env func(string) string, out, errOut io.Writer) error {',
    );
    replaceIn(root, RUN, '\treturn serve(ctx, args, getenv, stdout, stderr)\n}', '\treturn serve(c, argv, env, out, errOut)\n}');
  },

  /** The sample repository built into a variable first: `orders := memory.NewOrderRepository(); … Orders: orders`. */
  ordersInAVariable: (root) =>
    replaceIn(
      root,
      PORTS,
      LITERAL_RETURN,
      '\torders := memory.NewOrderRepository()\n\n\treturn app.Ports{\n\t\tOrders: orders,\n\t\tClock:  system.Clock{},\n\t\tIDs:    system.IDGenerator{},\n\t\tEvents: memory.NewEventPublisher(),\n\t\tTx:     memory.Transactor{},\n\t}, nil\n',
    ),
} satisfies Record<string, HandEdit>;

export type HandEditName = keyof typeof handEdits;

/** After an add of `store`: a keyed closer literal and another error message (postgres, sqlite) or check name (redis), as a team tidies the wiring. */
export function tidyWiring(root: string, file: string, store: 'postgres' | 'sqlite' | 'redis', variable: string): void {
  replaceIn(root, file, `closer{"${store}", ${variable}.Close}`, `closer{name: "${store}", release: ${variable}.Close}`);
  if (store !== 'redis') replaceIn(root, file, `fmt.Errorf("${store}: %w", err)`, `fmt.Errorf("open ${store}: %w", err)`);
  else replaceIn(root, file, `RegisterOptional("${store}",`, `RegisterOptional("${store} cache",`);
}
