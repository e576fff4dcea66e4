import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { resolveSpec } from '../../../src/choices/resolve-spec.js';
import { DATASTORES, type Datastore, DEFAULTS, SQL_DATASTORES, withDatastore } from '../../../src/choices/catalog.js';

describe('resolveSpec', () => {
  it('derives name, module and defaults from the directory alone', () => {
    const spec = resolveSpec({ directory: 'svc/order-service' }, '/work');
    expect(spec.root).toBe(path.resolve('/work/svc/order-service'));
    expect(spec.name).toEqual({
      kebab: 'order-service',
      snake: 'order_service',
      camel: 'orderService',
      pascal: 'OrderService',
      constant: 'ORDER_SERVICE',
      title: 'Order Service',
    });
    expect(spec.module).toBe('example.com/order-service');
    expect(spec.choices).toEqual({
      lang: 'go',
      transport: ['http'],
      datastore: ['memory'],
      logger: 'slog',
      metrics: 'prometheus',
      tracing: 'otel',
      deploy: ['docker', 'compose', 'k8s', 'github-actions'],
      messaging: 'none',
      example: true,
    });
  });

  it('records the broker chosen with --messaging, and refuses one the catalog does not offer', () => {
    expect(resolveSpec({ directory: 'x', messaging: 'nats' }, '/tmp').choices.messaging).toBe('nats');
    expect(() => resolveSpec({ directory: 'x', messaging: 'carrier-pigeon' }, '/tmp')).toThrow(/messaging/);
  });

  it('refuses a broker for --lang ts, saying it is not yet for TypeScript', () => {
    expect(() => resolveSpec({ directory: 'x', lang: 'ts', messaging: 'nats' }, '/tmp')).toThrow(/--messaging nats does not apply to --lang ts.*not yet for TypeScript/);
    expect(resolveSpec({ directory: 'x', lang: 'ts', messaging: 'none' }, '/tmp').choices.messaging).toBe('none');
  });

  it('uses --name as the directory when no directory is given', () => {
    const spec = resolveSpec({ name: 'billing' }, '/tmp');
    expect(spec.root).toBe(path.resolve('/tmp/billing'));
  });

  it('parses comma-separated and repeated lists, dropping duplicates, in catalog order', () => {
    const spec = resolveSpec({ directory: 'x', deploy: ['k8s,docker', 'k8s'] }, '/tmp');
    expect(spec.choices.deploy).toEqual(['docker', 'k8s']);
  });

  it('adds docker when compose is chosen, since compose builds from the Dockerfile', () => {
    expect(resolveSpec({ directory: 'x', deploy: ['k8s,compose'] }, '/tmp').choices.deploy).toEqual(['docker', 'compose', 'k8s']);
  });

  it('takes --deploy none as no deploy targets', () => {
    expect(resolveSpec({ directory: 'x', deploy: ['none'] }, '/tmp').choices.deploy).toEqual([]);
  });

  it('records memory only when no other datastore is chosen, as `svc add adapter` records it', () => {
    expect(resolveSpec({ directory: 'x', datastore: ['memory,postgres'] }, '/tmp').choices.datastore).toEqual(['postgres']);
    expect(resolveSpec({ directory: 'x', datastore: ['redis', 'memory', 'postgres'] }, '/tmp').choices.datastore).toEqual(['postgres', 'redis']);
    expect(resolveSpec({ directory: 'x', datastore: ['memory'] }, '/tmp').choices.datastore).toEqual(['memory']);
    // Every set of flags gives what create (memory) followed by `svc add adapter` for each store records.
    const subsets = DATASTORES.reduce<Datastore[][]>((sets, store) => [...sets, ...sets.map((set) => [...set, store])], [[]]).filter((set) => set.length > 0);
    for (const chosen of subsets.filter((set) => set.filter((store) => SQL_DATASTORES.includes(store)).length <= 1)) {
      const grown = chosen.reduce<Datastore[]>((stores, store) => withDatastore(stores, store), [...DEFAULTS.datastore]);
      expect(resolveSpec({ directory: 'x', datastore: chosen }, '/tmp').choices.datastore, chosen.join(',')).toEqual(grown);
    }
  });

  it('takes mysql like postgres: alone, or with redis as the cache in front', () => {
    expect(resolveSpec({ directory: 'x', datastore: ['mysql'] }, '/tmp').choices.datastore).toEqual(['mysql']);
    expect(resolveSpec({ directory: 'x', datastore: ['redis,memory,mysql'] }, '/tmp').choices.datastore).toEqual(['mysql', 'redis']);
  });

  it('refuses two SQL stores in one service, saying why, whichever way they are given', () => {
    for (const datastore of [['postgres,mysql'], ['mysql', 'postgres'], ['memory,postgres,redis,mysql']]) {
      const resolve = () => resolveSpec({ directory: 'x', datastore }, '/tmp');
      expect(resolve, datastore.join(' ')).toThrow(UsageError);
      expect(resolve).toThrow('postgres and mysql cannot both be the datastore of one service');
      expect(resolve).toThrow('redis combines with either as the cache in front');
    }
  });

  it.each([
    [{ directory: 'x', deploy: ['none,docker'] }, 'cannot be combined'],
    [{ directory: 'x', deploy: ['helm'] }, 'unknown value "helm" for --deploy'],
    [{ directory: 'x', transport: ['soap'] }, 'unknown value "soap" for --transport'],
    [{ directory: 'x', datastore: ['oracle'] }, 'unknown value "oracle" for --datastore'],
    [{ directory: 'x', lang: 'rust' }, 'unknown value "rust" for --lang'],
    [{ directory: 'x', metrics: 'statsd' }, 'unknown value "statsd" for --metrics'],
    [{ directory: 'x', tracing: 'zipkin' }, 'unknown value "zipkin" for --tracing'],
    [{ directory: 'x', transport: [','] }, 'needs at least one value'],
    [{}, 'missing the target directory'],
    [{ directory: 'My Service' }, 'invalid service name'],
  ])('rejects %j', (options, message) => {
    expect(() => resolveSpec(options, '/tmp')).toThrow(UsageError);
    expect(() => resolveSpec(options, '/tmp')).toThrow(message);
  });
});
