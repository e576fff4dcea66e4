import { namesOf } from '../../../choices/naming.js';
import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';
import { domainImports, signature, type TsPortShape } from './port-code.js';
import type { PortMethod } from './port-signature.js';

/** The names the http adapter of a port is written with. */
export function httpAdapterNames(port: { pascal: string; kebab: string }): { http: string; routes: string; file: string; module: string } {
  return {
    http: `Http${port.pascal}`,
    routes: `${namesOf(port.pascal).constant}_ROUTES`,
    file: `src/adapter/httpclient/${port.kebab}.ts`,
    module: `../adapter/httpclient/${port.kebab}.js`,
  };
}

/**
 * src/adapter/httpclient/<kebab>.ts and its test: one JSON call per method of the port, its verb and
 * path in one table (`<PORT>_ROUTES`), a request type per method with arguments. Every method must be
 * async (checked by the caller).
 */
export function renderTsHttpAdapter(tree: Tree, port: TsPortShape, baseUrlEnv: string): void {
  const { http, routes } = httpAdapterNames(port.name);
  const taken = new Set(port.domain.keys());
  const requestType = (method: PortMethod): string => {
    const plain = `${namesOf(method.name).pascal}Request`;
    return taken.has(plain) || plain === http ? `${port.name.pascal}${plain}` : plain;
  };
  const argsOf = (method: PortMethod) => method.params.filter((param) => !param.signal);
  const routeRows = port.methods.map((method) => `  ${method.name}: { method: 'POST', path: '/${namesOf(method.name).kebab}' },`).join('\n');
  const requestTypes = port.methods
    .filter((method) => argsOf(method).length > 0)
    .map((method) => {
      const fields = argsOf(method).map((param) => `  ${param.name}: ${param.rest ? `${param.type}` : param.optional ? `${param.type} | undefined` : param.type};`);
      return `\n/** The JSON body of ${method.name}. */\nexport interface ${requestType(method)} {\n${fields.join('\n')}\n}`;
    })
    .join('\n');
  const methods = port.methods
    .map((method) => {
      const signal = method.params.at(-1)?.name ?? 'signal';
      const args = argsOf(method);
      const body = args.length === 0 ? '{}' : 'body';
      const field = (name: string, value: string) => (name === value ? name : `${name}: ${value}`);
      const call = `this.client.call({ ...${routes}.${method.name}, ${field('body', body)}, idempotencyKey: randomUUID(), ${field('signal', signal)} }, '${port.name.pascal}.${method.name}')`;
      const lines = [`  async ${signature(method)} {`];
      if (args.length > 0) lines.push(`    const body: ${requestType(method)} = { ${args.map((param) => param.name).join(', ')} };`);
      if (method.result === 'void' || method.result === 'undefined') lines.push(`    await ${call};`);
      // The contract says the answer is the result: it is taken as such, not validated.
      else lines.push(`    return (await ${call})${method.result === 'unknown' ? '' : ` as ${method.result}`};`);
      lines.push('  }');
      return lines.join('\n');
    })
    .join('\n\n');
  const sampleTypes = port.methods.flatMap((method) => method.params.flatMap((param) => param.sampleTypes));
  renderTemplateFolder(tree, 'ts/httpclient', {
    port: port.name,
    http,
    routes,
    baseUrlEnv,
    imports: domainImports(port, port.methods.flatMap((method) => method.domainTypes), '../../domain/'),
    routeRows,
    requestTypes,
    methods,
    testImports: domainImports(port, sampleTypes, '../../domain/'),
    unread: port.methods.some((method) => method.params.some((param) => param.sample.startsWith('unread as '))),
    cases: port.methods.map((method) => testCase(method, routes)).join('\n\n'),
  });
}

function testCase(method: PortMethod, routes: string): string {
  const args = method.params.filter((param) => !param.signal);
  const call = `adapter.${method.name}(${[...args.filter((param) => !param.rest).map((param) => param.sample), 'signal'].join(', ')})`;
  const expected = `{ ${args.filter((param) => !param.rest).map((param) => `${param.name}: ${param.sample}`).join(', ')}${args.some((param) => param.rest) ? `${args.length > 1 ? ', ' : ''}${args.find((param) => param.rest)?.name}: []` : ''} }`;
  const resolves = method.result === 'void' || method.result === 'undefined' ? 'toBeUndefined()' : 'toEqual(answer)';
  return [
    `  it('${method.name} sends its arguments to its route', async () => {`,
    `    await expect(${call}).resolves.${resolves};`,
    `    expect(received).toMatchObject({ method: ${routes}.${method.name}.method, url: \`/base\${${routes}.${method.name}.path}\` });`,
    // toEqual: an argument left undefined is absent from the JSON body.
    `    expect(received?.body).toEqual(${args.length === 0 ? '{}' : expected});`,
    "    expect(received?.idempotencyKey).toEqual(expect.any(String));",
    '  });',
  ].join('\n');
}
