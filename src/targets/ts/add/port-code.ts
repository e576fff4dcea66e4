import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import type { TsTypeName } from './names.js';
import type { PortMethod, PortParam } from './port-signature.js';

export interface TsPortShape {
  name: TsTypeName;
  methods: readonly PortMethod[];
  /** Domain type name -> its module under src/domain, without extension (`order`). */
  domain: ReadonlyMap<string, string>;
}

/** `import type { A, B } from '<prefix>order.js';` lines for the domain types named, sorted by module. */
export function domainImports(port: TsPortShape, names: Iterable<string>, prefix: string): string {
  const byModule = new Map<string, Set<string>>();
  for (const name of names) {
    const module = port.domain.get(name);
    if (module === undefined) continue;
    byModule.set(module, (byModule.get(module) ?? new Set()).add(name));
  }
  return [...byModule]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([module, types]) => `import type { ${[...types].sort().join(', ')} } from '${prefix}${module}.js';\n`)
    .join('');
}

/** `chargeOrder` -> `Charge order`. */
function sentenceOf(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function paramText(param: PortParam, name = param.name): string {
  return `${param.rest ? '...' : ''}${name}${param.optional ? '?' : ''}: ${param.type}`;
}

export function signature(method: PortMethod, names: (param: PortParam) => string = (param) => param.name, params = method.params): string {
  return `${method.name}(${params.map((param) => paramText(param, names(param))).join(', ')}): ${method.returns}`;
}

/** src/port/<kebab>.ts: the interface, one doc comment line per method. */
export function renderTsPortInterface(tree: Tree, port: TsPortShape): void {
  const members = port.methods
    .map((method) => {
      const doc = method.async
        ? `${sentenceOf(method.name)}: may block or fail, so it rejects with \`signal.reason\` once \`signal\` is aborted.`
        : `${sentenceOf(method.name)}: synchronous, so quick and without I/O.`;
      return `  /** ${doc} */\n  ${signature(method)};\n`;
    })
    .join('');
  renderTemplateFolder(tree, 'ts/port/interface', { port: port.name, imports: blankAfter(domainImports(port, port.methods.flatMap((m) => m.domainTypes), '../domain/')), body: `{\n${members}}` });
}

function blankAfter(imports: string): string {
  return imports === '' ? '' : `${imports}\n`;
}

/** A method fails in memory when it is async, or synchronous without a simple zero value. */
function fails(method: PortMethod): boolean {
  return method.async || method.zero === undefined;
}

/** src/adapter/memory/<kebab>.ts and its test: a stateless, honest implementation. */
export function renderTsMemoryAdapter(tree: Tree, port: TsPortShape): void {
  const memory = `Memory${port.name.pascal}`;
  const methods = port.methods
    .map((method) => {
      // Only the signal of an async method is used: the others get the `_` that tsc and ESLint accept.
      const used = method.async ? method.params.at(-1) : undefined;
      const lines = [`  ${signature(method, (param) => (param === used || param.name.startsWith('_') ? param.name : `_${param.name}`))} {`];
      if (method.async) {
        const signal = method.params.at(-1)?.name ?? 'signal';
        lines.push(`    if (${signal}.aborted) return Promise.reject(${signal}.reason as Error);`);
        lines.push(`    return Promise.reject(new NotSupportedError('${memory}.${method.name}'));`);
      } else if (method.zero === undefined) {
        lines.push(`    throw new NotSupportedError('${memory}.${method.name}');`);
      } else if (method.zero.kind === 'void') {
        lines.push('    // Nothing to do in memory.');
      } else {
        lines.push(`    return ${method.zero.text};`);
      }
      lines.push('  }');
      return lines.join('\n');
    })
    .join('\n\n');
  const failing = port.methods.some(fails);
  const anyAsync = port.methods.some((method) => method.async);
  const anyZero = port.methods.some((method) => !fails(method));
  const behaviour = [
    ...(anyAsync ? ['every async method rejects with the reason of an aborted signal, and otherwise with a NotSupportedError'] : []),
    ...(port.methods.some((method) => !method.async && method.zero === undefined) ? ['the synchronous methods without a simple zero value throw a NotSupportedError'] : []),
    ...(anyZero ? ['the others return zero values'] : []),
  ].join('; ');
  const cases = port.methods.map((method) => memoryTestCase(memory, method)).join('\n\n');
  const sampleTypes = port.methods.flatMap((method) => method.params.flatMap((param) => param.sampleTypes));
  renderTemplateFolder(tree, 'ts/port/memory', {
    port: port.name,
    memory,
    imports: domainImports(port, port.methods.flatMap((m) => m.domainTypes), '../../domain/'),
    failing,
    doc: wrap(`The in-memory ${port.name.pascal}, wired by default until a real adapter replaces it in src/bootstrap/ports.ts. It keeps no state. ${behaviour.charAt(0).toUpperCase()}${behaviour.slice(1)}.`),
    methods,
    testImports: domainImports(port, sampleTypes, '../../domain/'),
    testFailing: failing ? `, NotSupportedError` : '',
    anyAsync,
    unread: port.methods.some((method) => method.params.some((param) => param.sample.startsWith('unread as '))),
    cases,
  });
}

/** A doc comment's paragraph, wrapped at 100 columns (` * ` lines, without the first prefix). */
function wrap(text: string, width = 97): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines.join('\n * ');
}

function memoryTestCase(memory: string, method: PortMethod): string {
  const args = (signal: string) =>
    method.params
      .filter((param) => !param.rest)
      .map((param, index, all) => (method.async && index === all.length - 1 ? signal : param.sample))
      .join(', ');
  const call = (signal: string) => `adapter.${method.name}(${args(signal)})`;
  const lines: string[] = [];
  if (method.async) {
    lines.push(`  it('${method.name} rejects with a NotSupportedError, or with the reason of an aborted signal', async () => {`);
    lines.push(`    const adapter = new ${memory}();`);
    lines.push(`    await expect(${call('signal')}).rejects.toBeInstanceOf(NotSupportedError);`);
    lines.push('    const stop = aborted();');
    lines.push(`    await expect(${call('stop.signal')}).rejects.toBe(stop.reason);`);
  } else if (method.zero === undefined) {
    lines.push(`  it('${method.name} throws a NotSupportedError', () => {`);
    lines.push(`    const adapter = new ${memory}();`);
    lines.push(`    expect(() => ${call('')}).toThrow(NotSupportedError);`);
  } else if (method.zero.kind === 'void') {
    lines.push(`  it('${method.name} does nothing', () => {`);
    lines.push(`    const adapter = new ${memory}();`);
    lines.push(`    expect(() => {\n      ${call('')};\n    }).not.toThrow();`);
  } else {
    lines.push(`  it('${method.name} returns a zero value', () => {`);
    lines.push(`    const adapter = new ${memory}();`);
    lines.push(`    expect(${call('')}).${method.zero.matcher};`);
  }
  lines.push('  });');
  return lines.join('\n');
}

/** test/<kebab>-fake.ts: a fake that records its calls and answers what the test sets. */
export function renderTsFake(tree: Tree, port: TsPortShape): void {
  const fake = `Fake${port.name.pascal}`;
  const fields: string[] = [];
  const methods = port.methods.map((method) => {
    const params = method.params.filter((param) => !param.signal);
    const field = `${method.name}Result`;
    const lines = [`  ${signature(method, (param) => param.name, params)} {`];
    lines.push(`    this.calls.push({ method: '${method.name}', args: [${params.map((param) => param.name).join(', ')}] });`);
    if (method.async) lines.push('    if (this.failWith !== undefined) return Promise.reject(this.failWith);');
    const zero = method.zero;
    if (zero?.kind === 'void') {
      if (method.async) lines.push('    return Promise.resolve();');
    } else {
      if (zero === undefined) {
        fields.push(`  /** What ${method.name} ${method.async ? 'resolves to' : 'returns'}; it ${method.async ? 'rejects' : 'throws'} until the test sets it. */\n  ${field}: ${method.result} | undefined;`);
        const error = `new Error('${fake}.${method.name}: set ${field} first')`;
        lines.push(method.async ? `    if (this.${field} === undefined) return Promise.reject(${error});` : `    if (this.${field} === undefined) throw ${error};`);
      } else {
        fields.push(`  /** What ${method.name} ${method.async ? 'resolves to' : 'returns'}. */\n  ${field}${zero.inferred ? '' : `: ${method.result}`} = ${zero.text};`);
      }
      lines.push(method.async ? `    return Promise.resolve(this.${field});` : `    return this.${field};`);
    }
    lines.push('  }');
    return lines.join('\n');
  });
  const anyAsync = port.methods.some((method) => method.async);
  renderTemplateFolder(tree, 'ts/port/fake', {
    port: port.name,
    fake,
    imports: domainImports(port, port.methods.flatMap((m) => m.domainTypes), '../src/domain/'),
    fields: [...(anyAsync ? ['  /** When set, every async method rejects with it. */\n  failWith: Error | undefined;'] : []), ...fields].map((field) => `${field}\n`).join(''),
    methods: methods.join('\n\n'),
  });
}
