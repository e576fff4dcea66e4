import { describe, expect, it } from 'vitest';
import { goCamelCase } from '../../../src/targets/go/add/grpc/go-camel-case.js';
import { rpcFields } from '../../../src/targets/go/add/grpc/rpc-fields.js';
import type { AdapterType, UseCaseIO } from '../../../src/targets/go/add/usecase-io.js';

const type = (text: string, kind: AdapterType['kind'] = 'json', imports: string[] = []): AdapterType => ({ text, kind, imports });

describe('goCamelCase (protoc-gen-go field names)', () => {
  it.each([
    ['order_id', 'OrderId'],
    ['reference', 'Reference'],
    ['sku2_code', 'Sku2Code'],
    ['_private', 'XPrivate'],
    ['a_b_c', 'ABC'],
    ['http_url', 'HttpUrl'],
  ])('%s -> %s', (name, want) => {
    expect(goCamelCase(name)).toBe(want);
  });
});

describe('rpcFields', () => {
  it('maps a skeleton: strings travel as string, named strings are converted both ways', () => {
    const io: UseCaseIO = {
      input: [
        { name: 'OrderID', api: 'id', type: type('domain.OrderID', 'named-string', ['example.com/orders/internal/domain']), source: 'path' },
        { name: 'Reference', api: 'reference', type: type('string', 'string'), source: 'body' },
      ],
      output: [{ name: 'Status', api: 'status', type: type('app.Status', 'named-string') }],
    };
    const fields = rpcFields(io);
    expect(fields).toEqual({
      request: [
        { proto: { name: 'order_id', type: 'string', repeated: false }, goField: 'OrderID', expression: 'domain.OrderID(req.GetOrderId())', imports: ['example.com/orders/internal/domain'] },
        { proto: { name: 'reference', type: 'string', repeated: false }, goField: 'Reference', expression: 'req.GetReference()', imports: [] },
      ],
      response: [{ proto: { name: 'status', type: 'string', repeated: false }, goField: 'Status', expression: 'string(out.Status)', imports: [] }],
      protoImports: [],
    });
  });

  it('carries numbers in the proto scalar that holds them, time as the well-known types, slices as repeated', () => {
    const io: UseCaseIO = {
      input: [
        { name: 'Count', api: 'count', type: type('int'), source: 'body' },
        { name: 'At', api: 'at', type: type('time.Time', 'json', ['time']), source: 'body' },
        { name: 'Tags', api: 'tags', type: type('[]string'), source: 'body' },
      ],
      output: [
        { name: 'Total', api: 'total', type: type('int64') },
        { name: 'Took', api: 'took', type: type('time.Duration', 'json', ['time']) },
      ],
    };
    const fields = rpcFields(io);
    if ('reason' in fields) throw new Error(fields.reason);
    expect(fields.request.map((field) => [field.proto.type, field.proto.repeated, field.expression])).toEqual([
      ['int64', false, 'int(req.GetCount())'],
      ['google.protobuf.Timestamp', false, 'req.GetAt().AsTime()'],
      ['string', true, 'req.GetTags()'],
    ]);
    expect(fields.response.map((field) => [field.proto.type, field.expression, field.imports])).toEqual([
      ['int64', 'out.Total', []],
      ['google.protobuf.Duration', 'durationpb.New(out.Took)', ['google.golang.org/protobuf/types/known/durationpb']],
    ]);
    expect(fields.protoImports).toEqual(['google/protobuf/duration.proto', 'google/protobuf/timestamp.proto']);
  });

  it('returns the reason for a type whose message form is an API decision', () => {
    expect(rpcFields({ input: [{ name: 'Items', api: 'items', type: type('[]int'), source: 'body' }], output: [] })).toEqual({
      reason: 'Items is []int: only slices of strings, bool, int32, int64, uint32, uint64, float32 or float64 map to a repeated field as they are',
    });
  });
});
