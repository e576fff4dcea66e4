import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/project/load-project.js';
import { renderTemplateFolder } from '../../src/render/template-folder.js';
import { goTemplateContext } from '../../src/targets/go/context.js';
import { commitChanges } from '../../src/tree/commit.js';
import { goTool } from '../helpers/go.js';
import { createService, svc } from '../helpers/orders-service.js';

const GIT_IDENTITY = { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' };
const BUF = ['tool', '-modfile=tools/buf/go.mod', 'buf'];
const PROTO = 'api/proto/orders/v1/orders.proto';

/**
 * The gRPC layout of docs/grpc.md on a created service: the grpc templates, their modules and
 * tools, the generated code, all committed. A stand-in until `create-service --transport http,grpc`
 * exists on this branch: then this becomes createService(['--transport', 'http,grpc']).
 */
async function createGrpcService(): Promise<string> {
  const root = await createService();
  const project = loadProject(root);
  const context = { ...goTemplateContext(project.spec, []), example: true };
  renderTemplateFolder(project.tree, 'go/grpc/core', context);
  renderTemplateFolder(project.tree, 'go/grpc/orders', context);
  commitChanges(root, project.tree.changes());
  const manifestFile = path.join(root, 'svc.json');
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as { choices: { transport: string[] } };
  manifest.choices.transport = ['http', 'grpc'];
  fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  await goTool(root, 'go', ['get', 'google.golang.org/grpc@v1.85.0', 'google.golang.org/protobuf@v1.36.12', 'google.golang.org/genproto/googleapis/rpc@v0.0.0-20261110000943-09e21b237f2c']);
  await goTool(root, 'go', ['get', '-tool', 'google.golang.org/protobuf/cmd/protoc-gen-go@v1.36.12', 'google.golang.org/grpc/cmd/protoc-gen-go-grpc@v1.6.2']);
  await goTool(path.join(root, 'tools/buf'), 'go', ['mod', 'tidy']);
  // The generated package must exist before tidy, which would look for it on the proxy.
  await goTool(root, 'go', [...BUF, 'generate']);
  await goTool(root, 'go', ['mod', 'tidy']);
  await goTool(root, 'git', ['init', '-q']);
  await commitAll(root, 'created');
  return root;
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
    // Only what the add brought: the adapter's wiring into bootstrap is create's work (issue 16), not this add's.
    await goTool(root, 'golangci-lint', ['run', '--allow-parallel-runners', '--new-from-rev=HEAD', './...']);
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
