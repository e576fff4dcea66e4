import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addAdapterOperation } from '../../../src/targets/go/add/add-adapter.js';
import { addConsumerOperation } from '../../../src/targets/go/add/consumer.js';
import { addEventOperation } from '../../../src/targets/go/add/event.js';
import { keepsLinesInOrder, makeService, read, runAdd, snapshot, write } from './fixture.js';

const ASYNCAPI = 'api/asyncapi.yaml';

/** Errors and warnings of @asyncapi/parser: a binding it does not know, or a field its schema rejects, is reported. */
async function asyncApiProblems(text: string): Promise<string[]> {
  const { diagnostics } = await new Parser().parse(text);
  return diagnostics.filter((d) => d.severity <= 1).map((d) => `${d.path.join('.')}: ${d.message}`);
}

type Api = Record<string, any>;

describe('api/asyncapi.yaml documents the broker', () => {
  it.each([
    {
      broker: 'kafka' as const,
      server: { host: 'localhost:9092', protocol: 'kafka' },
      channel: { kafka: { topic: 'orders.events', partitions: 6, replicas: 1, bindingVersion: '0.5.0' } },
      send: undefined,
    },
    {
      broker: 'rabbitmq' as const,
      server: { host: 'localhost:5672', protocol: 'amqp', protocolVersion: '0.9.1' },
      channel: { amqp: { is: 'routingKey', exchange: { name: 'orders.events', type: 'topic', durable: true, autoDelete: false, vhost: '/' }, bindingVersion: '0.3.0' } },
      send: { amqp: { deliveryMode: 2, mandatory: true, bindingVersion: '0.3.0' } },
    },
    { broker: 'nats' as const, server: { host: 'localhost:4222', protocol: 'nats' }, channel: undefined, send: undefined },
  ])('$broker: a server with the host of the default config, and the bindings AsyncAPI defines for it, on every channel', async ({ broker, server, channel, send }) => {
    const root = await makeService({ messaging: broker });
    for (const name of ['OrderShipped', 'OrderReturned']) expect((await runAdd(root, addEventOperation(name))).code).toBe(0);
    const text = read(root, ASYNCAPI);
    expect(await asyncApiProblems(text)).toEqual([]);
    const api = parse(text) as Api;
    expect(Object.keys(api.servers)).toEqual([broker]);
    expect(api.servers[broker]).toMatchObject(server);
    // Credentials of the default URL (guest:guest for RabbitMQ) never reach the document.
    expect(text).not.toContain('guest');
    for (const name of ['order.placed', 'order.shipped', 'order.returned']) expect(api.channels[name].bindings).toEqual(channel);
    expect(api.operations.createOrderSendsOrderPlaced.bindings).toEqual(send);
    if (broker === 'kafka') expect(api.components.messages.OrderShipped.bindings.kafka.key).toMatchObject({ type: 'string' });

    const before = snapshot(root);
    const again = await runAdd(root, addEventOperation('OrderReturned'));
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(before);
  }, 60_000);

  it('svc add adapter <broker> adds the server and binds the channels already there, as create --messaging and the same adds would have', async () => {
    const added = await makeService();
    expect((await runAdd(added, addEventOperation('OrderShipped'))).code).toBe(0);
    expect(parse(read(added, ASYNCAPI)).servers).toBeUndefined();
    expect((await runAdd(added, addAdapterOperation('rabbitmq', { install: false }))).code).toBe(0);
    const text = read(added, ASYNCAPI);
    expect(await asyncApiProblems(text)).toEqual([]);
    expect(parse(text).channels['order.shipped'].bindings.amqp.exchange.name).toBe('orders.events');

    const created = await makeService({ messaging: 'rabbitmq' });
    expect((await runAdd(created, addEventOperation('OrderShipped'))).code).toBe(0);
    expect(text).toBe(read(created, ASYNCAPI));
  }, 60_000);

  it.each(['nats', 'kafka', 'rabbitmq'] as const)(
    '%s: create --messaging documents the sample\'s event and the broker, byte for byte as create + svc add adapter, in AsyncAPI\'s key order',
    async (broker) => {
      const created = await makeService({ messaging: broker });
      const text = read(created, ASYNCAPI);
      expect(await asyncApiProblems(text)).toEqual([]);
      const api = parse(text) as Api;
      expect(Object.keys(api)).toEqual(['asyncapi', 'info', 'servers', 'channels', 'operations', 'components']);
      expect(Object.keys(api.servers)).toEqual([broker]);
      expect(api.operations.createOrderSendsOrderPlaced.action).toBe('send');

      const added = await makeService();
      expect(snapshot(added)[ASYNCAPI]).toBeUndefined();
      const result = await runAdd(added, addAdapterOperation(broker, { install: false }));
      expect(result.code, result.all).toBe(0);
      expect(read(added, ASYNCAPI)).toBe(text);
    },
    60_000,
  );

  it.each([
    { broker: 'nats' as const, protocol: 'nats', carries: 'NATS with JetStream (NATS_URL). An event goes to the subject orders.events.<channel address> (NATS_SUBJECT_PREFIX), kept by the stream ORDERS_EVENTS.', others: /kafka|rabbitmq|amqp/i },
    { broker: 'kafka' as const, protocol: 'kafka', carries: "Kafka (KAFKA_BROKERS). Every event goes to the topic orders.events (KAFKA_TOPIC), keyed by the event's key.", others: /nats|jetstream|rabbitmq|amqp/i },
    { broker: 'rabbitmq' as const, protocol: 'amqp', carries: 'RabbitMQ (RABBITMQ_URL). Every event is published to the durable topic exchange orders.events (RABBITMQ_EXCHANGE) with its type as routing key.', others: /nats|jetstream|kafka/i },
  ])('$broker: the info, the server and the bindings name $broker and no other broker', async ({ broker, protocol, carries, others }) => {
    const root = await makeService({ messaging: broker });
    expect((await runAdd(root, addEventOperation('OrderShipped'))).code).toBe(0);
    const text = read(root, ASYNCAPI);
    expect(await asyncApiProblems(text)).toEqual([]);
    const api = parse(text) as Api;
    expect(api.info.description).toBe('The events this service publishes and consumes. Each message is the JSON envelope of domain.Event, and each channel address is the event type; the broker under servers says where it carries a channel.');
    expect(api.servers[broker]).toMatchObject({ protocol, description: carries });
    const bindings = [api.channels['order.shipped'], api.components.messages.OrderShipped, api.operations.createOrderSendsOrderPlaced].flatMap((entry) => Object.keys(entry.bindings ?? {}));
    expect(bindings.every((binding) => binding === (broker === 'rabbitmq' ? 'amqp' : broker)), bindings.join()).toBe(true);
    expect(text).not.toMatch(others);
  }, 60_000);

  it('create --messaging without the sample publishes no event yet, so it writes no document', async () => {
    const root = await makeService({ messaging: 'nats', example: false });
    expect(snapshot(root)[ASYNCAPI]).toBeUndefined();
  }, 60_000);

  it('puts servers after info, and operations before components, in a document the user keeps', async () => {
    const root = await makeService();
    expect((await runAdd(root, addEventOperation('OrderShipped'))).code).toBe(0);
    const before = parse(read(root, ASYNCAPI)) as Api;
    expect(Object.keys(before)).toEqual(['asyncapi', 'info', 'channels', 'operations', 'components']);
    expect((await runAdd(root, addAdapterOperation('nats', { install: false }))).code).toBe(0);
    const text = read(root, ASYNCAPI);
    expect(Object.keys(parse(text) as Api)).toEqual(['asyncapi', 'info', 'servers', 'channels', 'operations', 'components']);
    expect(text).toMatch(/\n {4}broker under servers says where it carries a channel\.\nservers:\n {2}nats:\n/);
  }, 60_000);

  it('keeps what the user wrote: their bindings, their server, their comments', async () => {
    const root = await makeService({ messaging: 'kafka' });
    expect((await runAdd(root, addEventOperation('OrderShipped'))).code).toBe(0);
    const edited = read(root, ASYNCAPI)
      .replace('    host: localhost:9092\n', '    host: kafka.internal:9093 # staging\n')
      .replace(/( {2}order\.shipped:\n(?:.*\n)*? {4}bindings:\n {6}kafka:\n {8}topic:) orders\.events\n/, '$1 shipping.events\n');
    expect(edited).toContain('topic: shipping.events');
    write(root, ASYNCAPI, edited);
    expect((await runAdd(root, addEventOperation('OrderReturned'))).code).toBe(0);
    const after = read(root, ASYNCAPI);
    expect(keepsLinesInOrder(edited, after)).toBeNull();
    const api = parse(after) as Api;
    expect(api.servers.kafka.host).toBe('kafka.internal:9093');
    expect(api.channels['order.shipped'].bindings.kafka.topic).toBe('shipping.events');
    expect(api.channels['order.returned'].bindings.kafka.topic).toBe('orders.events');
    expect(await asyncApiProblems(after)).toEqual([]);
  }, 60_000);

  it('NATS: a consumer receive operation stays valid next to the server', async () => {
    const root = await makeService({ messaging: 'nats' });
    expect((await runAdd(root, addEventOperation('OrderShipped'))).code).toBe(0);
    expect((await runAdd(root, addConsumerOperation('OrderShipped', { handler: 'NotifyCustomer' }))).code).toBe(0);
    const text = read(root, ASYNCAPI);
    expect(await asyncApiProblems(text)).toEqual([]);
    expect(parse(text).servers.nats).toMatchObject({ host: 'localhost:4222', protocol: 'nats' });
  }, 90_000);

  it('NATS: a document the consumer starts has the server too', async () => {
    const root = await makeService({ messaging: 'nats' });
    expect((await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }))).code).toBe(0);
    const text = read(root, ASYNCAPI);
    expect(await asyncApiProblems(text)).toEqual([]);
    expect(Object.keys(parse(text).servers)).toEqual(['nats']);
  }, 90_000);
});
