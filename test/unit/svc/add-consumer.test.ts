import fs from 'node:fs';
import path from 'node:path';
import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addAdapterOperation } from '../../../src/targets/go/add/add-adapter.js';
import { addConsumerOperation } from '../../../src/targets/go/add/consumer.js';
import { addEventOperation } from '../../../src/targets/go/add/event.js';
import { addUsecaseOperation } from '../../../src/targets/go/add/usecase.js';
import { addTsConsumerOperation } from '../../../src/targets/ts/add/consumer.js';
import { makeTsService } from '../ts-edit/fixture.js';
import { svcListAction } from '../../../src/cli/svc-list-action.js';
import { captureOutput, makeService, read, runAdd, snapshot, write } from './fixture.js';

const CONSUMERS = 'internal/bootstrap/consumers.go';
const PRUNER_FILES = [
  'internal/adapter/postgres/inbox_pruner.go',
  'internal/adapter/postgres/inbox_pruner_test.go',
  'internal/platform/config/inbox.go',
  'internal/platform/config/inbox_test.go',
  'migrations/00005_index_processed_messages_processed_at.sql',
];

describe('svc add consumer (Go, NATS)', () => {
  it('writes the consumer, creates the use case it runs, wires it as a worker and documents the receive operation', async () => {
    const root = await makeService({ messaging: 'nats' });
    const result = await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }));
    expect(result.code, result.all).toBe(0);
    const consumer = read(root, 'internal/adapter/nats/order_placed_consumer.go');
    expect(consumer).toContain('func OpenOrderPlacedConsumer(ctx context.Context, cfg config.NATS, consumers config.NATSConsumer, inbox port.Inbox, uc reserveStockRunner, log *slog.Logger) (*Consumer, error) {');
    expect(consumer).toContain('Execute(ctx context.Context, in app.ReserveStockInput) (app.ReserveStockOutput, error)');
    expect(consumer).toContain('if event.SchemaVersion != domain.OrderPlacedVersion {');
    expect(read(root, 'internal/app/reserve_stock.go')).toContain('func (uc *ReserveStock) Execute(');
    expect(read(root, 'internal/adapter/nats/consumer.go')).toContain('func (c *Consumer) Run(ctx context.Context) error {');
    expect(read(root, 'internal/platform/config/config.go')).toContain('NATSConsumer NATSConsumer');
    const wiring = read(root, CONSUMERS);
    expect(wiring).toContain('orderPlacedConsumer, err := natsadapter.OpenOrderPlacedConsumer(ctx, cfg.NATS, cfg.NATSConsumer, deps.inbox, application.ReserveStock, log)');
    expect(wiring).toContain('deps.checks.RegisterOptional("nats consumer "+orderPlacedConsumer.Name(), orderPlacedConsumer.Ping)');
    expect(wiring).toContain('deps.workers = append(deps.workers, worker{name: "nats consumer " + orderPlacedConsumer.Name(), run: orderPlacedConsumer.Run})');
    expect(read(root, 'internal/bootstrap/bootstrap.go')).toContain('\tif err := addConsumers(ctx, cfg, log, deps, application); err != nil {\n\t\treturn fail(err)\n\t}\n');
    expect(read(root, 'internal/bootstrap/bootstrap.go')).toMatch(/\n\tinbox +port\.Inbox \/\/ /);
    expect(wiring).toContain('\tif deps.inbox == nil {\n\t\tdeps.inbox = memory.NewInbox(cfg.NATSConsumer.DedupeSize)\n\t}\n');
    expect(read(root, 'internal/adapter/memory/inbox.go')).toContain('func (i *Inbox) MarkProcessed(');
    expect(snapshot(root)['internal/adapter/postgres/inbox.go']).toBeUndefined();

    const text = read(root, 'api/asyncapi.yaml');
    const { diagnostics } = await new Parser().parse(text);
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => d.message)).toEqual([]);
    const api = parse(text) as { operations: Record<string, { action: string; channel: { $ref: string } }> };
    expect(api.operations.reserveStockReceivesOrderPlaced).toMatchObject({ action: 'receive', channel: { $ref: '#/channels/order.placed' } });

    const listed = captureOutput();
    expect(await svcListAction(root, listed.out)).toBe(0);
    expect(listed.text().stdout).toMatch(/Consumers \(1\)\n\s+OrderPlaced\s+runs ReserveStock\s+internal\/adapter\/nats\/order_placed_consumer\.go/);

    const before = snapshot(root);
    const again = await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }));
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  }, 90_000);

  it('copies the input fields whose name and type match the payload, and names the others', async () => {
    const root = await makeService({ messaging: 'nats' });
    expect((await runAdd(root, addUsecaseOperation('ReserveStock'))).code).toBe(0);
    const usecase = 'internal/app/reserve_stock.go';
    const edited = read(root, usecase).replace(
      '\tReference string\n}',
      '\tOrderID    domain.OrderID\n\tCustomerID int\n\tTotal      int64\n\tItems      int\n\tcomment    string\n}',
    );
    expect(edited).not.toBe(read(root, usecase));
    write(root, usecase, edited);
    const result = await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }));
    expect(result.code, result.all).toBe(0);
    const consumer = read(root, 'internal/adapter/nats/order_placed_consumer.go');
    expect(consumer).toContain(
      [
        "// reserveStockInput maps the event onto the use case's input.",
        "// The fields whose name and type match the payload's are copied.",
        '// Set the others of app.ReserveStockInput from the event as both grow.',
        "//   - CustomerID: the payload's CustomerID is string, not int",
        '//   - Items: the payload has no field Items',
        'func reserveStockInput(_ domain.Event, payload domain.OrderPlaced) app.ReserveStockInput {',
        '\treturn app.ReserveStockInput{',
        '\t\tOrderID: payload.OrderID,',
        '\t\tTotal:   payload.Total,',
        '\t}',
        '}',
      ].join('\n'),
    );
    expect(consumer).not.toContain('comment');
  }, 90_000);

  it('leaves the input to the user, payload unread, when no field matches', async () => {
    const root = await makeService({ messaging: 'nats' });
    expect((await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }))).code).toBe(0);
    expect(read(root, 'internal/adapter/nats/order_placed_consumer.go')).toContain(
      '//   - Reference: the payload has no field Reference\nfunc reserveStockInput(_ domain.Event, _ domain.OrderPlaced) app.ReserveStockInput {\n\treturn app.ReserveStockInput{}\n}',
    );
  }, 90_000);

  it('keeps what the user wrote in the consumer and the wiring when it adds a second consumer', async () => {
    const root = await makeService({ messaging: 'nats' });
    expect((await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }))).code).toBe(0);
    const mapping = read(root, 'internal/adapter/nats/order_placed_consumer.go').replace('\treturn app.ReserveStockInput{}\n', '\t// Reserve what the order holds.\n\treturn app.ReserveStockInput{Reference: event.Key}\n').replace('func reserveStockInput(_ domain.Event,', 'func reserveStockInput(event domain.Event,');
    write(root, 'internal/adapter/nats/order_placed_consumer.go', mapping);
    const wiring = read(root, CONSUMERS).replace('\treturn nil\n}', '\tlog.InfoContext(ctx, "consumers opened")\n\treturn nil\n}');
    write(root, CONSUMERS, wiring);
    expect((await runAdd(root, addEventOperation('OrderShipped'))).code).toBe(0);

    const result = await runAdd(root, addConsumerOperation('OrderShipped', { handler: 'NotifyCustomer' }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'internal/adapter/nats/order_placed_consumer.go')).toBe(mapping);
    const after = read(root, CONSUMERS);
    expect(after).toContain('\tlog.InfoContext(ctx, "consumers opened")\n');
    expect(after.indexOf('natsadapter.OpenOrderPlacedConsumer')).toBeLessThan(after.indexOf('natsadapter.OpenOrderShippedConsumer'));
    expect(read(root, 'internal/adapter/nats/order_shipped_consumer.go')).toContain('in app.NotifyCustomerInput');
  });

  it('keeps processed events in PostgreSQL, the same whether postgres or the consumer comes first', async () => {
    const consumerFirst = await makeService({ messaging: 'nats' });
    expect((await runAdd(consumerFirst, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }))).code).toBe(0);
    const added = await runAdd(consumerFirst, addAdapterOperation('postgres', { install: false }));
    expect(added.code, added.all).toBe(0);
    const postgresFirst = await makeService({ messaging: 'nats' });
    expect((await runAdd(postgresFirst, addAdapterOperation('postgres', { install: false }))).code).toBe(0);
    const consumed = await runAdd(postgresFirst, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }));
    expect(consumed.code, consumed.all).toBe(0);

    const ports = read(consumerFirst, 'internal/bootstrap/ports.go');
    expect(ports).toContain(
      '\n\tdeps.inbox = postgres.NewInbox(db)\n\tpruner := postgres.NewInboxPruner(db, cfg.Inbox, log)\n' +
        '\tdeps.workers = append(deps.workers, worker{"inbox pruner", pruner.Run})\n\n\treturn app.Ports{',
    );
    expect(read(consumerFirst, 'migrations/00004_create_processed_messages.sql')).toContain('PRIMARY KEY (consumer, message_id)');
    for (const file of [
      'internal/bootstrap/ports.go',
      'internal/bootstrap/bootstrap.go',
      'internal/bootstrap/consumers.go',
      'internal/adapter/postgres/inbox.go',
      'internal/adapter/postgres/inbox_test.go',
      'internal/adapter/nats/consumer_inbox_test.go',
      'internal/adapter/memory/inbox.go',
      'internal/port/inbox.go',
      'internal/adapter/nats/consumer.go',
      'migrations/00003_create_outbox.sql',
      'migrations/00004_create_processed_messages.sql',
      'migrations/00005_index_processed_messages_processed_at.sql',
      'internal/adapter/postgres/inbox_pruner.go',
      'internal/platform/config/inbox.go',
      'internal/platform/config/config.go',
      'README.md',
      '.env.example',
    ]) {
      expect(read(postgresFirst, file), file).toBe(read(consumerFirst, file));
    }
    const files = (root: string) => Object.keys(snapshot(root)).sort();
    expect(files(postgresFirst)).toEqual(files(consumerFirst));

    const before = snapshot(postgresFirst);
    expect((await runAdd(postgresFirst, addAdapterOperation('postgres', { install: false }))).stdout).toContain('nothing to do');
    expect((await runAdd(postgresFirst, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }))).stdout).toContain('nothing to do');
    expect(snapshot(postgresFirst)).toEqual(before);
  }, 120_000);

  it('adds the pruner to an inbox that predates it, each piece when missing, and leaves a complete one alone', async () => {
    const fresh = await makeService({ messaging: 'nats' });
    expect((await runAdd(fresh, addAdapterOperation('postgres', { install: false }))).code).toBe(0);
    expect((await runAdd(fresh, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }))).code).toBe(0);
    const older = await makeService({ messaging: 'nats' });
    expect((await runAdd(older, addAdapterOperation('postgres', { install: false }))).code).toBe(0);
    expect((await runAdd(older, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }))).code).toBe(0);

    // What a version of the tool before the pruner wrote: the inbox without the pruner's pieces.
    for (const file of PRUNER_FILES) fs.rmSync(path.join(older, file));
    const without = (file: string, piece: string) => {
      const text = read(older, file);
      expect(text, file).toContain(piece);
      write(older, file, text.replace(piece, ''));
    };
    without('internal/platform/config/config.go', '\tInbox        Inbox\n');
    without('internal/platform/config/config.go', '\n\tif err := c.Inbox.validate(); err != nil {\n\t\terrs = append(errs, err)\n\t}\n');
    without('internal/bootstrap/ports.go', '\tpruner := postgres.NewInboxPruner(db, cfg.Inbox, log)\n\tdeps.workers = append(deps.workers, worker{"inbox pruner", pruner.Run})\n');
    const env = read(fresh, '.env.example');
    without('.env.example', `\n${env.slice(env.indexOf('# Processed events:')).split('\n\n')[0]?.replace(/\n*$/, '')}\n`);
    expect(snapshot(older)).not.toEqual(snapshot(fresh));

    const added = await runAdd(older, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }));
    expect(added.code, added.all).toBe(0);
    for (const file of PRUNER_FILES) expect(fs.existsSync(path.join(older, file)), file).toBe(true);
    expect(read(older, 'internal/bootstrap/ports.go')).toContain('\tdeps.workers = append(deps.workers, worker{"inbox pruner", pruner.Run})\n');
    // svc.json differs by its history only: the older service ran one more add.
    const withoutManifest = (root: string) => Object.fromEntries(Object.entries(snapshot(root)).filter(([file]) => file !== 'svc.json'));
    expect(withoutManifest(older)).toEqual(withoutManifest(fresh));

    const before = snapshot(older);
    const again = await runAdd(older, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }));
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(older)).toEqual(before);
  }, 120_000);

  it.each([
    ['no broker', {}, 'OrderPlaced', 'ReserveStock', /svc add adapter nats/],
    ['an event the domain does not declare', { messaging: 'nats' as const }, 'OrderShipped', 'ReserveStock', /svc add event OrderShipped/],
    ['a name that is not PascalCase', { messaging: 'nats' as const }, 'order_placed', 'ReserveStock', /event/],
    ['a handler name that is not idiomatic', { messaging: 'nats' as const }, 'OrderPlaced', 'ReserveSku', /ReserveSKU/],
  ])('exits 2 and writes nothing for %s', async (_name, options, event, handler, message) => {
    const root = await makeService(options);
    const before = snapshot(root);
    const result = await runAdd(root, addConsumerOperation(event, { handler }));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toMatch(message);
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses a second handler for an event that has a consumer', async () => {
    const root = await makeService({ messaging: 'nats' });
    expect((await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }))).code).toBe(0);
    const before = snapshot(root);
    const result = await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'NotifyCustomer' }));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toContain('has a consumer already');
    expect(snapshot(root)).toEqual(before);
  });

  it('is not yet for TypeScript', async () => {
    const root = await makeTsService();
    const result = await runAdd(root, addTsConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }));
    expect(result.code).toBe(2);
    expect(result.all).toContain('not yet for TypeScript');
  });
});
