import { describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../../src/errors.js';
import { addRpc, ProtoEditError, type RpcAddition } from '../../../src/targets/go/proto-edit/index.js';

const file = 'api/proto/orders/v1/orders.proto';
const proto = (...lines: string[]) => `${lines.join('\n')}\n`;

const cancelOrder: RpcAddition = {
  service: 'OrdersService',
  rpc: 'CancelOrder',
  doc: ['CancelOrder runs the use case CancelOrder.'],
  request: { name: 'CancelOrderRequest', doc: ['CancelOrderRequest is the input of CancelOrder.'], fields: [{ name: 'order_id', type: 'string', repeated: false }] },
  response: { name: 'CancelOrderResponse', doc: ['CancelOrderResponse is the output of CancelOrder.'], fields: [{ name: 'reference', type: 'string', repeated: false }] },
  imports: [],
};

const messages = (unit = '  ') => [
  '// CancelOrderRequest is the input of CancelOrder.',
  'message CancelOrderRequest {',
  `${unit}string order_id = 1;`,
  '}',
  '',
  '// CancelOrderResponse is the output of CancelOrder.',
  'message CancelOrderResponse {',
  `${unit}string reference = 1;`,
  '}',
];

function thrown(run: () => unknown): ProtoEditError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProtoEditError) return error;
    throw error;
  }
  throw new Error('expected a ProtoEditError');
}

describe('addRpc', () => {
  it('adds the rpc as the last row of the service and its messages at the end of the file', () => {
    const before = proto(
      'syntax = "proto3";',
      '',
      'package orders.v1;',
      '',
      'option go_package = "example.com/orders/gen/orders/v1;ordersv1";',
      '',
      '// OrdersService serves the orders use cases.',
      'service OrdersService {',
      '  // CreateOrder runs the use case CreateOrder.',
      '  rpc CreateOrder(CreateOrderRequest) returns (CreateOrderResponse);',
      '}',
      '',
      'message CreateOrderRequest {',
      '  string reference = 1;',
      '}',
      '',
      'message CreateOrderResponse {',
      '  string reference = 1;',
      '}',
    );
    const result = addRpc(file, before, cancelOrder);
    expect(result.changed).toBe(true);
    expect(result.text).toBe(
      proto(
        'syntax = "proto3";',
        '',
        'package orders.v1;',
        '',
        'option go_package = "example.com/orders/gen/orders/v1;ordersv1";',
        '',
        '// OrdersService serves the orders use cases.',
        'service OrdersService {',
        '  // CreateOrder runs the use case CreateOrder.',
        '  rpc CreateOrder(CreateOrderRequest) returns (CreateOrderResponse);',
        '  // CancelOrder runs the use case CancelOrder.',
        '  rpc CancelOrder(CancelOrderRequest) returns (CancelOrderResponse);',
        '}',
        '',
        'message CreateOrderRequest {',
        '  string reference = 1;',
        '}',
        '',
        'message CreateOrderResponse {',
        '  string reference = 1;',
        '}',
        '',
        ...messages(),
      ),
    );
  });

  it('keeps a file people have edited as it is: comments, options, imports, nested and reserved, a second service', () => {
    const head = [
      '// Copyright the orders team. Überall: 注文.',
      'syntax = "proto3";',
      '',
      'package orders.v1;',
      '',
      'import "google/protobuf/timestamp.proto"; // for placed_at',
      '',
      'option go_package = "example.com/orders/gen/orders/v1;ordersv1";',
      'option java_multiple_files = true;',
      '',
      '/* The public API. */',
      'service OrdersService {',
      '  option deprecated = false;',
      '  // CreateOrder creates one.',
      '  rpc CreateOrder(CreateOrderRequest) returns (CreateOrderResponse); // trailing note',
      '  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse) {',
      '    option idempotency_level = NO_SIDE_EFFECTS;',
      '  }',
    ];
    const tail = [
      '}',
      '',
      'service AdminService {',
      '  rpc Purge(PurgeRequest) returns (PurgeResponse);',
      '}',
      '',
      'message CreateOrderRequest {',
      '  reserved 2, 15 to 20;',
      '  reserved "legacy";',
      '  string reference = 1;',
      '  message Line {',
      '    string sku = 1;',
      '    // nested comment',
      '    message CancelOrderRequest { string shadow = 1; }',
      '  }',
      '  map<string, Line> lines = 3;',
      '  oneof when { google.protobuf.Timestamp placed_at = 4; }',
      '}',
      'message CreateOrderResponse {}',
      'message GetOrderRequest {}',
      'message GetOrderResponse {}',
      'message PurgeRequest {}',
      'message PurgeResponse {}',
      'enum Status { STATUS_UNSPECIFIED = 0; }',
      '',
      '',
    ];
    const result = addRpc(file, proto(...head, ...tail), cancelOrder);
    expect(result.text).toBe(
      proto(
        ...head,
        '  // CancelOrder runs the use case CancelOrder.',
        '  rpc CancelOrder(CancelOrderRequest) returns (CancelOrderResponse);',
        ...tail.slice(0, -2),
        '',
        ...messages(),
      ),
    );
  });

  it('copies the indentation of the file: tabs, four spaces', () => {
    const tabs = proto('syntax = "proto3";', 'package orders.v1;', 'service OrdersService {', '\trpc A(ARequest) returns (AResponse);', '}', 'message ARequest {', '\tstring a = 1;', '}');
    const result = addRpc(file, tabs, { ...cancelOrder, doc: [] }).text;
    expect(result).toContain('\trpc A(ARequest) returns (AResponse);\n\trpc CancelOrder(CancelOrderRequest) returns (CancelOrderResponse);\n}');
    expect(result.endsWith(proto(...messages('\t')))).toBe(true);

    const four = proto('syntax = "proto3";', 'package orders.v1;', 'service OrdersService {}', 'message ARequest {', '    string a = 1;', '}');
    const edited = addRpc(file, four, { ...cancelOrder, doc: [] }).text;
    expect(edited).toContain('service OrdersService {\n    rpc CancelOrder(CancelOrderRequest) returns (CancelOrderResponse);\n}\n');
    expect(edited.endsWith(proto(...messages('    ')))).toBe(true);
  });

  it('opens an empty service, on one row or on two', () => {
    const oneRow = addRpc(file, proto('syntax = "proto3";', 'package orders.v1;', '', 'service OrdersService {}'), cancelOrder).text;
    expect(oneRow).toBe(
      proto('syntax = "proto3";', 'package orders.v1;', '', 'service OrdersService {', '  // CancelOrder runs the use case CancelOrder.', '  rpc CancelOrder(CancelOrderRequest) returns (CancelOrderResponse);', '}', '', ...messages()),
    );
    const twoRows = addRpc(file, proto('syntax = "proto3";', 'package orders.v1;', '', 'service OrdersService {', '}'), cancelOrder).text;
    expect(twoRows).toBe(oneRow);
  });

  it('separates the rpc by a blank row when the file separates its rpcs so', () => {
    const spaced = proto('syntax = "proto3";', 'package orders.v1;', 'service OrdersService {', '  // A.', '  rpc A(ARequest) returns (AResponse);', '', '  // B.', '  rpc B(BRequest) returns (BResponse);', '}');
    expect(addRpc(file, spaced, cancelOrder).text).toContain(
      '  rpc B(BRequest) returns (BResponse);\n\n  // CancelOrder runs the use case CancelOrder.\n  rpc CancelOrder(CancelOrderRequest) returns (CancelOrderResponse);\n}\n',
    );
  });

  it('gives the closing bracket a row of its own when it shares one with an rpc', () => {
    const oneRow = proto('syntax = "proto3";', 'package orders.v1;', 'service OrdersService { rpc A(ARequest) returns (AResponse); }');
    expect(addRpc(file, oneRow, { ...cancelOrder, doc: [] }).text).toContain(
      'service OrdersService { rpc A(ARequest) returns (AResponse);\n  rpc CancelOrder(CancelOrderRequest) returns (CancelOrderResponse);\n}\n',
    );
  });

  it('is not fooled by braces and keywords in comments and strings', () => {
    const tricky = proto(
      'syntax = "proto3";',
      'package orders.v1;',
      'option (note) = "service OrdersService { rpc X(Y) returns (Z); }";',
      '/* service OrdersService {',
      '   } */',
      'service OrdersService {',
      '  // a closing } in a comment, and one in a string below',
      '  option (doc) = "}";',
      '  rpc A(ARequest) returns (AResponse); /* } */',
      '}',
      '// message CancelOrderRequest {}',
    );
    const result = addRpc(file, tricky, { ...cancelOrder, doc: [] }).text;
    expect(result).toContain('  rpc A(ARequest) returns (AResponse); /* } */\n  rpc CancelOrder(CancelOrderRequest) returns (CancelOrderResponse);\n}\n// message CancelOrderRequest {}\n\n');
    expect(result.split('rpc CancelOrder(').length).toBe(2);
  });

  it('refuses a streaming rpc of the same name', () => {
    const streaming = proto('syntax = "proto3";', 'package orders.v1;', 'service OrdersService {', '  rpc CancelOrder(stream CancelOrderRequest) returns (CancelOrderResponse);', '}');
    expect(thrown(() => addRpc(file, streaming, cancelOrder)).message).toContain('has an rpc CancelOrder already (line 4)');
  });

  it('adds the imports the fields need after the last import, or after the package clause', () => {
    const timestamps: RpcAddition = { ...cancelOrder, response: { ...cancelOrder.response, fields: [{ name: 'cancelled_at', type: 'google.protobuf.Timestamp', repeated: false }] }, imports: ['google/protobuf/timestamp.proto'] };
    const withImports = proto('syntax = "proto3";', 'package orders.v1;', '', 'import "a.proto";', 'import "b.proto";', '', 'service OrdersService {}');
    expect(addRpc(file, withImports, timestamps).text).toContain('import "a.proto";\nimport "b.proto";\nimport "google/protobuf/timestamp.proto";\n\nservice');
    const without = proto('syntax = "proto3";', 'package orders.v1;', 'service OrdersService {}');
    expect(addRpc(file, without, timestamps).text).toContain('package orders.v1;\n\nimport "google/protobuf/timestamp.proto";\nservice');
    const present = proto('syntax = "proto3";', 'package orders.v1;', 'import "google/protobuf/timestamp.proto";', 'service OrdersService {}');
    expect(addRpc(file, present, timestamps).text.split('import ').length).toBe(2);
  });

  it('keeps CRLF files CRLF and refuses mixed line endings', () => {
    const lf = proto('syntax = "proto3";', 'package orders.v1;', 'service OrdersService {', '  rpc A(ARequest) returns (AResponse);', '}');
    const crlf = lf.split('\n').join('\r\n');
    const result = addRpc(file, crlf, cancelOrder).text;
    expect(result).toBe(addRpc(file, lf, cancelOrder).text.split('\n').join('\r\n'));
    const mixed = thrown(() => addRpc(file, `${crlf}// lf\n`, cancelOrder));
    expect(mixed.message).toContain('mixes CRLF and LF');
    expect(exitCodeOf(mixed)).toBe(2);
  });

  it('is no change when the rpc is there already with the same messages', () => {
    const once = addRpc(file, proto('syntax = "proto3";', 'package orders.v1;', 'service OrdersService {}'), cancelOrder).text;
    expect(addRpc(file, once, cancelOrder)).toEqual({ changed: false, text: once });
  });

  it('refuses an rpc of the same name with other messages, and a top-level name in the way', () => {
    const other = proto('syntax = "proto3";', 'package orders.v1;', 'service OrdersService {', '  rpc CancelOrder(Cancel) returns (Cancelled);', '}');
    const conflict = thrown(() => addRpc(file, other, cancelOrder));
    expect(conflict.message).toBe(`${file}: service OrdersService has an rpc CancelOrder already (line 4), taking Cancel and returning Cancelled`);
    expect(exitCodeOf(conflict)).toBe(2);

    const taken = proto('syntax = "proto3";', 'package orders.v1;', 'service OrdersService {}', '', 'enum CancelOrderResponse { X = 0; }');
    expect(thrown(() => addRpc(file, taken, cancelOrder)).message).toBe(`${file}: declares enum CancelOrderResponse already (line 5), a name the new rpc needs for its response`);
  });

  it('refuses a file whose service was renamed, has no service, or has several but not ours', () => {
    const renamed = proto('syntax = "proto3";', 'package orders.v1;', 'service Orders {}');
    const error = thrown(() => addRpc(file, renamed, cancelOrder));
    expect(error.message).toBe(`${file}: declares service Orders, not OrdersService (renamed?)`);
    expect(error.hint).toContain('name it so again');
    expect(thrown(() => addRpc(file, proto('syntax = "proto3";', 'package orders.v1;'), cancelOrder)).message).toContain('declares no service');
    expect(thrown(() => addRpc(file, proto('syntax = "proto3";', 'service A {}', 'service B {}'), cancelOrder)).message).toContain('declares the services A, B, none of them OrdersService');
  });

  it('refuses a file that does not parse, with its line and column, and changes nothing', () => {
    const broken = proto('syntax = "proto3";', 'service OrdersService {', '  rpc A(B) returns C;', '}');
    const error = thrown(() => addRpc(file, broken, cancelOrder));
    expect(error.message).toContain(`${file}: does not parse as Protocol Buffers (at line 3, column 20`);
    expect(exitCodeOf(error)).toBe(2);
  });
});
