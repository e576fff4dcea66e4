import { add, refusedByCompiler, type CorpusAdd, type EditedService, type ServiceFiles } from './edited-service.js';

/**
 * Hand-edited Go services. Each starts from `create-service orders` (module example.com/orders)
 * with its `create` flags, then a user changes one thing as teams do, then runs adds on it.
 */

const M = 'example.com/orders';
const ROUTER = 'internal/adapter/http/router.go';
const PORTS = 'internal/bootstrap/ports.go';
const APP = 'internal/app/app.go';
const CONFIG = 'internal/platform/config/config.go';

const CANCEL = add(0, 'usecase', 'CancelOrder', '--uses', 'Orders', '--http', 'POST /v1/orders/{id}/cancel');
const GATEWAY = add(0, 'port', 'PaymentGateway', '--method', 'Charge(ctx context.Context, orderID string, amount int64) (string, error)');
const CHARGE = add(0, 'usecase', 'ChargeOrder', '--uses', 'Orders,PaymentGateway', '--http', 'POST /v1/orders/{id}/charge');
const POSTGRES = add(0, 'adapter', 'postgres');
const REDIS = add(0, 'adapter', 'redis');
const GATEWAY_OVER_HTTP = add(0, 'adapter', 'http', '--for', 'PaymentGateway');

/** What a team adds to a service over its first weeks, in order. */
const GROWTH: readonly CorpusAdd[] = [CANCEL, GATEWAY, CHARGE, POSTGRES, REDIS, GATEWAY_OVER_HTTP];

const ROUTES_FUNC = `func routes(mux *http.ServeMux, log *slog.Logger, a *app.App, checks *health.Registry, reg *prometheus.Registry) {
	mux.Handle("GET /healthz", liveness(log))
	mux.Handle("GET /readyz", readiness(log, checks))
	mux.Handle("GET /metrics", metrics.Handler(reg))
	mux.Handle("POST /v1/orders", createOrder(log, a.CreateOrder))
	mux.Handle("GET /v1/orders/{id}", getOrder(log, a.GetOrder))
}`;

const NEW_PORTS_SIGNATURE = 'func newPorts(ctx context.Context, cfg config.Config, log *slog.Logger, deps *dependencies) (app.Ports, error) {';

const PORTS_RETURN = `	return app.Ports{
		Orders: memory.NewOrderRepository(),
		Clock:  system.Clock{},
		IDs:    system.IDGenerator{},
		Events: memory.NewEventPublisher(),
		Tx:     memory.Transactor{},
	}, nil`;

/** The generated return of newPorts, rewritten as teams often do: the ports built in a variable first. */
const PORTS_IN_A_VARIABLE = `	ports := app.Ports{
		Orders: memory.NewOrderRepository(),
		Clock:  system.Clock{},
		IDs:    system.IDGenerator{},
		Events: memory.NewEventPublisher(),
		Tx:     memory.Transactor{},
	}
	return ports, nil`;

const APP_NEW = `func New(p Ports) *App {
	return &App{
		CreateOrder: NewCreateOrder(p.Orders, p.Clock, p.IDs, p.Events, p.Tx),
		GetOrder:    NewGetOrder(p.Orders),
	}
}`;

function go(id: string, edit: string, apply: (files: ServiceFiles) => void, adds: readonly CorpusAdd[], create: readonly string[] = []): EditedService {
  return { id, target: 'go', create, edit, apply, adds };
}

export const GO_SERVICES: readonly EditedService[] = [
  go(
    'go-routes-params-renamed',
    'renames the parameters of routes to router, logger and application',
    (files) =>
      files.replace(
        ROUTER,
        ROUTES_FUNC,
        `func routes(router *http.ServeMux, logger *slog.Logger, application *app.App, checks *health.Registry, reg *prometheus.Registry) {
	router.Handle("GET /healthz", liveness(logger))
	router.Handle("GET /readyz", readiness(logger, checks))
	router.Handle("GET /metrics", metrics.Handler(reg))
	router.Handle("POST /v1/orders", createOrder(logger, application.CreateOrder))
	router.Handle("GET /v1/orders/{id}", getOrder(logger, application.GetOrder))
}`,
      ),
    [...GROWTH, add(2, 'port', 'PaymentGateway', '--method', 'Charge(ctx context.Context, orderID string) error')],
  ),
  go(
    'go-new-ports-params-renamed',
    'renames the parameters of newPorts to conf, logger and d',
    (files) => files.replace(PORTS, NEW_PORTS_SIGNATURE, 'func newPorts(ctx context.Context, conf config.Config, logger *slog.Logger, d *dependencies) (app.Ports, error) {'),
    [...GROWTH, add(2, 'usecase', 'DecodeJSON', '--http', 'POST /v1/decode')],
  ),
  go(
    'go-ports-in-a-variable',
    'builds the ports in a variable before returning them',
    (files) =>
      files.replace(
        PORTS,
        PORTS_RETURN,
        PORTS_IN_A_VARIABLE,
      ),
    [...GROWTH, add(2, 'usecase', 'Middleware', '--http', 'GET /v1/middleware')],
  ),
  go(
    'go-new-ports-renamed-and-moved',
    'moves newPorts to internal/bootstrap/adapters.go and renames it buildPorts',
    (files) => {
      const text = files.read(PORTS).replace('// newPorts builds', '// buildPorts builds').replace('func newPorts(', 'func buildPorts(');
      files.remove(PORTS);
      files.write('internal/bootstrap/adapters.go', text);
      files.replace('internal/bootstrap/bootstrap.go', 'ports, err := newPorts(ctx, cfg, log, deps)', 'ports, err := buildPorts(ctx, cfg, log, deps)');
    },
    [REDIS, POSTGRES, CANCEL, GATEWAY, CHARGE],
  ),
  go(
    'go-bootstrap-import-aliases',
    'imports app, config and the memory adapter under aliases in ports.go',
    (files) => {
      files.replace(PORTS, `\t"${M}/internal/adapter/memory"`, `\tmem "${M}/internal/adapter/memory"`);
      files.replace(PORTS, `\t"${M}/internal/app"`, `\tapplication "${M}/internal/app"`);
      files.replace(PORTS, `\t"${M}/internal/platform/config"`, `\tcfgpkg "${M}/internal/platform/config"`);
      files.replace(PORTS, NEW_PORTS_SIGNATURE, 'func newPorts(ctx context.Context, cfg cfgpkg.Config, log *slog.Logger, deps *dependencies) (application.Ports, error) {');
      files.replace(PORTS, '\treturn app.Ports{\n\t\tOrders: memory.NewOrderRepository(),', '\treturn application.Ports{\n\t\tOrders: mem.NewOrderRepository(),');
      files.replace(PORTS, '\t\tEvents: memory.NewEventPublisher(),', '\t\tEvents: mem.NewEventPublisher(),');
      files.replace(PORTS, '\t\tTx:     memory.Transactor{},', '\t\tTx:     mem.Transactor{},');
    },
    [...GROWTH, add(2, 'usecase', 'Problem', '--http', 'GET /v1/problems')],
  ),
  go(
    'go-app-has-a-version-field',
    'gives App a Version field that New fills from the ports',
    (files) => {
      files.replace(APP, '\tGetOrder    *GetOrder\n}', '\tGetOrder    *GetOrder\n\n\t// Version is the build the use cases run in.\n\tVersion string\n}');
      files.replace(APP, '\t\tGetOrder:    NewGetOrder(p.Orders),\n', '\t\tGetOrder:    NewGetOrder(p.Orders),\n\t\tVersion:     "dev",\n');
    },
    [...GROWTH, add(2, 'usecase', 'Metrics', '--http', 'GET /v1/metrics-report')],
  ),
  go(
    'go-new-param-renamed',
    'names the parameter of app.New ports instead of p',
    (files) => files.replace(APP, APP_NEW, APP_NEW.replace('New(p Ports)', 'New(ports Ports)').replaceAll('p.', 'ports.')),
    GROWTH,
  ),
  go(
    'go-hand-written-usecase',
    'writes an ArchiveOrder use case with its handler and route by hand',
    (files) => {
      files.write(
        'internal/app/archive_order.go',
        `package app

import (
	"context"
	"fmt"

	"${M}/internal/domain"
	"${M}/internal/port"
)

// ArchiveOrderInput names the order to archive.
type ArchiveOrderInput struct {
	ID domain.OrderID
}

// ArchiveOrder checks that an order exists before it is archived.
type ArchiveOrder struct {
	orders port.OrderRepository
}

// NewArchiveOrder returns the use case.
func NewArchiveOrder(orders port.OrderRepository) *ArchiveOrder {
	return &ArchiveOrder{orders: orders}
}

// Execute fails with domain.ErrNotFound when the order does not exist.
func (uc *ArchiveOrder) Execute(ctx context.Context, in ArchiveOrderInput) error {
	if _, err := uc.orders.Get(ctx, in.ID); err != nil {
		return fmt.Errorf("archive order %s: %w", in.ID, err)
	}
	return nil
}
`,
      );
      files.write(
        'internal/adapter/http/archive_order.go',
        `package httpadapter

import (
	"log/slog"
	"net/http"

	"${M}/internal/app"
	"${M}/internal/domain"
)

// archiveOrder answers 204 once the order is archived.
func archiveOrder(log *slog.Logger, uc *app.ArchiveOrder) http.Handler {
	return Handle(log, func(w http.ResponseWriter, r *http.Request) error {
		if err := uc.Execute(r.Context(), app.ArchiveOrderInput{ID: domain.OrderID(r.PathValue("id"))}); err != nil {
			return err
		}
		w.WriteHeader(http.StatusNoContent)
		return nil
	})
}
`,
      );
      files.replace(ROUTER, '\tmux.Handle("GET /v1/orders/{id}", getOrder(log, a.GetOrder))\n', '\tmux.Handle("GET /v1/orders/{id}", getOrder(log, a.GetOrder))\n\tmux.Handle("POST /v1/orders/{id}/archive", archiveOrder(log, a.ArchiveOrder))\n');
      files.replace(APP, '\tGetOrder    *GetOrder\n}', '\tGetOrder     *GetOrder\n\tArchiveOrder *ArchiveOrder\n}');
      files.replace(APP, APP_NEW, APP_NEW.replace('\t\tGetOrder:    NewGetOrder(p.Orders),\n', '\t\tGetOrder:    NewGetOrder(p.Orders),\n\t\tArchiveOrder: NewArchiveOrder(p.Orders),\n').replace('CreateOrder: NewCreateOrder', 'CreateOrder:  NewCreateOrder').replace('GetOrder:    NewGetOrder', 'GetOrder:     NewGetOrder'));
      files.replace(APP, '\tCreateOrder *CreateOrder\n', '\tCreateOrder  *CreateOrder\n');
    },
    [
      ...GROWTH,
      add('noop', 'usecase', 'ArchiveOrder', '--http', 'POST /v1/orders/{id}/archive'),
      add(2, 'usecase', 'ArchiveOrder', '--http', 'DELETE /v1/orders/{id}'),
      add(2, 'usecase', 'CreateOrder', '--http', 'POST /v1/x'),
      add('noop', 'usecase', 'ChargeOrder', '--http', 'POST /v1/orders/{id}/charge'),
    ],
  ),
  go(
    'go-comments-everywhere',
    'documents fields, routes and wiring with comments in odd places',
    (files) => {
      files.replace(APP, '\tOrders port.OrderRepository\n', '\tOrders port.OrderRepository // the store of record\n');
      files.replace(APP, '\tGetOrder    *GetOrder\n}', '\tGetOrder    *GetOrder // read side\n\t// More use cases go here.\n}');
      files.replace(ROUTER, '\tmux.Handle("GET /v1/orders/{id}", getOrder(log, a.GetOrder))\n}', '\tmux.Handle("GET /v1/orders/{id}", getOrder(log, a.GetOrder)) // public\n\n\t// Admin routes come last.\n}');
      files.replace(PORTS, '\t\tTx:     memory.Transactor{},\n\t}, nil', '\t\tTx:     memory.Transactor{}, // no transaction in memory\n\t\t// Add ports above.\n\t}, nil');
    },
    [...GROWTH, add(2, 'usecase', 'Order', '--http', 'GET /v1/order-summary')],
  ),
  go(
    'go-handler-name-taken',
    'writes a helper func cancelOrder of its own in the HTTP adapter',
    (files) =>
      files.write(
        'internal/adapter/http/admin.go',
        `package httpadapter

import "net/http"

// cancelOrder tells operators how to cancel an order until the API can.
func cancelOrder(w http.ResponseWriter, _ *http.Request) {
	http.Error(w, "ask the on-call engineer", http.StatusServiceUnavailable)
}

var _ = cancelOrder
`,
      ),
    [add(2, 'usecase', 'CancelOrder', '--uses', 'Orders', '--http', 'POST /v1/orders/{id}/cancel'), GATEWAY, CHARGE, POSTGRES, REDIS],
  ),
  go(
    'go-memory-repository-in-a-variable',
    'shares one memory repository through a variable named db',
    (files) => files.replace(PORTS, PORTS_RETURN, PORTS_RETURN.replace('\treturn app.Ports{', '\tdb := memory.NewOrderRepository()\n\treturn app.Ports{').replace('Orders: memory.NewOrderRepository(),', 'Orders: db,')),
    [CANCEL, REDIS, add(1, 'adapter', 'postgres')],
  ),
  go(
    'go-config-validate-renamed',
    'renames the receiver of Config.validate to cfg and its error list to problems',
    (files) => {
      const text = files.read(CONFIG);
      const start = text.indexOf('func (c Config) validate() error {');
      const end = text.indexOf('\n}\n', start) + 3;
      const renamed = text.slice(start, end).replaceAll('c.', 'cfg.').replace('func (c Config)', 'func (cfg Config)').replaceAll('errs', 'problems');
      files.write(CONFIG, text.slice(0, start) + renamed + text.slice(end));
    },
    [POSTGRES, REDIS, add(2, 'usecase', 'Health', '--http', 'GET /v1/health-report')],
  ),
  go(
    'go-run-params-renamed',
    'renames the parameters of run in cmd/orders/run.go',
    (files) =>
      files.replace(
        'cmd/orders/run.go',
        'func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {\n\treturn serve(ctx, args, getenv, stdout, stderr)',
        'func run(ctx context.Context, argv []string, env func(string) string, out, errOut io.Writer) error {\n\treturn serve(ctx, argv, env, out, errOut)',
      ),
    [POSTGRES, REDIS, CANCEL, add(2, 'usecase', 'Domain', '--http', 'GET /v1/domains')],
  ),
  go(
    'go-extra-routes',
    'serves a version endpoint with HandleFunc and a catch-all for order documents',
    (files) =>
      files.replace(
        ROUTER,
        '\tmux.Handle("GET /v1/orders/{id}", getOrder(log, a.GetOrder))\n}',
        '\tmux.Handle("GET /v1/orders/{id}", getOrder(log, a.GetOrder))\n\tmux.HandleFunc("GET /v1/version", func(w http.ResponseWriter, _ *http.Request) {\n\t\t_, _ = w.Write([]byte("dev"))\n\t})\n\tmux.Handle("GET /v1/documents/{path...}", http.NotFoundHandler())\n}',
      ),
    [
      ...GROWTH,
      add(2, 'usecase', 'Version', '--http', 'GET /v1/version'),
      add(2, 'usecase', 'FindByKind', '--http', 'GET /v1/{kind}/abc'),
      add(0, 'usecase', 'GetDocument', '--http', 'GET /v1/documents/{id}'),
      add(0, 'usecase', 'ListDocuments', '--http', 'GET /v1/documents/{$}'),
    ],
  ),
  go(
    'go-order-repository-extended',
    'adds List to the OrderRepository port and implements it in memory and in the test fakes',
    (files) => {
      files.replace(
        'internal/port/order_repository.go',
        '\tGet(ctx context.Context, id domain.OrderID) (domain.Order, error)\n}',
        '\tGet(ctx context.Context, id domain.OrderID) (domain.Order, error)\n\t// List returns every order.\n\tList(ctx context.Context) ([]domain.Order, error)\n}',
      );
      const list = (recv: string, type: string, body: string) => `\n// List returns every order.\nfunc (${recv} *${type}) List(${body}\n`;
      const memory = files.read('internal/adapter/memory/order_repository.go');
      files.write(
        'internal/adapter/memory/order_repository.go',
        memory +
          list('r', 'OrderRepository', 'ctx context.Context) ([]domain.Order, error) {\n\tif err := ctx.Err(); err != nil {\n\t\treturn nil, err\n\t}\n\tr.mu.RLock()\n\tdefer r.mu.RUnlock()\n\torders := make([]domain.Order, 0, len(r.orders))\n\tfor _, o := range r.orders {\n\t\torders = append(orders, o)\n\t}\n\treturn orders, nil\n}'),
      );
      for (const fake of ['internal/app/order_fakes_test.go', 'internal/adapter/http/order_fakes_test.go']) {
        files.write(fake, files.read(fake) + list('f', 'fakeOrders', '_ context.Context) ([]domain.Order, error) {\n\treturn nil, nil\n}'));
      }
    },
    [CANCEL, refusedByCompiler('adapter', 'postgres'), refusedByCompiler('adapter', 'redis')],
  ),
  go(
    'go-domain-error-added',
    'adds ErrForbidden to the domain, a new outcome in the table of kinds, and answers it 403 over HTTP',
    (files) => {
      files.replace('internal/domain/errors.go', '\tErrInvalid = errors.New("invalid")\n', '\tErrInvalid = errors.New("invalid")\n\t// ErrForbidden means the caller may not do this.\n\tErrForbidden = errors.New("forbidden")\n');
      files.replace('internal/domain/outcome.go', '\tOutcomeCanceled\n', '\tOutcomeCanceled\n\tOutcomeForbidden\n');
      files.replace('internal/domain/outcome.go', '\t{context.Canceled, OutcomeCanceled},\n', '\t{context.Canceled, OutcomeCanceled},\n\t{ErrForbidden, OutcomeForbidden},\n');
      files.replace('internal/adapter/http/problem.go', '\tdomain.OutcomeCanceled:         statusClientClosedRequest,\n', '\tdomain.OutcomeCanceled:         statusClientClosedRequest,\n\tdomain.OutcomeForbidden:        http.StatusForbidden,\n');
      files.replace('internal/adapter/http/problem.go', '\thttp.StatusConflict:            ', '\thttp.StatusForbidden:           "The request is not allowed for this caller.",\n\thttp.StatusConflict:            ');
    },
    [
      ...GROWTH,
      add(0, 'port', 'OrderLookup', '--method', 'Find(ctx context.Context, id domain.OrderID) (domain.Order, error)'),
      add(2, 'port', 'AuditLog'),
    ],
  ),
  go(
    'go-own-domain-without-sample',
    'starts without the sample and writes an InvoiceStore port, its memory adapter and its wiring by hand',
    (files) => {
      files.write(
        'internal/port/invoice_store.go',
        `package port

import "context"

// InvoiceStore keeps issued invoices.
type InvoiceStore interface {
	// Issue records an invoice for an order and returns its number.
	Issue(ctx context.Context, orderID string, amount int64) (string, error)
}
`,
      );
      files.write(
        'internal/adapter/memory/invoice_store.go',
        `// Package memory holds in-memory adapters: the embedded default of every port.
package memory

import (
	"context"
	"strconv"
	"sync"

	"${M}/internal/port"
)

var _ port.InvoiceStore = (*InvoiceStore)(nil)

// InvoiceStore numbers invoices in memory.
type InvoiceStore struct {
	mu   sync.Mutex
	next int
}

// NewInvoiceStore returns an empty store.
func NewInvoiceStore() *InvoiceStore {
	return &InvoiceStore{}
}

// Issue returns the next invoice number.
func (s *InvoiceStore) Issue(ctx context.Context, _ string, _ int64) (string, error) {
	if err := ctx.Err(); err != nil {
		return "", err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next++
	return "INV-" + strconv.Itoa(s.next), nil
}
`,
      );
      const app = files.read(APP);
      files.write(APP, app.replace(/type Ports struct \{[^}]*\}/, 'type Ports struct {\n\tInvoices port.InvoiceStore\n}').replace(/^package app\n\n/m, `package app\n\nimport "${M}/internal/port"\n\n`));
      const ports = files.read(PORTS);
      files.write(PORTS, ports.replace(/return app\.Ports\{[^}]*\}/, 'return app.Ports{\n\t\tInvoices: memory.NewInvoiceStore(),\n\t}').replace(`\t"${M}/internal/app"`, `\t"${M}/internal/adapter/memory"\n\t"${M}/internal/app"`));
    },
    [
      add(0, 'usecase', 'IssueInvoice', '--uses', 'Invoices'),
      add(0, 'usecase', 'IssueInvoice', '--http', 'POST /v1/invoices'),
      add(0, 'adapter', 'postgres'),
      add(2, 'adapter', 'postgres', '--for', 'InvoiceStore'),
      add(0, 'adapter', 'redis'),
    ],
    ['--no-example'],
  ),
  go(
    'go-http-adapter-alias',
    'imports the HTTP adapter as web in bootstrap',
    (files) => {
      files.replace('internal/bootstrap/bootstrap.go', `\thttpadapter "${M}/internal/adapter/http"`, `\tweb "${M}/internal/adapter/http"`);
      files.replace('internal/bootstrap/bootstrap.go', 'handler := httpadapter.NewHandler(httpadapter.Config{', 'handler := web.NewHandler(web.Config{');
    },
    GROWTH,
  ),
  go(
    'go-postgres-wiring-hand-tuned',
    'changes the postgres error message and writes the closer as a keyed literal',
    (files) => {
      files.replace(PORTS, 'return app.Ports{}, fmt.Errorf("postgres: %w", err)', 'return app.Ports{}, fmt.Errorf("open the order database: %w", err)');
      files.replace(PORTS, 'closer{"postgres", db.Close}', 'closer{name: "postgres", release: db.Close}');
    },
    [add('noop', 'adapter', 'postgres'), REDIS, add('noop', 'adapter', 'redis'), CANCEL],
    ['--datastore', 'postgres'],
  ),
  go(
    'go-redis-first-ports-in-a-variable',
    'builds the ports in a variable, then adds the cache before the database',
    (files) =>
      files.replace(
        PORTS,
        PORTS_RETURN,
        PORTS_IN_A_VARIABLE,
      ),
    [REDIS, POSTGRES, add('noop', 'adapter', 'redis'), add('noop', 'adapter', 'postgres')],
  ),
  go(
    'go-app-built-in-a-variable',
    'builds App in a variable in New before returning it',
    (files) => files.replace(APP, APP_NEW, APP_NEW.replace('\treturn &App{', '\tapplication := &App{').replace('\t}\n}', '\t}\n\treturn application\n}')),
    [CANCEL, GATEWAY, CHARGE],
  ),
  go(
    'go-routes-split-by-resource',
    'moves the order routes into orderRoutes, called from routes',
    (files) =>
      files.replace(
        ROUTER,
        ROUTES_FUNC,
        `func routes(mux *http.ServeMux, log *slog.Logger, a *app.App, checks *health.Registry, reg *prometheus.Registry) {
	mux.Handle("GET /healthz", liveness(log))
	mux.Handle("GET /readyz", readiness(log, checks))
	mux.Handle("GET /metrics", metrics.Handler(reg))
	orderRoutes(mux, log, a)
}

// orderRoutes serves the orders resource.
func orderRoutes(mux *http.ServeMux, log *slog.Logger, a *app.App) {
	mux.Handle("POST /v1/orders", createOrder(log, a.CreateOrder))
	mux.Handle("GET /v1/orders/{id}", getOrder(log, a.GetOrder))
}`,
      ),
    [...GROWTH, add(2, 'usecase', 'FetchOrder', '--http', 'GET /v1/orders/{orderID}')],
  ),
  go(
    'go-grouped-type-declarations',
    'declares Ports and App in one grouped type declaration',
    (files) => {
      const text = files.read(APP);
      const start = text.indexOf('// Ports are the outbound');
      const end = text.indexOf('// New builds');
      const decls = text.slice(start, end).replaceAll('type Ports struct', 'Ports struct').replaceAll('type App struct', 'App struct');
      const indented = decls
        .trimEnd()
        .split('\n')
        .map((line) => (line === '' ? '' : `\t${line}`))
        .join('\n');
      files.write(APP, `${text.slice(0, start)}type (\n${indented}\n)\n\n${text.slice(end)}`);
    },
    GROWTH,
  ),
  go(
    'go-module-path-renamed',
    'renames the module to github.com/acme/orders everywhere',
    (files) => {
      for (const file of files.files()) {
        if (!/\.(go|mod|yml|yaml)$/.test(file) && file !== 'Makefile' && file !== 'Dockerfile') continue;
        const text = files.read(file);
        if (text.includes(M)) files.write(file, text.replaceAll(M, 'github.com/acme/orders'));
      }
    },
    GROWTH,
  ),
  go(
    'go-closers-as-keyed-wiring-after-redis',
    'starts with redis and wraps the cache in its own helper function',
    (files) => {
      files.replace(PORTS, 'Orders: redis.NewOrderCache(memory.NewOrderRepository(), rdb, log),', 'Orders: cached(memory.NewOrderRepository(), rdb, log),');
      files.write(
        PORTS,
        `${files.read(PORTS)}
// cached puts the Redis cache in front of a repository.
func cached(source port.OrderRepository, rdb *redis.Client, log *slog.Logger) port.OrderRepository {
	return redis.NewOrderCache(source, rdb, log)
}
`.replace(`\t"${M}/internal/platform/config"`, `\t"${M}/internal/platform/config"\n\t"${M}/internal/port"`),
      );
    },
    [add('noop', 'adapter', 'redis'), POSTGRES, CANCEL],
    ['--datastore', 'redis'],
  ),
];
