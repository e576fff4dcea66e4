import { describe, expect, it } from 'vitest';
import { addAdapterOperation } from '../../../src/targets/go/add/add-adapter.js';
import { addConsumerOperation } from '../../../src/targets/go/add/consumer.js';
import { makeService, read, runAdd, snapshot } from './fixture.js';

const CONSUMERS = 'internal/bootstrap/consumers.go';

describe('svc add consumer (Go, RabbitMQ)', () => {
  it('writes the consumer in the rabbitmq adapter with the RabbitMQ runtime, wires it as a worker and documents its queues', async () => {
    const root = await makeService({ messaging: 'rabbitmq' });
    const result = await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }));
    expect(result.code, result.all).toBe(0);
    const consumer = read(root, 'internal/adapter/rabbitmq/order_placed_consumer.go');
    expect(consumer).toMatch(/^package rabbitmq\n/);
    expect(consumer).toContain('func OpenOrderPlacedConsumer(ctx context.Context, cfg config.RabbitMQ, consumers config.RabbitMQConsumer, inbox port.Inbox, uc reserveStockRunner, log *slog.Logger) (*Consumer, error) {');
    const runtime = read(root, 'internal/adapter/rabbitmq/consumer.go');
    expect(runtime).toContain('ch.Qos(c.consumers.Workers, 0, false)');
    expect(runtime).toContain('ch.QueueBind(c.queue, c.eventType, c.cfg.Exchange, false, nil)');
    expect(read(root, 'internal/adapter/rabbitmq/consumer_record.go')).toContain('func (c *Consumer) deadLetterMessage(');
    expect(read(root, 'internal/adapter/rabbitmq/consumer_metrics.go')).toContain('"events_dead_lettered_total"');
    expect(read(root, 'internal/adapter/rabbitmq/rabbitmqtest/consumer.go')).toContain('func ConsumerConfig(');
    expect(read(root, 'internal/platform/config/config.go')).toContain('RabbitMQConsumer RabbitMQConsumer');
    expect(read(root, 'internal/platform/config/rabbitmq_consumer.go')).toContain('env:"RABBITMQ_CONSUMER_MAX_ATTEMPTS" envDefault:"5"');
    const consumers = read(root, CONSUMERS);
    expect(consumers).toContain('rabbitmqadapter.OpenOrderPlacedConsumer(ctx, cfg.RabbitMQ, cfg.RabbitMQConsumer, deps.inbox, application.ReserveStock, log)');
    expect(consumers).toContain('deps.checks.RegisterOptional("rabbitmq consumer "+orderPlacedConsumer.Name(), orderPlacedConsumer.Ping)');
    expect(read(root, '.env.example')).toContain('RABBITMQ_CONSUMER_WORKERS=4');
    expect(read(root, 'README.md')).toContain('## Event consumers (RabbitMQ)');
    const files = Object.keys(snapshot(root));
    expect(files.filter((file) => file.startsWith('internal/adapter/nats/') || file.startsWith('internal/adapter/kafka/'))).toEqual([]);
  }, 90_000);

  it('changes nothing when run again', async () => {
    const root = await makeService({ messaging: 'rabbitmq' });
    expect((await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }))).code).toBe(0);
    const before = snapshot(root);
    const again = await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }));
    expect(again.code, again.all).toBe(0);
    expect(snapshot(root)).toEqual(before);
  }, 90_000);

  it('keeps processed events in PostgreSQL with the inbox test of the RabbitMQ consumer', async () => {
    const root = await makeService({ messaging: 'rabbitmq' });
    expect((await runAdd(root, addAdapterOperation('postgres', { install: false }))).code).toBe(0);
    const result = await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'internal/bootstrap/ports.go')).toContain('\tdeps.inbox = postgres.NewInbox(db)\n');
    expect(read(root, 'internal/adapter/rabbitmq/consumer_inbox_test.go')).toContain('startConsumerWith(t, consumerConfig(t), postgres.NewInbox(db),');
  }, 90_000);
});
