import { describe, expect, it } from 'vitest';
import type { AddOperation } from '../../../src/target-contract/add-operation.js';
import { svcProgram, type SvcHandlers } from '../../../src/cli/svc-program.js';
import { makeService, read, runAdd, snapshot, write } from './fixture.js';

/** An add that rewrites a generator-owned file as a whole (what a template re-render does). */
const overwrite = (file: string, content: string): AddOperation => ({
  command: `test overwrite ${file}`,
  async apply(project) {
    project.tree.write(file, content);
    return { postSteps: [] };
  },
});

describe('the add frame', () => {
  it('never overwrites a generator-owned file the user changed: diff, --force hint, exit 1, nothing written', async () => {
    const root = await makeService();
    write(root, 'internal/domain/order.go', `${read(root, 'internal/domain/order.go')}// mine\n`);
    const before = snapshot(root);
    const result = await runAdd(root, overwrite('internal/domain/order.go', 'package domain\n'));
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('changed by hand; not overwriting them');
    expect(result.stdout).toContain('-// mine');
    expect(result.stdout).toContain('--force');
    expect(snapshot(root)).toEqual(before);

    const forced = await runAdd(root, overwrite('internal/domain/order.go', 'package domain\n'), { force: true });
    expect(forced.code).toBe(0);
    expect(read(root, 'internal/domain/order.go')).toBe('package domain\n');
  });

  it('overwrites an untouched generator-owned file without asking', async () => {
    const root = await makeService();
    expect((await runAdd(root, overwrite('internal/domain/order.go', 'package domain\n'))).code).toBe(0);
  });
});

describe('svc flags', () => {
  async function parse(argv: string[]) {
    const calls: unknown[][] = [];
    const record =
      (name: string) =>
      async (...args: unknown[]) => {
        calls.push([name, ...args]);
        return 0;
      };
    const handlers: SvcHandlers = { addUsecase: record('usecase'), addPort: record('port'), addAdapter: record('adapter'), addTransport: record('transport'), addEvent: record('event'), addConsumer: record('consumer'), list: record('list'), doctor: record('doctor') };
    const program = svcProgram(handlers);
    program.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    for (const command of program.commands) command.configureOutput({ writeErr: () => {}, writeOut: () => {} });
    await program.parseAsync(['node', 'svc', ...argv]);
    return calls;
  }

  it('maps every add', async () => {
    expect(await parse(['add', 'usecase', 'CreateInvoice', '--uses', 'Orders,Payments', '--http', 'POST /v1/invoices', '--dry-run'])).toEqual([
      ['usecase', 'CreateInvoice', { uses: 'Orders,Payments', http: 'POST /v1/invoices', grpc: false, dryRun: true, force: false, verify: true }],
    ]);
    expect(await parse(['add', 'usecase', 'CancelOrder', '--grpc'])).toEqual([['usecase', 'CancelOrder', { grpc: true, dryRun: false, force: false, verify: true }]]);
    expect(await parse(['add', 'port', 'PaymentGateway', '--method', 'A(ctx context.Context) error', '--method', 'B() int', '--force'])).toEqual([
      ['port', 'PaymentGateway', { method: ['A(ctx context.Context) error', 'B() int'], dryRun: false, force: true, verify: true }],
    ]);
    expect(await parse(['add', 'adapter', 'postgres', '--for', 'Orders', '--no-install'])).toEqual([
      ['adapter', 'postgres', { for: 'Orders', install: false, dryRun: false, force: false, verify: true }],
    ]);
    expect(await parse(['add', 'usecase', 'CreateInvoice', '--no-verify'])).toEqual([['usecase', 'CreateInvoice', { grpc: false, dryRun: false, force: false, verify: false }]]);
    expect(await parse(['add', 'port', 'Clock', '--method', 'Now() time.Time', '--no-verify'])).toEqual([['port', 'Clock', { method: ['Now() time.Time'], dryRun: false, force: false, verify: false }]]);
    expect(await parse(['add', 'adapter', 'redis', '--no-verify'])).toEqual([['adapter', 'redis', { install: true, dryRun: false, force: false, verify: false }]]);
    expect(await parse(['add', 'event', 'OrderShipped', '--dry-run'])).toEqual([['event', 'OrderShipped', { dryRun: true, force: false, verify: true }]]);
    expect(await parse(['add', 'event', 'OrderShipped', '--from', 'ShipOrder'])).toEqual([['event', 'OrderShipped', { from: 'ShipOrder', dryRun: false, force: false, verify: true }]]);
    expect(await parse(['list', '--json'])).toEqual([['list', { json: true, mermaid: false }]]);
    expect(await parse(['list', '--mermaid'])).toEqual([['list', { json: false, mermaid: true }]]);
    expect(await parse(['doctor'])).toEqual([['doctor', { json: false }]]);
  });

  it('rejects a missing name as a usage error', async () => {
    await expect(parse(['add', 'usecase'])).rejects.toMatchObject({ code: 'commander.missingArgument' });
  });
});
