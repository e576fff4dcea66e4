import { renderTemplateFolder as renderFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import type { MethodSignature } from '../inspect/syntax.js';
import { implementationSignature, importBlock, resultsText, returnsError, takesContext, zeroResults, type PortMethod } from './go-code.js';
import type { GoTypeName } from './names.js';

export interface PortShape {
  name: GoTypeName;
  methods: readonly MethodSignature[];
  /** Import path of every package qualifier the methods use. */
  qualifiers: ReadonlyMap<string, string>;
}

/** A port `svc add port` creates: its methods come from --method, with what each parameter's type uses. */
export interface NewPortShape extends PortShape {
  methods: readonly PortMethod[];
}

function pathsFor(methods: readonly MethodSignature[], qualifiers: ReadonlyMap<string, string>): string[] {
  return [...new Set(methods.flatMap((method) => method.qualifiers))].map((q) => qualifiers.get(q) ?? q);
}

export function portInterfaceImports(port: PortShape): string[] {
  return pathsFor(port.methods, port.qualifiers);
}

export function memoryAdapterImports(module: string, port: PortShape): string[] {
  return [...pathsFor(port.methods, port.qualifiers), ...(port.methods.some((method) => returnsError(method)) ? ['errors', 'fmt'] : []), `${module}/internal/port`];
}

export function fakeImports(module: string, port: PortShape): string[] {
  return [...pathsFor(port.methods, port.qualifiers), ...(port.methods.length > 0 ? ['sync'] : []), `${module}/internal/port`];
}

/** internal/port/<snake>.go: the interface (a new port has at least one method). */
export function renderPortInterface(tree: Tree, module: string, port: PortShape): void {
  const body = `interface {\n${port.methods.map((method) => `\t${method.text}\n`).join('')}}`;
  renderFolder(tree, 'go/port/interface', { module, port: port.name, imports: importBlock(portInterfaceImports(port)), body });
}

/** The import paths of the memory adapter's test: only what the variables it declares need. */
export function memoryTestImports(module: string, port: NewPortShape): string[] {
  const failing = port.methods.filter((method) => returnsError(method));
  const declared = failing.flatMap((method) => method.paramQualifiers.filter((_, i) => isDeclaredInTest(method, i)).flat());
  return [
    ...[...new Set(declared)].map((q) => port.qualifiers.get(q) ?? q),
    ...(failing.some(takesContext) ? ['context'] : []),
    'errors',
    'testing',
    `${module}/internal/adapter/memory`,
  ];
}

/** The test passes t.Context() for a leading context, nothing for a variadic parameter, a zero variable for the rest. */
function isDeclaredInTest(method: MethodSignature, index: number): boolean {
  const param = method.params[index];
  return param !== undefined && !param.variadic && !(index === 0 && param.type === 'context.Context');
}

/** internal/adapter/memory/<snake>.go (+ its test): a stateless, honest implementation. */
export function renderMemoryAdapter(tree: Tree, module: string, port: NewPortShape, withPackageDoc: boolean): void {
  const failing = port.methods.filter(returnsError);
  const pure = port.methods.filter((method) => !returnsError(method));
  const imports = importBlock(memoryAdapterImports(module, port));
  const methods = port.methods
    .map((method) => {
      const fails = returnsError(method);
      const signature = implementationSignature(method, fails);
      const { vars, returns } = zeroResults(method, `fmt.Errorf("memory.${port.name.pascal}.${method.name}: %w", errors.ErrUnsupported)`);
      const lines = [`\n\n// ${method.name} ${fails ? 'fails with errors.ErrUnsupported: an in-memory stand-in cannot do it.' : 'returns zero values.'}`];
      lines.push(`func (a *${port.name.pascal}) ${signature} {`);
      lines.push(...vars.map((v) => `\t${v}`));
      if (fails && takesContext(method)) {
        const { returns: early } = zeroResults(method, 'err');
        lines.push('\tif err := ctx.Err(); err != nil {', `\t\treturn ${early}`, '\t}');
      }
      if (returns !== '') lines.push(`\treturn ${returns}`);
      lines.push('}');
      return lines.join('\n');
    })
    .join('');
  const testImports = importBlock(memoryTestImports(module, port));
  const testCases = failing.map((method) => memoryTestCase(method)).join('\n');
  renderFolder(tree, 'go/port/memory', {
    module,
    port: port.name,
    imports,
    methods,
    unsupported: failing.length > 0,
    pure: pure.length > 0,
    pureOnly: failing.length === 0 && pure.length > 0,
    testImports,
    testCases,
  });
  if (withPackageDoc) renderFolder(tree, 'go/port/memory-doc', {});
}

function memoryTestCase(method: MethodSignature): string {
  const args: string[] = [];
  const decls: string[] = [];
  method.params.forEach((param, i) => {
    if (i === 0 && param.type === 'context.Context') {
      args.push('CTX');
      return;
    }
    if (!isDeclaredInTest(method, i)) return;
    decls.push(`\t\tvar arg${i} ${param.type}`);
    args.push(`arg${i}`);
  });
  const blanks = method.results.slice(0, -1).map(() => '_');
  const assign = (op: string) => `${[...blanks, 'err'].join(', ')} ${op} a.${method.name}(${args.join(', ')})`;
  const lines = [`\tt.Run("${method.name}", func(t *testing.T) {`, ...decls];
  lines.push(`\t\t${assign(':=').replace('CTX', 't.Context()')}`);
  lines.push('\t\tif !errors.Is(err, errors.ErrUnsupported) {', `\t\t\tt.Errorf("err = %v, want errors.ErrUnsupported", err)`, '\t\t}');
  if (takesContext(method)) {
    lines.push('');
    lines.push('\t\tctx, cancel := context.WithCancel(t.Context())', '\t\tcancel()');
    lines.push(`\t\t${assign('=').replace('CTX', 'ctx')}`);
    lines.push('\t\tif !errors.Is(err, context.Canceled) {', `\t\t\tt.Errorf("err = %v with a cancelled context, want context.Canceled", err)`, '\t\t}');
  }
  lines.push('\t})');
  return lines.join('\n');
}

/** internal/app/<snake>_fake_test.go: a recording fake of the port for use case tests. */
export function renderFake(tree: Tree, module: string, port: PortShape): void {
  const hasErr = port.methods.some(returnsError);
  const imports = importBlock(fakeImports(module, port));
  const methods = port.methods
    .map((method) => {
      const { vars, returns } = zeroResults(method, 'f.err');
      const lines = [`\nfunc (f *fake${port.name.pascal}) ${implementationSignature(method, false)} {`, `\tf.record("${method.name}")`];
      lines.push(...vars.map((v) => `\t${v}`));
      if (returns !== '') lines.push(`\treturn ${returns}`);
      lines.push('}');
      return lines.join('\n');
    })
    .join('\n');
  renderFolder(tree, 'go/port/fake', { module, port: port.name, imports, methods: `${methods}\n`, hasErr, hasMethods: port.methods.length > 0 });
}

export { resultsText };
