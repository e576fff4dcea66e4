import { renderTemplateFolder as renderFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import { importBlock, keyedLiteral, structType } from './go-code.js';
import type { GoTypeName } from './names.js';
import type { InputField, UseCaseIO } from './usecase-io.js';

/** A port the use case takes: `orders port.OrderRepository`, faked in tests by `fakeOrderRepository`. */
export interface Dependency {
  /** Field of app.Ports: `PaymentGateway`. */
  field: string;
  /** Constructor parameter and struct field: `paymentGateway`. */
  param: string;
  /** As written in Ports: `port.PaymentGateway`. */
  type: string;
  /** The interface name in internal/port: `PaymentGateway`. */
  iface: string;
}

/** The paths the use case file imports (what the collision check must know). */
export function useCaseImports(module: string, deps: readonly Dependency[]): string[] {
  return ['context', 'fmt', 'strings', `${module}/internal/domain`, ...(deps.length > 0 ? [`${module}/internal/port`] : [])];
}

export const USE_CASE_TEST_IMPORTS = ['context', 'errors', 'testing'];

/**
 * internal/app/<snake>.go and its test: the input (one field per path wildcard, or an example
 * field), validation of every field, and an Execute that fails with domain.ErrNotImplemented.
 */
export function renderUseCase(tree: Tree, module: string, useCase: GoTypeName, deps: readonly Dependency[], io: UseCaseIO): void {
  const width = Math.max(0, ...deps.map((dep) => dep.param.length));
  const structBody = deps.length === 0 ? 'struct{}' : `struct {\n${deps.map((dep) => `\t${dep.param.padEnd(width)} ${dep.type}\n`).join('')}}`;
  renderFolder(tree, 'go/usecase/app', {
    module,
    uc: useCase,
    imports: importBlock(useCaseImports(module, deps)),
    inputStruct: inputStruct(useCase, io.input),
    checks: io.input.map((field) => `\tif strings.TrimSpace(in.${field.name}) == "" {\n\t\tv.Add("${field.api}", "is required")\n\t}`).join('\n'),
    structBody,
    params: deps.map((dep) => `${dep.param} ${dep.type}`).join(', '),
    literal: `&${useCase.pascal}{${deps.map((dep) => `${dep.param}: ${dep.param}`).join(', ')}}`,
    hasDeps: deps.length > 0,
    portList: deps.map((dep) => `uc.${dep.param}`).join(', '),
    fakes: deps.map((dep) => `&fake${dep.iface}{}`).join(', '),
    cases: testCases(useCase, io.input),
  });
}

function inputStruct(useCase: GoTypeName, fields: readonly InputField[]): string {
  if (fields.length === 1 && fields[0]?.name === 'Reference' && fields[0].source !== 'path') {
    return `struct {\n\t// Reference names what ${useCase.pascal} acts on. Replace it with the fields\n\t// the use case needs, and check them in validate.\n\tReference string\n}`;
  }
  return structType(fields.map((field) => ({ name: field.name, type: field.type.text })));
}

function testCases(useCase: GoTypeName, fields: readonly InputField[]): string {
  const input = (blank: InputField | null) =>
    `app.${useCase.pascal}Input{${fields.map((field) => `${field.name}: ${JSON.stringify(field === blank ? ' ' : field.source === 'path' ? 'abc' : 'ref-1')}`).join(', ')}}`;
  const testCase = (pairs: { key: string; value: string }[]) => `\t\t${keyedLiteral('', pairs, '\t\t')},`;
  return [
    testCase([
      { key: 'name', value: '"fails with ErrNotImplemented until it is implemented"' },
      { key: 'in', value: input(null) },
      { key: 'wantErr', value: 'domain.ErrNotImplemented' },
    ]),
    ...fields.map((field) =>
      testCase([
        { key: 'name', value: `"rejects a blank ${field.api}"` },
        { key: 'in', value: input(field) },
        { key: 'wantErr', value: 'domain.ErrInvalid' },
        { key: 'wantField', value: `"${field.api}"` },
      ]),
    ),
    testCase([
      { key: 'name', value: '"stops when the context is cancelled"' },
      { key: 'in', value: input(null) },
      { key: 'cancelled', value: 'true' },
      { key: 'wantErr', value: 'context.Canceled' },
    ]),
  ].join('\n');
}
