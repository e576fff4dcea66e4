import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
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
});
