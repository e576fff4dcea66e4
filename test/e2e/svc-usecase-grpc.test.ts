import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { handWrittenRefund } from '../helpers/go-hand-edits.js';
import { svc } from '../helpers/orders-service.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const GIT_IDENTITY = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
const BUF = ['tool', '-modfile=tools/buf/go.mod', 'buf'];
const PROTO = 'api/proto/orders/v1/orders.proto';

/** `create-service orders --transport http,grpc` with its post-steps (tidy, buf generate, git init + first commit). */
async function createGrpcService(): Promise<string> {
  const cwd = makeTempDir();
  const created = await runCli('create-service', ['orders', '--yes', '--transport', 'http,grpc'], { cwd, env: GIT_IDENTITY });
  expect(created.exitCode, created.stderr).toBe(0);
  return path.join(cwd, 'orders');
}

async function commitAll(root: string, message: string): Promise<void> {
  await goTool(root, 'git', ['add', '-A']);
  await goTool(root, 'git', ['commit', '-q', '-m', message], 60_000, GIT_IDENTITY);
}

describe('svc add usecase --grpc', () => {
  it('adds an rpc, served over HTTP too, that passes buf lint, golangci-lint and go test -race; regenerating leaves no diff', async () => {
    const root = await createGrpcService();
    const dryRun = await svc(root, 'add', 'usecase', 'CancelOrder', '--uses', 'Orders', '--http', 'POST /v1/orders/{id}/cancel', '--grpc', '--dry-run');
    expect(dryRun.exitCode, dryRun.stderr).toBe(0);
    expect(dryRun.stdout).toContain('+  rpc CancelOrder(CancelOrderRequest) returns (CancelOrderResponse);');
    expect(dryRun.stdout).toContain('CREATE internal/adapter/grpc/cancel_order.go');
    expect(await goTool(root, 'git', ['status', '--porcelain'])).toBe('');

    const added = await svc(root, 'add', 'usecase', 'CancelOrder', '--uses', 'Orders', '--http', 'POST /v1/orders/{id}/cancel', '--grpc');
    expect(added.exitCode, added.stderr).toBe(0);
    expect(added.stderr).toContain('verified (buf build, buf lint, gofmt, go vet)');
    expect(fs.readFileSync(path.join(root, PROTO), 'utf8')).toContain('rpc CancelOrder(CancelOrderRequest) returns (CancelOrderResponse);');
    // buf generate ran as the post-step: the generated code has the rpc.
    expect(fs.readFileSync(path.join(root, 'internal/gen/orders/v1/orders_grpc.pb.go'), 'utf8')).toContain('CancelOrder(context.Context, *CancelOrderRequest) (*CancelOrderResponse, error)');

    expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
    await goTool(root, 'go', ['vet', './...']);
    await goTool(root, 'go', [...BUF, 'lint']);
    await goTool(root, 'golangci-lint', ['run', '--allow-parallel-runners', './...']);
    const tests = await goTool(root, 'go', ['test', '-race', '-count=1', '-v', '-run', 'TestCancelOrder', './internal/...']);
    expect(tests).toContain('--- PASS: TestCancelOrder/answers_Unimplemented_until_CancelOrder_is_implemented');
    expect(tests).toContain('--- PASS: TestCancelOrder/rejects_a_blank_id');
    await goTool(root, 'go', ['test', '-race', '-count=1', './...']);

    await commitAll(root, 'added');
    await goTool(root, 'go', [...BUF, 'generate']);
    expect(await goTool(root, 'git', ['status', '--porcelain'])).toBe('');

    const listed = await svc(root, 'list');
    expect(listed.stdout).toMatch(/CancelOrder +uses Orders +POST \/v1\/orders\/\{id\}\/cancel, rpc CancelOrder\n/);

    // A message of the same name in another file of the package: buf build refuses, nothing is written.
    fs.writeFileSync(path.join(root, 'api/proto/orders/v1/extra.proto'), 'syntax = "proto3";\n\npackage orders.v1;\n\n// RefundOrderRequest is taken.\nmessage RefundOrderRequest {\n  string id = 1;\n}\n');
    await commitAll(root, 'extra');
    const refused = await svc(root, 'add', 'usecase', 'RefundOrder', '--grpc');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('api/proto/orders/v1/extra.proto:6:9:`RefundOrderRequest` declared multiple times');
    expect(await goTool(root, 'git', ['status', '--porcelain'])).toBe('');
  });

  it('serves a hand-written use case over gRPC from its own structs; buf breaking as the generated CI runs it passes that, and fails on a removed field', async () => {
    const root = await createGrpcService();
    handWrittenRefund(root, 'example.com/orders');
    await commitAll(root, 'Refund, by hand');
    // What the CI compares with: the default branch as the remote-tracking ref actions/checkout leaves.
    await goTool(root, 'git', ['update-ref', 'refs/remotes/origin/main', 'HEAD']);
    const breaking = ['breaking', '--against', '.git#ref=refs/remotes/origin/main'];

    const added = await svc(root, 'add', 'usecase', 'Refund', '--grpc');
    expect(added.exitCode, added.stderr).toBe(0);
    expect(fs.readFileSync(path.join(root, PROTO), 'utf8')).toContain('message RefundRequest {\n  string id = 1;\n  int64 amount = 2;\n  string reason = 3;\n}');
    expect(fs.readFileSync(path.join(root, 'internal/gen/orders/v1/orders_grpc.pb.go'), 'utf8')).toContain('Refund(context.Context, *RefundRequest) (*RefundResponse, error)');
    const again = await svc(root, 'add', 'usecase', 'Refund', '--grpc');
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing to do');
    await goTool(root, 'go', ['vet', './...']);
    await goTool(root, 'go', [...BUF, 'lint']);
    // An added rpc breaks no client.
    await goTool(root, 'go', [...BUF, ...breaking]);

    const protoFile = path.join(root, PROTO);
    const proto = fs.readFileSync(protoFile, 'utf8');
    expect(proto).toContain('  string status = 5;\n');
    fs.writeFileSync(protoFile, proto.replace('  string status = 5;\n', ''));
    const broken = await execa('go', [...BUF, ...breaking], { cwd: root, reject: false, all: true });
    expect(broken.exitCode, broken.all).not.toBe(0);
    expect(broken.all).toMatch(/"status"[^\n]*deleted/);
    fs.writeFileSync(protoFile, proto);
    await goTool(root, 'go', [...BUF, ...breaking]);
  });
});
