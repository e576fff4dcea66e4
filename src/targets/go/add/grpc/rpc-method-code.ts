import type { ProtoNames } from '../../../../choices/proto-names.js';
import { renderTemplateFolder as renderFolder } from '../../../../render/template-folder.js';
import { compareStrings } from '../../../../tree/compare.js';
import type { Tree } from '../../../../tree/tree.js';
import { keyedLiteral } from '../go-code.js';
import type { GoTypeName } from '../names.js';
import type { ImportName } from '../package-scope.js';
import type { InputField } from '../usecase-io.js';
import { goCamelCase } from './go-camel-case.js';
import type { RpcFields } from './rpc-fields.js';

export const GRPC_DIR = 'internal/adapter/grpc';
export const GRPC_PACKAGE = 'grpcadapter';

/** Everything the method of a new use case's rpc and its test are made of. */
export interface RpcMethodPlan {
  module: string;
  proto: ProtoNames;
  useCase: GoTypeName;
  fields: RpcFields;
  /** The skeleton's input fields, named as its validation reports them, and its constructor's arity; null for an existing use case (no test). */
  skeleton: { input: readonly InputField[]; arity: number } | null;
}

const VALID_VALUE = 'ref-1';

/** The method file's imports (what the collision check must know). */
export function methodImports(plan: RpcMethodPlan): ImportName[] {
  const fieldImports = [...plan.fields.request, ...plan.fields.response].flatMap((field) => field.imports);
  return [...named(['context', `${plan.module}/internal/app`, ...fieldImports]), { name: plan.proto.goPackage, path: plan.proto.goImport }];
}

export function methodTestImports(plan: RpcMethodPlan): ImportName[] {
  if (plan.skeleton === null) return [];
  const details = plan.skeleton.input.length > 0 ? ['google.golang.org/genproto/googleapis/rpc/errdetails'] : [];
  return [...named(['log/slog', 'testing', 'google.golang.org/grpc/codes', `${plan.module}/internal/app`, ...details]), { name: plan.proto.goPackage, path: plan.proto.goImport }];
}

/** internal/adapter/grpc/<snake>.go, the method that serves the rpc with the use case, and its test. */
export function renderRpcMethod(tree: Tree, plan: RpcMethodPlan): void {
  const { useCase, proto } = plan;
  renderFolder(tree, 'go/usecase/grpc', { uc: useCase, pb: proto.goPackage, imports: goImports(plan.module, methodImports(plan)), body: methodBody(plan) });
  if (plan.skeleton !== null) renderFolder(tree, 'go/usecase/grpc-test', { uc: useCase, imports: goImports(plan.module, methodTestImports(plan)), body: testBody(plan, plan.skeleton) });
}

function named(paths: readonly string[]): ImportName[] {
  return [...new Set(paths)].map((path) => ({ name: path.slice(path.lastIndexOf('/') + 1), path }));
}

/**
 * An import declaration as goimports groups it here (the linter's local prefix is the module): the
 * standard library, other modules, then the service's own packages, each sorted by path; a name is
 * written only where it differs from the path's last element.
 */
export function goImports(module: string, imports: readonly ImportName[]): string {
  const line = (entry: ImportName) => `\t${entry.name === entry.path.slice(entry.path.lastIndexOf('/') + 1) ? '' : `${entry.name} `}"${entry.path}"\n`;
  const sorted = [...imports].sort((a, b) => compareStrings(a.path, b.path));
  const own = (entry: ImportName) => entry.path === module || entry.path.startsWith(`${module}/`);
  const std = sorted.filter((entry) => !own(entry) && !(entry.path.split('/')[0] ?? '').includes('.'));
  const local = sorted.filter(own);
  const other = sorted.filter((entry) => !std.includes(entry) && !local.includes(entry));
  const groups = [std, other, local].filter((group) => group.length > 0).map((group) => group.map(line).join(''));
  return `import (\n${groups.join('\n')})\n\n`;
}

function methodBody(plan: RpcMethodPlan): string {
  const { useCase, fields, proto } = plan;
  const input = keyedLiteral(`app.${useCase.pascal}Input`, fields.request.map((field) => ({ key: field.goField, value: field.expression })), '\t');
  const response = keyedLiteral(`&${proto.goPackage}.${useCase.pascal}Response`, fields.response.map((field) => ({ key: goCamelCase(field.proto.name), value: field.expression })), '\t');
  if (fields.response.length === 0) {
    return [`\tif _, err := s.app.${useCase.pascal}.Execute(ctx, ${input}); err != nil {`, '\t\treturn nil, err', '\t}', `\treturn ${response}, nil`].join('\n');
  }
  return [`\tout, err := s.app.${useCase.pascal}.Execute(ctx, ${input})`, '\tif err != nil {', '\t\treturn nil, err', '\t}', `\treturn ${response}, nil`].join('\n');
}

/** Unimplemented for a valid request, InvalidArgument naming the field for each blank one. */
function testBody(plan: RpcMethodPlan, skeleton: NonNullable<RpcMethodPlan['skeleton']>): string {
  const { useCase, proto, fields } = plan;
  const request = (blank: string | null) =>
    keyedLiteral(`&${proto.goPackage}.${useCase.pascal}Request`, fields.request.map((field) => ({ key: goCamelCase(field.proto.name), value: JSON.stringify(field.proto.name === blank ? ' ' : VALID_VALUE) })), '\t\t');
  const call = (blank: string | null) => `\t\t_, err := s.${useCase.pascal}(t.Context(), ${request(blank)})`;
  const lines = [
    `\t// The skeleton of ${useCase.pascal} does not call its ports yet: pass fakes`,
    '\t// or memory adapters here once Execute uses them.',
    `\ts := NewServer(&app.App{${useCase.pascal}: app.New${useCase.pascal}(${Array.from({ length: skeleton.arity }, () => 'nil').join(', ')})}, slog.New(slog.DiscardHandler))`,
    '',
    `\tt.Run("answers Unimplemented until ${useCase.pascal} is implemented", func(t *testing.T) {`,
    call(null),
    '\t\tif got := statusOf(err).Code(); got != codes.Unimplemented {',
    '\t\t\tt.Errorf("code = %v, want %v", got, codes.Unimplemented)',
    '\t\t}',
    '\t})',
  ];
  for (const [index, field] of fields.request.entries()) {
    const reported = skeleton.input[index]?.api ?? field.proto.name;
    lines.push(
      '',
      `\tt.Run("rejects a blank ${field.proto.name}", func(t *testing.T) {`,
      call(field.proto.name),
      '\t\tst := statusOf(err)',
      '\t\tif st.Code() != codes.InvalidArgument {',
      '\t\t\tt.Fatalf("code = %v, want %v", st.Code(), codes.InvalidArgument)',
      '\t\t}',
      '\t\tdetails := st.Details()',
      '\t\tif len(details) != 1 {',
      '\t\t\tt.Fatalf("details = %v, want one BadRequest", details)',
      '\t\t}',
      '\t\tbadRequest, ok := details[0].(*errdetails.BadRequest)',
      `\t\tif !ok || len(badRequest.GetFieldViolations()) != 1 || badRequest.GetFieldViolations()[0].GetField() != "${reported}" {`,
      `\t\t\tt.Errorf("details = %v, want one violation of ${reported}", details)`,
      '\t\t}',
      '\t})',
    );
  }
  return lines.join('\n');
}
