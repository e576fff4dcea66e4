import { protoNamesOf, rpcNamesOf } from '../../../../choices/proto-names.js';
import { UsageError } from '../../../../errors.js';
import type { PostStep } from '../../../../post-steps/post-step.js';
import type { Project } from '../../../../project/load-project.js';
import type { Verifier } from '../../../../verify/verifier.js';
import type { GoParser } from '../../edit/parser.js';
import { addRpc, type RpcAddition } from '../../proto-edit/index.js';
import { grpcVerifier } from '../../verify/grpc-verifier.js';
import type { GoTypeName } from '../names.js';
import type { PackageScope } from '../package-scope.js';
import type { UseCaseIO } from '../usecase-io.js';
import { bufGenerate } from './buf-generate-step.js';
import { rpcFields } from './rpc-fields.js';
import { GRPC_DIR, GRPC_PACKAGE, methodImports, methodTestImports, renderRpcMethod, type RpcMethodPlan } from './rpc-method-code.js';
import { serverMethodFile } from './server-methods.js';

/**
 * Serves a use case over gRPC: its rpc and messages in the service's .proto (through the proto
 * parser), the Server method that calls it and, for a new use case's skeleton (`arity`, the number
 * of ports its constructor takes), its test; an existing use case (`arity` null) keeps its own
 * tests, and the verifier compiles the method against it. buf regenerates the Go code after the
 * commit, and the verifier proves first that the .proto builds and lints and the method compiles
 * against the code buf generates. An rpc and method present already are nothing to do.
 */
export function addGrpc(parser: GoParser, project: Project, scope: PackageScope, useCase: GoTypeName, io: UseCaseIO, arity: number | null): { postSteps: PostStep[]; verifier: Verifier } | null {
  const { tree, spec } = project;
  const proto = protoNamesOf(spec.name.kebab, spec.module);
  const names = rpcNamesOf(useCase.pascal);
  const text = tree.read(proto.protoFile);
  if (text === undefined) {
    throw new UsageError(`${proto.protoFile} does not exist, so the rpc ${names.rpc} has no API to go into`, 'restore the file (svc add transport grpc writes it), or add the rpc by hand to the .proto that replaced it');
  }
  const fields = rpcFields(io);
  if ('reason' in fields) throw new UsageError(`cannot serve ${useCase.pascal} over gRPC: ${fields.reason}`, 'write the rpc and its server method by hand');
  const addition: RpcAddition = {
    service: proto.service,
    rpc: names.rpc,
    doc: [`${names.rpc} serves the use case ${useCase.pascal}.`],
    request: { name: names.request, doc: [`${names.request} is the input of ${names.rpc}.`], fields: fields.request.map((field) => field.proto) },
    response: { name: names.response, doc: [`${names.response} is the output of ${names.rpc}.`], fields: fields.response.map((field) => field.proto) },
    imports: fields.protoImports,
  };
  const edited = addRpc(proto.protoFile, text, addition);
  const existingMethod = serverMethodFile(parser, tree, names.rpc);
  if (!edited.changed && existingMethod !== null) return null;
  if (existingMethod !== null) {
    throw new UsageError(`the gRPC adapter has a method ${names.rpc} on Server already (${existingMethod}), but ${proto.protoFile} has no rpc ${names.rpc}`, `add the rpc to ${proto.service} by hand, or rename the method`);
  }
  const plan: RpcMethodPlan = { module: spec.module, proto, useCase, fields, skeleton: arity === null ? null : { input: io.input, arity } };
  const creates = [`${GRPC_DIR}/${useCase.snake}.go`, ...(arity === null ? [] : [`${GRPC_DIR}/${useCase.snake}_test.go`])];
  const problems = scope.collisions({ dir: GRPC_DIR, pkg: GRPC_PACKAGE, declares: arity === null ? [] : [`Test${useCase.pascal}`], imports: [...methodImports(plan), ...methodTestImports(plan)], creates });
  if (problems.length > 0) {
    throw new UsageError(`the gRPC method of ${useCase.pascal} cannot be added: ${[...new Set(problems)].join('; ')}`, 'rename or move what is in the way, or choose another name for the use case');
  }
  if (edited.changed) tree.merge(proto.protoFile, edited.text);
  renderRpcMethod(tree, plan);
  return { postSteps: [bufGenerate], verifier: grpcVerifier(proto.protoRoot) };
}
