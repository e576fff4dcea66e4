import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { svcListAction } from '../../../src/cli/svc-list-action.js';
import { addUsecaseOperation } from '../../../src/targets/go/add/usecase.js';
import { addTsUsecaseOperation } from '../../../src/targets/ts/add/usecase.js';
import { captureOutput, makeService, read, runAdd, snapshot, write } from './fixture.js';
import { makeGrpcService } from './grpc-fixture.js';
import { handWrittenRefund, handWrittenSummary, userFile } from '../../helpers/go-hand-edits.js';

const PROTO = 'api/proto/orders/v1/orders.proto';
// The verifier (buf, go vet) is the e2e's business: these tests check the plan and the refusals.
const noVerify = { verify: false };

describe('svc add usecase --grpc', () => {
  it('adds the rpc and its messages to the .proto, and the Server method that calls the use case, with its test', async () => {
    const root = await makeGrpcService();
    const before = read(root, PROTO);
    const result = await runAdd(root, addUsecaseOperation('CancelOrder', { grpc: true }), noVerify);
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).toContain(`UPDATE ${PROTO}`);
    expect(result.stdout).toContain('CREATE internal/adapter/grpc/cancel_order.go');
    expect(result.stdout).toContain('CREATE internal/adapter/grpc/cancel_order_test.go');

    const proto = read(root, PROTO);
    expect(proto).toContain(
      '  rpc GetOrder(GetOrderRequest) returns (GetOrderResponse);\n  // CancelOrder serves the use case CancelOrder.\n  rpc CancelOrder(CancelOrderRequest) returns (CancelOrderResponse);\n}\n',
    );
    expect(proto.endsWith('\n}\n\n// CancelOrderRequest is the input of CancelOrder.\nmessage CancelOrderRequest {\n  string reference = 1;\n}\n\n// CancelOrderResponse is the output of CancelOrder.\nmessage CancelOrderResponse {\n  string reference = 1;\n}\n')).toBe(true);
    expect(proto.startsWith(before.slice(0, before.indexOf('  rpc GetOrder')))).toBe(true);

    const method = read(root, 'internal/adapter/grpc/cancel_order.go');
    expect(method).toContain('func (s *Server) CancelOrder(ctx context.Context, req *ordersv1.CancelOrderRequest) (*ordersv1.CancelOrderResponse, error) {');
    expect(method).toContain('\tout, err := s.app.CancelOrder.Execute(ctx, app.CancelOrderInput{Reference: req.GetReference()})\n\tif err != nil {\n\t\treturn nil, err\n\t}\n');
    expect(method).toContain('\treturn &ordersv1.CancelOrderResponse{Reference: out.Reference}, nil\n}');
    expect(method).toContain('import (\n\t"context"\n\n\t"example.com/orders/internal/app"\n\tordersv1 "example.com/orders/internal/gen/orders/v1"\n)');
    const test = read(root, 'internal/adapter/grpc/cancel_order_test.go');
    expect(test).toContain('s := NewServer(&app.App{CancelOrder: app.NewCancelOrder()}, slog.New(slog.DiscardHandler))');
    expect(test).toContain('if got := statusOf(err).Code(); got != codes.Unimplemented {');
    expect(test).toContain('&ordersv1.CancelOrderRequest{Reference: " "}');
    expect(test).toContain('badRequest.GetFieldViolations()[0].GetField() != "reference"');

    const manifest = JSON.parse(read(root, 'svc.json')) as { history: string[] };
    expect(manifest.history.at(-1)).toBe('add usecase CancelOrder --grpc');
  });

  it('with --http too, the rpc carries the path wildcards as fields, named as the proto names them', async () => {
    const root = await makeGrpcService();
    const result = await runAdd(root, addUsecaseOperation('ShipOrder', { uses: 'Orders', http: 'POST /v1/orders/{order_id}/ship', grpc: true }), noVerify);
    expect(result.code, result.all).toBe(0);
    expect(read(root, PROTO)).toContain('message ShipOrderRequest {\n  string order_id = 1;\n}');
    expect(read(root, 'internal/adapter/grpc/ship_order.go')).toContain('app.ShipOrderInput{OrderID: req.GetOrderId()}');
    expect(read(root, 'internal/adapter/grpc/ship_order_test.go')).toContain('app.NewShipOrder(nil)');
    expect(read(root, 'internal/adapter/http/router.go')).toContain('"POST /v1/orders/{order_id}/ship"');
  });

  it('a second run is nothing to do', async () => {
    const root = await makeGrpcService();
    expect((await runAdd(root, addUsecaseOperation('CancelOrder', { grpc: true }), noVerify)).code).toBe(0);
    const after = snapshot(root);
    const again = await runAdd(root, addUsecaseOperation('CancelOrder', { grpc: true }), noVerify);
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(after);
  });

  it('refuses, with exit 2 and nothing written: no grpc transport, a renamed service, a taken message name, an existing use case whose output has no message form', async () => {
    const plain = await makeService();
    const before = snapshot(plain);
    const noTransport = await runAdd(plain, addUsecaseOperation('CancelOrder', { grpc: true }), noVerify);
    expect(noTransport.code).toBe(2);
    expect(noTransport.all).toContain('--grpc: orders has no gRPC transport');
    expect(noTransport.all).toContain('svc add transport grpc');
    expect(snapshot(plain)).toEqual(before);

    const renamed = await makeGrpcService();
    write(renamed, PROTO, read(renamed, PROTO).replace('service OrdersService {', 'service Orders {'));
    const renamedBefore = snapshot(renamed);
    const refused = await runAdd(renamed, addUsecaseOperation('CancelOrder', { grpc: true }), noVerify);
    expect(refused.code).toBe(2);
    expect(refused.all).toContain(`${PROTO}: declares service Orders, not OrdersService (renamed?)`);
    expect(snapshot(renamed)).toEqual(renamedBefore);

    const taken = await makeGrpcService();
    write(taken, PROTO, `${read(taken, PROTO)}\nmessage CancelOrderResponse {}\n`);
    const takenBefore = snapshot(taken);
    const collision = await runAdd(taken, addUsecaseOperation('CancelOrder', { grpc: true }), noVerify);
    expect(collision.code).toBe(2);
    expect(collision.all).toContain('declares message CancelOrderResponse already');
    expect(snapshot(taken)).toEqual(takenBefore);

    const existing = await makeGrpcService();
    fs.rmSync(path.join(existing, 'internal/adapter/grpc/get_order.go'));
    const existingBefore = snapshot(existing);
    const notYet = await runAdd(existing, addUsecaseOperation('GetOrder', { grpc: true }), noVerify);
    expect(notYet.code).toBe(2);
    expect(notYet.all).toContain('cannot serve GetOrder over gRPC: GetOrderOutput.Order is domain.Order');
    expect(snapshot(existing)).toEqual(existingBefore);
  });

  it('serves an existing use case from its own Input and Output: the rpc, its messages and the method, once', async () => {
    const root = await makeGrpcService();
    handWrittenRefund(root, 'example.com/orders');
    const result = await runAdd(root, addUsecaseOperation('Refund', { grpc: true }), noVerify);
    expect(result.code, result.all).toBe(0);
    expect(result.stdout).not.toContain('internal/app/refund.go');
    expect(result.stdout).not.toContain('refund_test.go');
    expect(read(root, PROTO)).toContain('message RefundRequest {\n  string id = 1;\n  int64 amount = 2;\n  string reason = 3;\n}');
    expect(read(root, PROTO)).toContain('message RefundResponse {\n  string refund_id = 1;\n  int64 amount = 2;\n}');
    const method = read(root, 'internal/adapter/grpc/refund.go');
    expect(method).toContain('app.RefundInput{\n\t\tID:     domain.OrderID(req.GetId()),\n\t\tAmount: req.GetAmount(),\n\t\tReason: req.GetReason(),\n\t}');
    expect(method).toContain('&ordersv1.RefundResponse{\n\t\tRefundId: out.RefundID,\n\t\tAmount:   out.Amount,\n\t}');
    const after = snapshot(root);
    const again = await runAdd(root, addUsecaseOperation('Refund', { grpc: true }), noVerify);
    expect(again.code, again.all).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    expect(snapshot(root)).toEqual(after);
  });

  it('an edited use case: times, slices and renamed fields map; unexported output fields stay out; a struct field is refused', async () => {
    const root = await makeGrpcService();
    userFile(
      root,
      'internal/app/schedule.go',
      'package app\n\nimport (\n\t"context"\n\tclock "time"\n)\n\n// ScheduleInput is a user\'s.\ntype ScheduleInput struct {\n\tWhen   clock.Time\n\tTags   []string\n\tUrgent bool\n\tRatio  float64\n}\n\n// ScheduleOutput is a user\'s.\ntype ScheduleOutput struct {\n\tSlots []int64\n\tAt    clock.Time\n\tnote  string\n}\n\n// Schedule plans.\ntype Schedule struct{}\n\n// Execute plans nothing.\nfunc (uc *Schedule) Execute(_ context.Context, in ScheduleInput) (ScheduleOutput, error) {\n\treturn ScheduleOutput{At: in.When, note: ""}, nil\n}\n',
    );
    write(root, 'internal/app/app.go', read(root, 'internal/app/app.go').replace(/(\n\tGetOrder +\*GetOrder\n)/, '$1\tSchedule    *Schedule\n'));
    const result = await runAdd(root, addUsecaseOperation('Schedule', { grpc: true }), noVerify);
    expect(result.code, result.all).toBe(0);
    const proto = read(root, PROTO);
    expect(proto).toContain('message ScheduleRequest {\n  google.protobuf.Timestamp when = 1;\n  repeated string tags = 2;\n  bool urgent = 3;\n  double ratio = 4;\n}');
    expect(proto).toContain('message ScheduleResponse {\n  repeated int64 slots = 1;\n  google.protobuf.Timestamp at = 2;\n}');
    const method = read(root, 'internal/adapter/grpc/schedule.go');
    expect(method).toContain('When:   req.GetWhen().AsTime(),');
    expect(method).toContain('At:    timestamppb.New(out.At),');

    handWrittenSummary(root, 'example.com/orders');
    const before = snapshot(root);
    const refused = await runAdd(root, addUsecaseOperation('Summarize', { grpc: true }), noVerify);
    expect(refused.code, refused.all).toBe(2);
    expect(refused.all).toContain('cannot serve Summarize over gRPC: SummarizeOutput.Order is domain.Order');
    expect(snapshot(root)).toEqual(before);
  });

  it('is not yet for TypeScript services', async () => {
    const root = await makeService();
    const result = await runAdd(root, addTsUsecaseOperation('CancelOrder', { grpc: true }), noVerify);
    expect(result.code).toBe(2);
    expect(result.all).toContain('--grpc: gRPC is not yet for TypeScript services');
  });

  it('svc list shows each use case with its HTTP routes and its rpc', async () => {
    const root = await makeGrpcService();
    expect((await runAdd(root, addUsecaseOperation('CancelOrder', { grpc: true }), noVerify)).code).toBe(0);
    const { out, text } = captureOutput(true);
    expect(await svcListAction(root, out)).toBe(0);
    const found = JSON.parse(text().stdout) as { useCases: { name: string; routes: string[]; rpcs?: string[] }[]; adapters: { name: string; serves: string[] }[] };
    expect(found.useCases).toContainEqual(expect.objectContaining({ name: 'CreateOrder', routes: ['POST /v1/orders'], rpcs: ['CreateOrder'] }));
    expect(found.useCases).toContainEqual(expect.objectContaining({ name: 'CancelOrder', routes: [], rpcs: ['CancelOrder'] }));
    expect(found.adapters.find((adapter) => adapter.name === 'grpc')?.serves).toEqual(['CancelOrder', 'CreateOrder', 'GetOrder']);
    // The error table both transports share is internal/domain/outcome.go, no adapter.
    expect(found.adapters.map((adapter) => adapter.name)).toEqual(['grpc', 'http', 'memory', 'system']);

    const plain = captureOutput(false);
    await svcListAction(root, plain.out);
    expect(plain.text().stdout).toMatch(/CreateOrder +uses Orders, Clock, IDs, Events, Tx +POST \/v1\/orders, rpc CreateOrder\n/);
  });
});
