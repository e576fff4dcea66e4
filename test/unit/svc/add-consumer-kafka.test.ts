import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addAdapterOperation } from '../../../src/targets/go/add/add-adapter.js';
import { addConsumerOperation } from '../../../src/targets/go/add/consumer.js';
import { svcListAction } from '../../../src/cli/svc-list-action.js';
import { captureOutput, makeService, read, runAdd, snapshot } from './fixture.js';

const CONSUMERS = 'internal/bootstrap/consumers.go';

describe('svc add consumer (Go, Kafka)', () => {
  it('writes the consumer in the kafka adapter with the Kafka runtime, wires it as a worker and documents the consumer group', async () => {
    const root = await makeService({ messaging: 'kafka' });
    const result = await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }));
    expect(result.code, result.all).toBe(0);
    const consumer = read(root, 'internal/adapter/kafka/order_placed_consumer.go');
    expect(consumer).toMatch(/^package kafka\n/);
    expect(consumer).toContain('func OpenOrderPlacedConsumer(ctx context.Context, cfg config.Kafka, consumers config.KafkaConsumer, inbox port.Inbox, uc reserveStockRunner, log *slog.Logger) (*Consumer, error) {');
    expect(read(root, 'internal/adapter/kafka/order_placed_consumer_test.go')).toContain('kafka.HandleOrderPlaced(uc)');
    const runtime = read(root, 'internal/adapter/kafka/consumer.go');
    expect(runtime).toContain('kgo.DisableAutoCommit(),');
    expect(runtime).toContain('kgo.ConsumerGroup(group),');
    expect(read(root, 'internal/adapter/kafka/consumer_record.go')).toContain('func (c *Consumer) deadLetterRecord(');
    expect(read(root, 'internal/adapter/kafka/consumer_metrics.go')).toContain('"kafka_consumer_lag"');
    expect(read(root, 'internal/platform/config/config.go')).toContain('KafkaConsumer KafkaConsumer');
    expect(read(root, 'internal/platform/config/kafka_consumer.go')).toContain('env:"KAFKA_CONSUMER_MAX_ATTEMPTS" envDefault:"5"');
    expect(read(root, 'internal/adapter/memory/inbox.go')).toContain('func (i *Inbox) MarkProcessed(');
    expect(read(root, 'internal/port/inbox.go')).toContain('type Inbox interface {');
    const files = Object.keys(snapshot(root));
    expect(files.filter((file) => file.startsWith('internal/adapter/nats/'))).toEqual([]);

    const wiring = read(root, CONSUMERS);
    expect(wiring).toContain('\tkafkaadapter "example.com/orders/internal/adapter/kafka"\n');
    expect(wiring).toContain('deps.inbox = memory.NewInbox(cfg.KafkaConsumer.DedupeSize)');
    expect(wiring).toContain('orderPlacedConsumer, err := kafkaadapter.OpenOrderPlacedConsumer(ctx, cfg.Kafka, cfg.KafkaConsumer, deps.inbox, application.ReserveStock, log)');
    expect(wiring).toContain('deps.checks.RegisterOptional("kafka consumer "+orderPlacedConsumer.Name(), orderPlacedConsumer.Ping)');
    expect(wiring).toContain('deps.workers = append(deps.workers, worker{name: "kafka consumer " + orderPlacedConsumer.Name(), run: orderPlacedConsumer.Run})');
    expect(read(root, '.env.example')).toContain('\nKAFKA_CONSUMER_GROUP_PREFIX=orders\n');
    expect(read(root, 'README.md')).toContain('## Event consumers (Kafka)');

    const text = read(root, 'api/asyncapi.yaml');
    const { diagnostics } = await new Parser().parse(text);
    expect(diagnostics.filter((d) => d.severity === 0).map((d) => d.message)).toEqual([]);
    const api = parse(text) as { operations: Record<string, { action: string; bindings?: { kafka?: { groupId?: { description?: string } } } }> };
    const receive = api.operations.reserveStockReceivesOrderPlaced;
    expect(receive?.action).toBe('receive');
    expect(receive?.bindings?.kafka?.groupId?.description).toContain('orders (KAFKA_CONSUMER_GROUP_PREFIX)');

    const listed = captureOutput();
    expect(await svcListAction(root, listed.out)).toBe(0);
    expect(listed.text().stdout).toMatch(/Consumers \(1\)\n\s+OrderPlaced\s+runs ReserveStock\s+internal\/adapter\/kafka\/order_placed_consumer\.go/);

    const before = snapshot(root);
    const again = await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }));
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  }, 90_000);

  it('keeps processed events in PostgreSQL with the inbox test of the Kafka consumer', async () => {
    const root = await makeService({ messaging: 'kafka' });
    expect((await runAdd(root, addAdapterOperation('postgres', { install: false }))).code).toBe(0);
    const result = await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'internal/bootstrap/ports.go')).toContain('\tdeps.inbox = postgres.NewInbox(db)\n');
    expect(read(root, 'internal/adapter/kafka/consumer_inbox_test.go')).toContain('startConsumerWith(t, kafkatest.Config(t), postgres.NewInbox(db), nil,');
    expect(Object.keys(snapshot(root)).filter((file) => file.startsWith('internal/adapter/nats/'))).toEqual([]);
  }, 90_000);
});
