import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Choices } from '../../../src/choices/options.js';
import { namesOf } from '../../../src/choices/naming.js';
import type { ServiceSpec } from '../../../src/choices/service-spec.js';
import { goTemplateContext } from '../../../src/targets/go/context.js';
import { applyGrpc } from '../../../src/targets/go/features/grpc.js';
import { generateGoService } from '../../../src/targets/go/generate.js';
import { Tree } from '../../../src/tree/tree.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const CHOICES: Choices = {
  lang: 'go',
  transport: ['http'],
  datastore: ['memory'],
  logger: 'slog',
  metrics: 'prometheus',
  tracing: 'otel',
  deploy: ['docker', 'compose', 'k8s', 'github-actions'],
  example: true,
};

async function generated(choices: Partial<Choices> = {}): Promise<{ tree: Tree; spec: ServiceSpec }> {
  const spec: ServiceSpec = { root: path.join(makeTempDir(), 'orders'), name: namesOf('orders'), module: 'example.com/orders', choices: { ...CHOICES, ...choices } };
  const tree = new Tree(spec.root);
  await generateGoService(tree, spec);
  return { tree, spec };
}

function files(tree: Tree): Record<string, string> {
  return Object.fromEntries(tree.written().map((file) => [file, tree.read(file) ?? '']));
}

describe('the gRPC feature module', () => {
  it.each([
    ['the sample', {}],
    ['postgres and redis', { datastore: ['postgres', 'redis'] }],
    ['no sample, no metrics, no tracing', { example: false, metrics: 'none', tracing: 'none' }],
  ] as [string, Partial<Choices>][])('create --transport http,grpc gives what applying it to the HTTP service gives (%s)', async (_, choices) => {
    const direct = await generated({ ...choices, transport: ['http', 'grpc'] });
    const plain = await generated(choices);
    await applyGrpc(plain.tree, goTemplateContext(plain.spec, []));
    const expected = files(direct.tree);
    const actual = files(plain.tree);
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const file of Object.keys(expected)) expect(actual[file], file).toBe(expected[file]);
  });

  it('is idempotent: applying it again changes no byte', async () => {
    const { tree, spec } = await generated({ transport: ['http', 'grpc'], datastore: ['postgres'] });
    const before = files(tree);
    await applyGrpc(tree, goTemplateContext(spec, []));
    expect(files(tree)).toEqual(before);
  });

  it("runs TestEndToEnd's gRPC server on a free port, and keeps a GRPC_ADDR the user set there", async () => {
    const { tree } = await generated({ transport: ['http', 'grpc'] });
    expect(tree.read('cmd/orders/e2e_test.go')).toMatch(/^\t\t"GRPC_ADDR": +"127\.0\.0\.1:0",$/m);

    const plain = await generated();
    const e2e = 'cmd/orders/e2e_test.go';
    plain.tree.write(e2e, (plain.tree.read(e2e) ?? '').replace('"HTTP_ADDR":            "127.0.0.1:0",', '"HTTP_ADDR":            "127.0.0.1:0",\n\t\t"GRPC_ADDR":            "127.0.0.1:7070",'));
    await applyGrpc(plain.tree, goTemplateContext(plain.spec, []));
    const edited = plain.tree.read(e2e) ?? '';
    expect(edited).toContain('"GRPC_ADDR":            "127.0.0.1:7070",');
    expect(edited.match(/"GRPC_ADDR"/g)).toHaveLength(1);
  });

  it('writes the contract of docs/grpc.md', async () => {
    const { tree } = await generated({ transport: ['http', 'grpc'] });
    const proto = tree.read('api/proto/orders/v1/orders.proto') ?? '';
    expect(proto).toContain('package orders.v1;');
    expect(proto).toContain('service OrdersService {');
    expect(proto).toContain('  rpc CreateOrder(CreateOrderRequest) returns (CreateOrderResponse);');
    expect(tree.read('go.mod')).toContain('tool (\n\tgoogle.golang.org/grpc/cmd/protoc-gen-go-grpc\n\tgoogle.golang.org/protobuf/cmd/protoc-gen-go\n)\n');
    const bootstrap = tree.read('internal/bootstrap/bootstrap.go') ?? '';
    // The gRPC port is bound right below fail, before the tracer and the stores; the worker once the application exists.
    expect(bootstrap).toContain('\t}\n\n\tgrpcSrv, err := listenGRPC(ctx, cfg, log, deps)\n\tif err != nil {\n\t\treturn fail(err)\n\t}\n\n\ttp, err := tracing.NewProvider(');
    expect(bootstrap).toContain('\tapplication := app.New(ports)\n\n\tserveGRPC(cfg, log, grpcSrv, application, deps, tp, propagator)\n\n\thandler := ');
    expect(tree.read('internal/adapter/grpc/create_order.go')).toContain('func (s *Server) CreateOrder(ctx context.Context, req *ordersv1.CreateOrderRequest) (*ordersv1.CreateOrderResponse, error) {');
    expect(tree.read('deploy/k8s/deployment.yaml')).toContain('            grpc:\n              port: 50051\n');
  });

  it('leaves the sample HTTP routes out of a gRPC-only service, and keeps its HTTP server for operations', async () => {
    const { tree } = await generated({ transport: ['grpc'] });
    expect(tree.exists('internal/adapter/http/create_order.go')).toBe(false);
    expect(tree.read('internal/adapter/http/router.go')).not.toContain('createOrder(');
    expect(tree.read('internal/adapter/http/router.go')).toContain('/readyz');
    expect(tree.exists('internal/adapter/grpc/create_order.go')).toBe(true);
  });
});
