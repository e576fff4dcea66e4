import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import { appendTextBlock } from '../../../file-edits/text-block.js';
import { addTextBlock } from './block-order.js';
import { addComposeGrpc, addK8sGrpc } from '../../../file-edits/grpc-deploy.js';
import { addCiProtoJob } from '../../../file-edits/ci-proto.js';
import { BOOTSTRAP_FILE } from '../add/go-files.js';
import { goRequirements, GRPC_GO_TOOLS } from '../go-modules.js';
import { addConfigSection } from './datastore/config-section.js';
import type { GoContext } from './datastore/context.js';
import { addGoTools, editGoFile, requireAtLeast } from './datastore/edits.js';
import { addPresentStoresEndToEndVars, addRequiredVarsToEndToEnd, END_TO_END_TEST, GRPC_END_TO_END_TEST } from './datastore/test-env.js';
import type { GoFeature } from './feature.js';

/**
 * The gRPC transport (docs/grpc.md): the .proto and buf configuration, the grpcadapter package and
 * its server, the GRPC config section, and in bootstrap.Run its port (bound after HTTP's) and its worker.
 * Create (--transport grpc) and `svc add transport grpc` both run applyGrpc, so they give the same
 * bytes. The generated Go of the .proto is written by the post-step `buf generate`.
 */
export const grpcFeature: GoFeature = {
  id: 'grpc',
  enabled: (spec) => spec.choices.transport.includes('grpc'),
  requires: () => ['grpc'],
  apply: (tree, template) => applyGrpc(tree, template as GoContext),
};

export async function applyGrpc(tree: Tree, context: GoContext): Promise<void> {
  if (tree.exists(context.proto.protoFile)) return;
  renderTemplateFolder(tree, 'go/grpc/core', context);
  if (context.example) renderTemplateFolder(tree, 'go/grpc/orders', context);
  requireAtLeast(tree, [
    ...goRequirements.grpc,
    ...(context.metrics.prometheus ? goRequirements['grpc-prometheus'] : []),
    ...(context.tracing.otel ? goRequirements['grpc-otel'] : []),
  ]);
  addGoTools(tree, GRPC_GO_TOOLS);
  await addConfigSection(tree, 'GRPC');
  // The gRPC port is bound right after the HTTP port (below `fail`), before any store is opened.
  await editGoFile(tree, BOOTSTRAP_FILE, [
    { kind: 'statement', func: 'Run', statement: 'grpcSrv, err := listenGRPC(ctx, cfg, log, deps)', position: 'after-declaration', declaration: 'fail', paragraph: true },
    { kind: 'statement', func: 'Run', statement: 'if err != nil {\n\treturn fail(err)\n}', position: 'after-declaration', declaration: 'grpcSrv' },
    {
      kind: 'statement',
      func: 'Run',
      statement: `serveGRPC(cfg, log, grpcSrv, application, deps${context.tracing.otel ? ', tp, propagator' : ''})`,
      position: 'before-literal',
      literal: 'httpadapter.Config',
      paragraph: true,
      unlessPresent: 'serveGRPC',
    },
  ]);
  await bindEndToEndGrpcToAFreePort(tree, context.name);
  await addPresentStoresEndToEndVars(tree, context.name, context.module);
  // After the stores: their helpers give real values where requiredVars has placeholders.
  await addRequiredVarsToEndToEnd(tree, context.name, GRPC_END_TO_END_TEST);
  addComposeGrpc(tree, context.name);
  addK8sGrpc(tree, context.name);
  addCiProtoJob(tree);
  appendTextBlock(tree, 'Makefile', MAKEFILE);
  addTextBlock(tree, '.env.example', ENV_EXAMPLE);
  addTextBlock(tree, 'README.md', README(context.proto.protoFile));
}

/**
 * TestEndToEnd runs the whole program, gRPC server included: on a free port, not GRPC_ADDR's default,
 * so that it passes beside a service listening on :50051 and beside other services' tests.
 */
async function bindEndToEndGrpcToAFreePort(tree: Tree, name: string): Promise<void> {
  const file = `cmd/${name}/${END_TO_END_TEST.file}`;
  if (!tree.exists(file)) return;
  await editGoFile(tree, file, [{ kind: 'keyed-element', func: END_TO_END_TEST.func, type: 'map[string]string', key: '"GRPC_ADDR"', value: '"127.0.0.1:0"' }]);
}

const MAKEFILE = `.PHONY: generate
generate: ## Generate the Go code of api/proto into internal/gen (buf, pinned in tools/buf/go.mod)
	go tool -modfile=tools/buf/go.mod buf generate

.PHONY: buf-lint
buf-lint: ## Lint api/proto
	go tool -modfile=tools/buf/go.mod buf lint
`;

const ENV_EXAMPLE = `# gRPC server (docs in README.md, "gRPC").
GRPC_ADDR=:50051
GRPC_REFLECTION=true
GRPC_MAX_RECV_MSG_BYTES=4194304
GRPC_MAX_SEND_MSG_BYTES=4194304
GRPC_REQUEST_TIMEOUT=10s
GRPC_KEEPALIVE_TIME=2h
GRPC_KEEPALIVE_TIMEOUT=20s
GRPC_KEEPALIVE_MIN_TIME=5m
GRPC_MAX_CONNECTION_AGE=30m
`;

const README = (protoFile: string) => `## gRPC

The use cases are served over gRPC on \`GRPC_ADDR\` (\`:50051\`), from \`${protoFile}\`: one rpc
per use case, answered by \`internal/adapter/grpc\`. A use case's error means the same as over HTTP:
both sort it with \`domain.OutcomeOf\` (invalid input is \`InvalidArgument\` with
\`BadRequest\` details, a dependency down \`Unavailable\` with \`RetryInfo\`, a bug \`Internal\`). The
standard health service answers with the readiness checks of \`/readyz\` and turns \`NOT_SERVING\` while
the service drains; reflection is on unless \`GRPC_REFLECTION=false\`.

After changing the .proto, run \`make generate\` (buf, pinned in \`tools/buf/go.mod\`; the plugins are
\`tool\` directives of go.mod) and commit \`internal/gen\`. CI runs \`buf lint\`, \`buf breaking\` against
the default branch, and fails when regenerating changes anything.

| Variable | Default | Meaning |
|---|---|---|
| \`GRPC_ADDR\` | \`:50051\` | Address of the gRPC server |
| \`GRPC_REFLECTION\` | \`true\` | Serve the reflection service (grpcurl) |
| \`GRPC_MAX_RECV_MSG_BYTES\` / \`GRPC_MAX_SEND_MSG_BYTES\` | \`4194304\` | Largest message |
| \`GRPC_REQUEST_TIMEOUT\` | \`10s\` | Deadline of an rpc whose client sets none shorter |
| \`GRPC_KEEPALIVE_TIME\` / \`GRPC_KEEPALIVE_TIMEOUT\` | \`2h\` / \`20s\` | Server pings of idle connections |
| \`GRPC_KEEPALIVE_MIN_TIME\` | \`5m\` | Clients pinging more often are disconnected |
| \`GRPC_MAX_CONNECTION_AGE\` | \`30m\` | Connections are recycled so clients spread over replicas |
`;
