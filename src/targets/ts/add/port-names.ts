import type { MethodSignature, SourceFile } from 'ts-morph';
import { UsageError } from '../../../errors.js';
import type { Tree } from '../../../tree/tree.js';
import type { TsEditSession } from '../edit/session.js';
import { bindingInFolder, functionScopeNames, topLevelNames } from '../edit/module-names.js';
import type { TsTypeName } from './names.js';
import type { PortMethod } from './port-signature.js';

export const APP_FILE = 'src/app/app.ts';
export const PORTS_FILE = 'src/bootstrap/ports.ts';
export const PORT_DIR = 'src/port';
export const MEMORY_DIR = 'src/adapter/memory';

/** The names the files of a port declare: the interface, the memory adapter and its error, the fake and its call record. */
export function portNames(port: TsTypeName): { memory: string; fake: string; declared: string[] } {
  const memory = `Memory${port.pascal}`;
  const fake = `Fake${port.pascal}`;
  return { memory, fake, declared: [port.pascal, memory, 'NotSupportedError', fake, `${fake}Call`] };
}

/** A file that gets `import { className }` so its Ports literals can take the new port. */
export interface ImportTarget {
  file: string;
  className: string;
}

/**
 * Why a new port cannot take these names, or undefined: its four files must be new; the interface
 * free in app.ts and src/port; the memory adapter free in src/adapter/memory, ports.ts and
 * createPorts; the fake free in test/; each class free in the files that will import it; and
 * no domain type the methods name may be one of the port's own names.
 */
export function portCollision(session: TsEditSession, tree: Tree, app: SourceFile, port: TsTypeName, methods: readonly PortMethod[], importers: readonly ImportTarget[]): string | undefined {
  const { memory, fake, declared } = portNames(port);
  const files = [`${PORT_DIR}/${port.kebab}.ts`, `${MEMORY_DIR}/${port.kebab}.ts`, `${MEMORY_DIR}/${port.kebab}.test.ts`, `test/${port.kebab}-fake.ts`];
  const file = files.find((candidate) => tree.exists(candidate));
  if (file !== undefined) return `${file} already exists`;
  const domain = methods.flatMap((method) => method.domainTypes).find((type) => declared.includes(type));
  if (domain !== undefined) return `the methods name the domain type ${domain}, which the port's own files declare`;
  if (topLevelNames(session.ts, app).has(port.pascal)) return `${port.pascal} is already declared or imported in ${APP_FILE}`;
  const bound =
    bindingInFolder(session, tree, PORT_DIR, [port.pascal]) ??
    bindingInFolder(session, tree, MEMORY_DIR, [memory]) ??
    bindingInFolder(session, tree, 'test', [fake, `${fake}Call`]);
  if (bound !== undefined) return `${bound.name} is already declared or imported in ${bound.file}`;
  if (tree.exists(PORTS_FILE)) {
    const ports = session.source(PORTS_FILE, '');
    if (topLevelNames(session.ts, ports).has(memory)) return `${memory} is already declared or imported in ${PORTS_FILE}`;
    const createPorts = ports.getFunction('createPorts');
    if (createPorts !== undefined && functionScopeNames(session.ts, createPorts).has(memory)) return `${memory} is a parameter or a local of createPorts (${PORTS_FILE})`;
  }
  const importer = importers.find((target) => topLevelNames(session.ts, session.source(target.file, '')).has(target.className));
  if (importer !== undefined) return `${importer.className} is already declared or imported in ${importer.file}`;
  return undefined;
}

/**
 * Whether a port that exists already has the methods asked for, each with the same signature
 * (parameter names aside; methods added by hand beside them are fine). Any other signature is
 * bad input that shows both.
 */
export function checkSameMethods(iface: ReturnType<SourceFile['getInterface']>, file: string, port: TsTypeName, methods: readonly PortMethod[]): void {
  const differences = methods.flatMap((method) => {
    const existing = iface?.getMethod(method.name);
    const requested = signatureText(method);
    if (existing === undefined) return [`  ${method.name}: the port has no such method; asked for ${requested}`];
    return sameSignature(existing, method) ? [] : [`  existing:  ${existing.getText().replace(/;$/, '').replace(/\s+/g, ' ')}\n  requested: ${requested}`];
  });
  if (differences.length > 0) {
    throw new UsageError(
      `the port ${port.pascal} exists already (${file}) with other method signatures:\n${differences.join('\n')}`,
      `change the port by hand (its interface, adapters and fakes), or add a port of another name, e.g. svc add port ${port.pascal}V2`,
    );
  }
}

function signatureText(method: PortMethod): string {
  return `${method.name}(${method.params.map((param) => `${param.rest ? '...' : ''}${param.name}${param.optional ? '?' : ''}: ${param.type}`).join(', ')}): ${method.returns}`;
}

/** Same parameter types, optionality and rest, and the same return type, white space aside. */
function sameSignature(existing: MethodSignature, method: PortMethod): boolean {
  const bare = (text: string | undefined) => (text ?? '').replace(/\s+/g, '');
  const params = existing.getParameters();
  return (
    !existing.hasQuestionToken() &&
    params.length === method.params.length &&
    params.every((param, index) => {
      const wanted = method.params[index];
      return wanted !== undefined && bare(param.getTypeNode()?.getText()) === bare(wanted.type) && param.hasQuestionToken() === wanted.optional && param.isRestParameter() === wanted.rest;
    }) &&
    bare(existing.getReturnTypeNode()?.getText()) === bare(method.returns)
  );
}
