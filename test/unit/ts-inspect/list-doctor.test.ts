import { describe, expect, it } from 'vitest';
import { svcDoctorAction } from '../../../src/cli/svc-doctor-action.js';
import { svcListAction } from '../../../src/cli/svc-list-action.js';
import type { ServiceInventory } from '../../../src/target-contract/inventory.js';
import { addTsUsecaseOperation } from '../../../src/targets/ts/add/usecase.js';
import { enginesNode, satisfiesNodeRange } from '../../../src/targets/ts/inspect/doctor.js';
import { captureOutput, read, runAdd, write } from '../svc/fixture.js';
import { makeTsService } from '../ts-edit/fixture.js';

type Inventory = ServiceInventory & { name: string };

interface Report {
  healthy: boolean;
  checks: { name: string; ok: boolean; detail: string }[];
  modified: string[];
  missing: string[];
  violations: { file: string; imports: string; rule: string }[];
}

async function list(root: string, json: boolean) {
  const { out, text } = captureOutput(json);
  const code = await svcListAction(root, out);
  return { code, ...text() };
}

async function inventory(root: string): Promise<Inventory> {
  const { code, stdout } = await list(root, true);
  expect(code).toBe(0);
  return JSON.parse(stdout) as Inventory;
}

async function doctor(root: string, nodeVersion = 'v20.19.5') {
  const { out, text } = captureOutput(true);
  // The Go toolchain probe must not run for a TypeScript service.
  const code = await svcDoctorAction(root, out, async () => {
    throw new Error('go probed for a TypeScript service');
  }, () => nodeVersion);
  return { code, report: JSON.parse(text().stdout) as Report };
}

describe('svc list (TypeScript)', () => {
  it('reads use cases, ports, adapters and the wiring of the example service', async () => {
    const found = await inventory(await makeTsService());
    expect(found.name).toBe('orders');
    expect(found.useCases).toEqual([
      { name: 'CreateOrder', ports: ['orders', 'ids', 'clock'], routes: ['POST /v1/orders'] },
      { name: 'GetOrder', ports: ['orders'], routes: ['GET /v1/orders/:id'] },
    ]);
    expect(found.ports).toEqual([
      {
        name: 'orders',
        type: 'OrderRepository',
        interface: 'OrderRepository',
        file: 'src/port/order-repository.ts',
        methods: ['save', 'get'],
        adapter: 'new MemoryOrderRepository()',
        adapterPackage: 'src/adapter/memory/order-repository.ts',
        servedBy: ['memory'],
      },
      { name: 'ids', type: 'IdGenerator', interface: 'IdGenerator', file: 'src/port/system.ts', methods: ['newId'], adapter: 'uuidGenerator', adapterPackage: 'src/adapter/system/system.ts', servedBy: ['system'] },
      { name: 'clock', type: 'Clock', interface: 'Clock', file: 'src/port/system.ts', methods: ['now'], adapter: 'systemClock', adapterPackage: 'src/adapter/system/system.ts', servedBy: ['system'] },
    ]);
    expect(found.adapters).toEqual([
      { name: 'http', path: 'src/adapter/http', direction: 'inbound', serves: ['POST /v1/orders', 'GET /v1/orders/:id'], useCases: ['CreateOrder', 'GetOrder'] },
      { name: 'memory', path: 'src/adapter/memory', direction: 'outbound', serves: ['orders'] },
      { name: 'system', path: 'src/adapter/system', direction: 'outbound', serves: ['ids', 'clock'] },
    ]);
  });

  it('sees use cases added by svc add, with and without a route', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, addTsUsecaseOperation('CancelOrder', { uses: 'orders,clock', http: 'POST /v1/orders/{id}/cancel' }))).code).toBe(0);
    expect((await runAdd(root, addTsUsecaseOperation('Reconcile'))).code).toBe(0);
    const found = await inventory(root);
    expect(found.useCases).toContainEqual({ name: 'CancelOrder', ports: ['orders', 'clock'], routes: ['POST /v1/orders/:id/cancel'] });
    expect(found.useCases).toContainEqual({ name: 'Reconcile', ports: [], routes: [] });
    expect(found.adapters.find((adapter) => adapter.name === 'http')?.serves).toEqual(['POST /v1/orders', 'GET /v1/orders/:id', 'POST /v1/orders/:id/cancel']);
    expect(found.adapters.find((adapter) => adapter.name === 'http')?.useCases).toEqual(['CreateOrder', 'GetOrder', 'CancelOrder']);
  });

  it('a service without the example has no use cases or ports, only the HTTP adapter and the memory one of idempotency keys', async () => {
    const root = await makeTsService({ example: false });
    expect(await inventory(root)).toMatchObject({
      useCases: [],
      ports: [],
      // src/adapter/memory holds the idempotency store, which serves no port of the app.
      adapters: [
        { name: 'http', direction: 'inbound', serves: [] },
        { name: 'memory', direction: 'outbound', serves: [] },
      ],
    });
    expect((await runAdd(root, addTsUsecaseOperation('Ping', { http: 'GET /v1/ping' }))).code).toBe(0);
    expect((await inventory(root)).useCases).toEqual([{ name: 'Ping', ports: [], routes: ['GET /v1/ping'] }]);
    const { stdout } = await list(root, false);
    expect(stdout).toContain('Use cases (1)\n  Ping  -  GET /v1/ping\n');
    expect(stdout).toContain('Ports (0)\n  (none)\n');
  });

  it('follows a decorated store through local constants to every adapter it is built from', async () => {
    const root = await makeTsService();
    const ports = read(root, 'src/bootstrap/ports.ts');
    write(
      root,
      'src/bootstrap/ports.ts',
      `import { CachedOrderRepository } from '../adapter/redis/order-cache.js';\n${ports.replace(
        /export function createPorts[\s\S]*$/,
        [
          'export function createPorts(_config: Config, _deps: Dependencies): Ports {',
          '  const store = new MemoryOrderRepository();',
          '  return {',
          '    orders: new CachedOrderRepository(store),',
          '    ids: uuidGenerator,',
          '    clock: systemClock,',
          '  };',
          '}',
          '',
        ].join('\n'),
      )}`,
    );
    write(root, 'src/adapter/redis/order-cache.ts', 'export class CachedOrderRepository {}\n');
    const found = await inventory(root);
    expect(found.ports[0]).toMatchObject({ name: 'orders', adapter: 'new CachedOrderRepository(store)', adapterPackage: 'src/adapter/redis/order-cache.ts', servedBy: ['redis', 'memory'] });
    expect(found.adapters.filter((adapter) => adapter.serves.includes('orders')).map((adapter) => adapter.name)).toEqual(['memory', 'redis']);
  });

  it('prints a table for people', async () => {
    const { code, stdout } = await list(await makeTsService(), false);
    expect(code).toBe(0);
    expect(stdout).toMatch(/Use cases \(2\)\n {2}CreateOrder +uses orders, ids, clock +POST \/v1\/orders\n/);
    expect(stdout).toMatch(/ {2}orders +OrderRepository +<- new MemoryOrderRepository\(\)\n/);
    expect(stdout).toMatch(/ {2}memory +outbound +src\/adapter\/memory +serves orders\n/);
  });

  it('reports a port that is not wired, and a Ports property whose type is not a port interface', async () => {
    const root = await makeTsService();
    const app = read(root, 'src/app/app.ts').replace('  clock: Clock;\n}', '  clock: Clock;\n  audit: { log(line: string): void };\n}');
    write(root, 'src/app/app.ts', app);
    const audit = (await inventory(root)).ports.find((port) => port.name === 'audit');
    expect(audit).toEqual({ name: 'audit', type: '{ log(line: string): void }', interface: null, file: null, methods: [], adapter: null, adapterPackage: null, servedBy: [] });
    const { stdout } = await list(root, false);
    expect(stdout).toMatch(/ {2}audit +\{ log\(line: string\): void \} +not wired in bootstrap\n/);
  });
});

describe('svc doctor (TypeScript)', () => {
  it('a fresh service is healthy, with and without the example', async () => {
    for (const options of [{}, { example: false }]) {
      const { code, report } = await doctor(await makeTsService(options));
      expect(report.checks.filter((check) => !check.ok)).toEqual([]);
      expect(report.checks.map((check) => check.name)).toEqual(['manifest', 'node', 'layout']);
      expect(report).toMatchObject({ healthy: true, modified: [], missing: [], violations: [] });
      expect(code).toBe(0);
    }
  });

  it('stays healthy after svc add', async () => {
    const root = await makeTsService();
    expect((await runAdd(root, addTsUsecaseOperation('CancelOrder', { uses: 'orders', http: 'POST /v1/orders/{id}/cancel' }))).code).toBe(0);
    const { code, report } = await doctor(root);
    expect(report.checks.filter((check) => !check.ok)).toEqual([]);
    expect(code).toBe(0);
  });

  it('lists generated files changed by hand or deleted, without failing', async () => {
    const root = await makeTsService();
    write(root, 'src/domain/order.ts', `${read(root, 'src/domain/order.ts')}\n// tweaked\n`);
    write(root, 'README.md', '# mine\n');
    const { code, report } = await doctor(root);
    expect(code).toBe(0);
    expect(report.modified).toEqual(['README.md', 'src/domain/order.ts']);
    const { out, text } = captureOutput(false);
    await svcDoctorAction(root, out, async () => null, () => 'v20.19.5');
    expect(text().stdout).toContain('info 2 generated file(s) changed by hand since generation');
  });

  it('fails on imports that break the layout rules', async () => {
    const root = await makeTsService();
    write(root, 'src/domain/leak.ts', "import type { App } from '../app/app.js';\nexport type Leak = App;\n");
    write(root, 'src/port/leak.ts', "export { loadConfig } from '../platform/config.js';\n");
    write(root, 'src/app/leak.ts', "export const load = () => import('../adapter/memory/order-repository.js');\n");
    write(root, 'src/adapter/memory/leak.ts', "import { createPorts } from '../../bootstrap/ports.js';\nexport const ports = createPorts;\n");
    write(root, 'src/adapter/http/leak.ts', "import { MemoryOrderRepository } from '../memory/order-repository.js';\nexport const repo = new MemoryOrderRepository();\n");
    // Allowed: an adapter's own files, a package, and the entry point wiring everything.
    write(root, 'src/adapter/memory/own.ts', "import { MemoryOrderRepository } from './order-repository.js';\nimport { randomUUID } from 'node:crypto';\nexport const x = [MemoryOrderRepository, randomUUID];\n");
    const { code, report } = await doctor(root);
    expect(code).toBe(1);
    expect(report.healthy).toBe(false);
    expect(report.checks.find((check) => check.name === 'layout')).toMatchObject({ ok: false, detail: '5 import(s) break the layout rules' });
    expect(report.violations).toEqual([
      { file: 'src/adapter/http/leak.ts', imports: '../memory/order-repository.js', rule: 'only src/bootstrap and the entry points (src/main.ts) may import adapters' },
      { file: 'src/adapter/memory/leak.ts', imports: '../../bootstrap/ports.js', rule: 'only src/main.ts imports src/bootstrap' },
      { file: 'src/app/leak.ts', imports: '../adapter/memory/order-repository.js', rule: 'src/app may import only src/domain and src/port of this service' },
      { file: 'src/domain/leak.ts', imports: '../app/app.js', rule: 'src/domain may import only packages and node built-ins, nothing of this service' },
      { file: 'src/port/leak.ts', imports: '../platform/config.js', rule: 'src/port may import only src/domain of this service' },
    ]);
    const { out, text } = captureOutput(false);
    expect(await svcDoctorAction(root, out, async () => null, () => 'v20.19.5')).toBe(1);
    expect(text().stdout).toContain('     src/domain/leak.ts imports ../app/app.js: src/domain may import only');
  });

  it('fails on a file that does not parse', async () => {
    const root = await makeTsService();
    write(root, 'src/app/broken.ts', 'export const = ;\n');
    const { code, report } = await doctor(root);
    expect(code).toBe(1);
    expect(report.checks.find((check) => check.name === 'layout')?.detail).toBe('0 import(s) break the layout rules; 1 file(s) do not parse: src/app/broken.ts');
  });

  it('fails on a Node older than engines.node, or without engines.node', async () => {
    const root = await makeTsService();
    const old = await doctor(root, 'v20.16.0');
    expect(old.code).toBe(1);
    expect(old.report.checks.find((check) => check.name === 'node')).toMatchObject({ ok: false, detail: expect.stringContaining('v20.16.0 does not satisfy') });
    const pkg = JSON.parse(read(root, 'package.json')) as Record<string, unknown>;
    write(root, 'package.json', JSON.stringify({ ...pkg, engines: undefined }));
    const none = await doctor(root);
    expect(none.code).toBe(1);
    expect(none.report.checks.find((check) => check.name === 'node')?.detail).toContain('package.json has no engines.node');
  });

  it('fails on a damaged manifest', async () => {
    const root = await makeTsService();
    const manifest = JSON.parse(read(root, 'svc.json')) as Record<string, unknown>;
    write(root, 'svc.json', JSON.stringify({ ...manifest, files: { 'package.json': 'md5:x' } }));
    const { code, report } = await doctor(root);
    expect(code).toBe(1);
    expect(report.checks[0]).toMatchObject({ name: 'manifest', ok: false });
    expect(report.modified).toEqual([]);
  });

  it('reads engines.node and compares Node versions with it', () => {
    expect(enginesNode('{"engines":{"node":">=20.17"}}')).toEqual({ range: '>=20.17' });
    expect(enginesNode('{}')).toEqual({ problem: 'package.json has no engines.node' });
    expect(enginesNode(undefined)).toEqual({ problem: 'package.json is missing' });
    const cases: [string, string, boolean | null][] = [
      ['v20.17.0', '>=20.17', true],
      ['v20.16.9', '>=20.17', false],
      ['v22.1.0', '>=20.17', true],
      ['v20.19.5', '^20.17.0', true],
      ['v21.0.0', '^20.17.0', false],
      ['v20.19.5', '~20.19', true],
      ['v20.20.0', '~20.19', false],
      ['v18.20.0', '^18.20 || >=20.17', true],
      ['v19.0.0', '^18.20 || >=20.17', false],
      ['v20.5.0', '>=18 <21', true],
      ['v21.0.0', '>=18 <21', false],
      ['v20.5.0', '20.x', true],
      ['v20.5.0', '18 - 20', true],
      ['v21.0.0', '18 - 20', false],
      ['v20.5.0', '>20', false],
      ['v21.0.0', '>20', true],
      ['v20.5.0', '<=20', true],
      ['v20.5.0', '*', true],
      ['v20.5.0', '>=20.17.0-rc.1', null],
      ['v20.5.0', 'lts', null],
    ];
    for (const [version, range, expected] of cases) expect(satisfiesNodeRange(version, range), `${version} ${range}`).toBe(expected);
  });
});
