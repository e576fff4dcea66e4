import { add, refusedByCompiler, type CorpusAdd, type EditedService, type ServiceFiles } from './edited-service.js';

/** Hand-edited TypeScript services: `create-service orders --lang ts` plus one edit each. */

const APP = 'src/app/app.ts';
const ROUTES = 'src/adapter/http/routes.ts';
const PORTS = 'src/bootstrap/ports.ts';

const CANCEL = add(0, 'usecase', 'CancelOrder', '--uses', 'orders', '--http', 'POST /v1/orders/{id}/cancel');
const GATEWAY = add(0, 'port', 'PaymentGateway', '--method', 'charge(orderId: string, amount: number, signal: AbortSignal): Promise<string>');
const CHARGE = add(0, 'usecase', 'ChargeOrder', '--uses', 'orders,paymentGateway', '--http', 'POST /v1/orders/{id}/charge');
const POSTGRES = add(0, 'adapter', 'postgres', '--no-install');
const REDIS = add(0, 'adapter', 'redis', '--no-install');
const PAYMENTS_HTTP = add(0, 'adapter', 'http', '--for', 'PaymentGateway', '--no-install');

const GROWTH: readonly CorpusAdd[] = [CANCEL, GATEWAY, CHARGE, POSTGRES, REDIS, PAYMENTS_HTTP];

const REGISTER_ROUTES = `export function registerRoutes(server: FastifyInstance, app: App): void {
  registerCreateOrder(server, app.createOrder);
  registerGetOrder(server, app.getOrder);
}`;

const CREATE_PORTS_BODY = `  return {
    orders: new MemoryOrderRepository(),
    ids: uuidGenerator,
    clock: systemClock,
  };`;

const CREATE_APP = `export function createApp(ports: Ports): App {
  return {
    createOrder: new CreateOrder(ports.orders, ports.ids, ports.clock),
    getOrder: new GetOrder(ports.orders),
  };
}`;

function ts(id: string, edit: string, apply: (files: ServiceFiles) => void, adds: readonly CorpusAdd[], create: readonly string[] = []): EditedService {
  return { id, target: 'ts', create, edit, apply, adds };
}

export const TS_SERVICES: readonly EditedService[] = [
  ts(
    'ts-routes-params-renamed',
    'renames the parameters of registerRoutes to fastify and application',
    (files) =>
      files.replace(
        ROUTES,
        REGISTER_ROUTES,
        REGISTER_ROUTES.replace('(server: FastifyInstance, app: App)', '(fastify: FastifyInstance, application: App)').replaceAll('(server, app.', '(fastify, application.'),
      ),
    [...GROWTH, add(2, 'usecase', 'Routes', '--http', 'GET /v1/routes')],
  ),
  ts(
    'ts-create-app-param-renamed',
    'names the parameter of createApp p',
    (files) => files.replace(APP, CREATE_APP, CREATE_APP.replace('(ports: Ports)', '(p: Ports)').replaceAll('ports.', 'p.')),
    [...GROWTH, add(2, 'usecase', 'Health', '--http', 'GET /v1/health-report')],
  ),
  ts(
    'ts-ports-in-a-variable',
    'builds the ports in a constant before returning them',
    (files) => files.replace(PORTS, CREATE_PORTS_BODY, `  const ports: Ports = {\n    orders: new MemoryOrderRepository(),\n    ids: uuidGenerator,\n    clock: systemClock,\n  };\n  return ports;`),
    [...GROWTH, add(2, 'usecase', 'Server', '--http', 'GET /v1/servers')],
  ),
  ts(
    'ts-trailing-comments',
    'comments use cases and routes at the end of their lines',
    (files) => {
      files.replace(APP, '  getOrder: GetOrder;\n}', '  getOrder: GetOrder; // keep me\n}');
      files.replace(ROUTES, '  registerGetOrder(server, app.getOrder);\n}', '  registerGetOrder(server, app.getOrder); // public\n}');
      files.replace(APP, '    getOrder: new GetOrder(ports.orders),\n', '    getOrder: new GetOrder(ports.orders), // read side\n');
    },
    [...GROWTH, add(2, 'usecase', 'Problem', '--http', 'GET /v1/problems')],
  ),
  ts(
    'ts-handler-name-taken',
    'writes its own registerCancelOrder in the HTTP adapter',
    (files) =>
      files.write(
        'src/adapter/http/admin.ts',
        `import type { FastifyInstance } from 'fastify';

/** Tells operators how to cancel an order until the API can. */
export function registerCancelOrder(server: FastifyInstance): void {
  server.post('/admin/orders/:id/cancel', async (_request, reply) => reply.code(503).send({ detail: 'ask the on-call engineer' }));
}
`,
      ),
    [add(2, 'usecase', 'CancelOrder', '--uses', 'orders', '--http', 'POST /v1/orders/{id}/cancel'), GATEWAY, CHARGE, add(2, 'usecase', 'OrderJson', '--http', 'GET /v1/order-json')],
  ),
  ts(
    'ts-create-app-in-a-variable',
    'builds the App in a constant in createApp',
    (files) => files.replace(APP, CREATE_APP, CREATE_APP.replace('  return {', '  const app: App = {').replace('  };\n}', '  };\n  return app;\n}')),
    [CANCEL, GATEWAY, CHARGE],
  ),
  ts(
    'ts-extra-route',
    'serves a version endpoint inline in registerRoutes',
    (files) =>
      files.replace(
        ROUTES,
        '  registerGetOrder(server, app.getOrder);\n}',
        "  registerGetOrder(server, app.getOrder);\n  server.get('/v1/version', () => ({ version: 'dev' }));\n}",
      ),
    [...GROWTH, add(2, 'usecase', 'Version', '--http', 'GET /v1/version'), add(2, 'usecase', 'FetchOrder', '--http', 'GET /v1/orders/{orderId}')],
  ),
  ts(
    'ts-order-repository-extended',
    'adds list to the OrderRepository port and implements it in memory and in the fakes',
    (files) => {
      files.replace('src/port/order-repository.ts', '  get(id: OrderId, signal: AbortSignal): Promise<Order>;\n}', '  get(id: OrderId, signal: AbortSignal): Promise<Order>;\n  /** Every order. */\n  list(signal: AbortSignal): Promise<Order[]>;\n}');
      files.replace(
        'src/adapter/memory/order-repository.ts',
        '    return order === undefined ? Promise.reject(new NotFoundError(`order ${id}`)) : Promise.resolve(structuredClone(order));\n  }\n}',
        '    return order === undefined ? Promise.reject(new NotFoundError(`order ${id}`)) : Promise.resolve(structuredClone(order));\n  }\n\n  list(signal: AbortSignal): Promise<Order[]> {\n    if (signal.aborted) return Promise.reject(signal.reason as Error);\n    return Promise.resolve([...this.#orders.values()].map((order) => structuredClone(order)));\n  }\n}',
      );
      files.replace(
        'test/order-fakes.ts',
        '    return order === undefined ? Promise.reject(new NotFoundError(`order ${id}`)) : Promise.resolve(order);\n  }\n}',
        '    return order === undefined ? Promise.reject(new NotFoundError(`order ${id}`)) : Promise.resolve(order);\n  }\n\n  list(): Promise<Order[]> {\n    return Promise.resolve([...this.saved]);\n  }\n}',
      );
    },
    [CANCEL, refusedByCompiler('adapter', 'postgres', '--no-install'), refusedByCompiler('adapter', 'redis', '--no-install')],
  ),
  ts(
    'ts-postgres-wiring-hand-tuned',
    'renames the config parameter of createPorts and rewords the readiness check name',
    (files) => {
      const text = files.read(PORTS);
      files.write(PORTS, text.replace('export function createPorts(config: Config', 'export function createPorts(settings: Config').replaceAll('config.postgres', 'settings.postgres').replaceAll('config.idempotency', 'settings.idempotency').replace("deps.health.add('postgres',", "deps.health.add('database',"));
    },
    [add('noop', 'adapter', 'postgres', '--no-install'), REDIS, CANCEL],
    ['--datastore', 'postgres'],
  ),
  ts(
    'ts-route-import-aliased',
    'imports the GetOrder route under another name',
    (files) => {
      files.replace(ROUTES, "import { registerGetOrder } from './get-order.js';", "import { registerGetOrder as getOrderRoute } from './get-order.js';");
      files.replace(ROUTES, '  registerGetOrder(server, app.getOrder);', '  getOrderRoute(server, app.getOrder);');
    },
    [...GROWTH, add(2, 'usecase', 'FetchOrder', '--http', 'GET /v1/orders/{orderId}')],
  ),
  ts(
    'ts-create-ports-params-renamed',
    'names the parameters of createPorts _settings and _dependencies',
    (files) => files.replace(PORTS, 'export function createPorts(_config: Config, _deps: Dependencies): Ports {', 'export function createPorts(_settings: Config, _dependencies: Dependencies): Ports {'),
    GROWTH,
  ),
  ts(
    'ts-own-port-without-sample',
    'starts without the sample and writes an InvoiceStore port, its memory adapter and its wiring by hand',
    (files) => {
      files.write(
        'src/port/invoice-store.ts',
        `/** Keeps issued invoices. */
export interface InvoiceStore {
  /** Records an invoice for an order and returns its number. */
  issue(orderId: string, amountCents: number, signal: AbortSignal): Promise<string>;
}
`,
      );
      files.write(
        'src/adapter/memory/invoice-store.ts',
        `import type { InvoiceStore } from '../../port/invoice-store.js';

/** Numbers invoices in process memory. */
export class MemoryInvoiceStore implements InvoiceStore {
  #next = 0;

  issue(_orderId: string, _amountCents: number, signal: AbortSignal): Promise<string> {
    if (signal.aborted) return Promise.reject(signal.reason as Error);
    this.#next += 1;
    return Promise.resolve(\`INV-\${String(this.#next)}\`);
  }
}
`,
      );
      files.replace(APP, 'export interface Ports {}', "export interface Ports {\n  invoices: InvoiceStore;\n}");
      files.write(APP, `import type { InvoiceStore } from '../port/invoice-store.js';\n\n${files.read(APP)}`);
      files.replace(PORTS, 'export function createPorts(_config: Config, _deps: Dependencies): Ports {\n  return {};', 'export function createPorts(_config: Config, _deps: Dependencies): Ports {\n  return { invoices: new MemoryInvoiceStore() };');
      files.write(PORTS, `import { MemoryInvoiceStore } from '../adapter/memory/invoice-store.js';\n${files.read(PORTS)}`);
    },
    [add(0, 'usecase', 'IssueInvoice', '--uses', 'invoices', '--http', 'POST /v1/invoices'), add(0, 'usecase', 'ListInvoices'), add(0, 'adapter', 'postgres', '--no-install')],
    ['--no-example'],
  ),
];
