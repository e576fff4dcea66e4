import { describe, expect, it } from 'vitest';
import { loadGoParser } from '../../../src/targets/go/edit/parser.js';
import { readServedRpcs } from '../../../src/targets/go/inspect/grpc-methods.js';
import { Tree } from '../../../src/tree/tree.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

describe('readServedRpcs', () => {
  it('reads the use cases each Server method executes, whatever the receiver or the file, and skips tests and other types', async () => {
    const tree = new Tree(makeTempDir('grpc-methods-'));
    tree.write(
      'internal/adapter/grpc/orders.go',
      [
        'package grpcadapter',
        '',
        'func (srv *Server) Cancel(ctx context.Context, req *pb.CancelRequest) (*pb.CancelResponse, error) {',
        '\tif _, err := srv.app.CancelOrder.Execute(ctx, app.CancelOrderInput{}); err != nil {',
        '\t\treturn nil, err',
        '\t}',
        '\tout, err := srv.app.GetOrder.Execute(ctx, app.GetOrderInput{})',
        '\t_ = out',
        '\treturn &pb.CancelResponse{}, err',
        '}',
        '',
        'func (Server) Ping(context.Context, *pb.PingRequest) (*pb.PingResponse, error) { return &pb.PingResponse{}, nil }',
        '',
        'func (h *helper) Helper() { h.app.Other.Execute(nil, nil) }',
        '',
      ].join('\n'),
    );
    tree.write('internal/adapter/grpc/orders_test.go', 'package grpcadapter\n\nfunc (s *Server) Fake() { s.app.Test.Execute(nil, nil) }\n');
    expect(readServedRpcs(await loadGoParser(), tree)).toEqual([
      { rpc: 'Cancel', file: 'internal/adapter/grpc/orders.go', useCases: ['CancelOrder', 'GetOrder'] },
      { rpc: 'Ping', file: 'internal/adapter/grpc/orders.go', useCases: [] },
    ]);
  });
});
