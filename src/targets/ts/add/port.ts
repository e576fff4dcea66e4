import fs from 'node:fs';
import path from 'node:path';
import type { Node, ObjectLiteralExpression, SourceFile } from 'ts-morph';
import type { AddOperation } from '../../../target-contract/add-operation.js';
import { UsageError } from '../../../errors.js';
import type { Project } from '../../../project/load-project.js';
import { findReturnedObject } from '../edit/anchors.js';
import { literalList, planTsEdit } from '../edit/edits.js';
import { appendToList } from '../edit/insertions.js';
import { TsEditSession } from '../edit/session.js';
import { validateTsTypeName, type TsTypeName } from './names.js';
import { renderTsFake, renderTsMemoryAdapter, renderTsPortInterface } from './port-code.js';
import { APP_FILE, checkSameMethods, type ImportTarget, MEMORY_DIR, PORT_DIR, PORTS_FILE, portCollision, portNames } from './port-names.js';
import { parsePortMethods, type PortMethod } from './port-signature.js';
import { tsVerifier } from '../verify/ts-verifier.js';

export { APP_FILE, PORTS_FILE } from './port-names.js';
const DOMAIN_DIR = 'src/domain';

export interface AddTsPortOptions {
  /** Interface methods as written in TypeScript, e.g. `charge(amount: number, signal: AbortSignal): Promise<void>`. */
  methods?: readonly string[];
}

/**
 * `svc add port <Name> [--method "sig" ...]` in a TypeScript service: the interface in src/port,
 * a stateless in-memory adapter with its test, a recording fake in test/, `name: Name` in
 * `interface Ports` (app.ts) and `name: new MemoryName()` in what `createPorts` returns
 * (bootstrap/ports.ts). Every edit goes through ts-morph.
 */
export function addTsPortOperation(name: string, options: AddTsPortOptions = {}): AddOperation {
  const methods = options.methods ?? [];
  return {
    command: portCommand(name, methods),
    async apply(project) {
      const port = validateTsTypeName('port', name, 'svc add port PaymentGateway');
      const { tree } = project;
      const session = await TsEditSession.open(tree);
      const domain = domainTypes(project, session);
      const signatures = parsePortMethods(session.ts, methods, domain);
      const module = `../port/${port.kebab}.js`;
      const appSnippet = `import type { ${port.pascal} } from '${module}';\n${port.camel}: ${port.pascal};   (in interface Ports)`;
      const app = session.source(APP_FILE, appSnippet);
      const present = existingPort(project, session, app, port, signatures);
      if (!present) {
        if (signatures.length === 0) {
          throw new UsageError(`the port ${port.pascal} needs at least one --method`, `e.g. svc add port ${port.pascal} --method "charge(orderId: string, signal: AbortSignal): Promise<void>"`);
        }
        const literals = portsLiterals(project, session, port);
        const problem = portCollision(session, tree, app, port, signatures, literals);
        if (problem !== undefined) {
          const free = freePortName(project, session, app, port, signatures);
          throw new UsageError(
            `${problem}, so the port ${port.pascal} cannot be added`,
            free === undefined ? 'choose another name' : `choose another name, e.g. svc ${portCommand(free.pascal, methods)}`,
          );
        }
        const shape = { name: port, methods: signatures, domain };
        renderTsPortInterface(tree, shape);
        renderTsMemoryAdapter(tree, shape);
        renderTsFake(tree, shape);
        completePortsLiterals(session, port, literals);
        session.apply(
          APP_FILE,
          [
            { kind: 'named-import', module, name: port.pascal, typeOnly: true },
            { kind: 'interface-property', iface: 'Ports', name: port.camel, type: port.pascal },
          ],
          appSnippet,
        );
      }
      wireMemoryAdapter(session, port);
      return { postSteps: [], verifier: tsVerifier() };
    },
  };
}

function portCommand(name: string, methods: readonly string[]): string {
  return ['add port', name, ...methods.map((method) => `--method ${JSON.stringify(method)}`)].join(' ');
}

/**
 * True when `Ports` already has the port (a re-run: nothing to do). A property of that name with
 * another type, or methods the existing interface lacks or declares otherwise, is bad input.
 */
function existingPort(project: Project, session: TsEditSession, app: SourceFile, port: TsTypeName, methods: readonly PortMethod[]): boolean {
  const property = app.getInterface('Ports')?.getProperty(port.camel);
  if (property === undefined) return false;
  const type = property.getTypeNode()?.getText() ?? '(none)';
  if (type !== port.pascal) {
    throw new UsageError(`Ports in ${APP_FILE} already has a property ${port.camel} of type ${type}`, `choose another name for the port, e.g. svc add port ${port.pascal}Port`);
  }
  if (methods.length === 0) return true;
  const specifier = app
    .getImportDeclarations()
    .find((declaration) => declaration.getNamedImports().some((named) => (named.getAliasNode()?.getText() ?? named.getName()) === port.pascal))
    ?.getModuleSpecifierValue();
  const file = specifier?.startsWith('../') === true && specifier.endsWith('.js') ? `src/${specifier.slice(3, -3)}.ts` : `${PORT_DIR}/${port.kebab}.ts`;
  const iface = project.tree.exists(file) ? session.source(file, '').getInterface(port.pascal) : undefined;
  checkSameMethods(iface, file, port, methods);
  return true;
}

/** `<Name>V2` … `<Name>V9`: the first that passes every check a new port must pass. */
function freePortName(project: Project, session: TsEditSession, app: SourceFile, port: TsTypeName, methods: readonly PortMethod[]): TsTypeName | undefined {
  for (let version = 2; version <= 9; version++) {
    const candidate = validateTsTypeName('port', `${port.pascal}V${version}`, 'svc add port PaymentGateway');
    if (app.getInterface('Ports')?.getProperty(candidate.camel) !== undefined) continue;
    if (portCollision(session, project.tree, app, candidate, methods, portsLiterals(project, session, candidate)) === undefined) return candidate;
  }
  return undefined;
}

/** `name: new MemoryName(),` in what createPorts returns, and its import; nothing when the property is there (maybe a real adapter). */
function wireMemoryAdapter(session: TsEditSession, port: TsTypeName): void {
  const memory = `Memory${port.pascal}`;
  const module = `../adapter/memory/${port.kebab}.js`;
  const snippet = `import { ${memory} } from '${module}';\n${port.camel}: new ${memory}(),   (in the object createPorts returns)`;
  const createPorts = session.source(PORTS_FILE, snippet).getFunction('createPorts');
  const returned = createPorts === undefined ? undefined : findReturnedObject(session.ts, createPorts);
  if (returned !== undefined && 'literal' in returned && returned.literal.getProperty(port.camel) !== undefined) return;
  session.apply(
    PORTS_FILE,
    [
      { kind: 'named-import', module, name: memory },
      { kind: 'returned-property', func: 'createPorts', name: port.camel, initializer: `new ${memory}()` },
    ],
    snippet,
  );
}

/** A file whose `Ports` object literals lack the new port, and the class each gets. */
interface PortsLiterals extends ImportTarget {
  module: string;
  literals: ObjectLiteralExpression[];
}

/**
 * Every other `Ports` object literal of the service (`createApp({ … })` in a test,
 * `const ports: Ports = { … }`, `{ … } satisfies Ports`) needs the new property too, or it would
 * no longer compile: the fake in tests, the memory adapter elsewhere. A literal with a spread is
 * left alone.
 */
function portsLiterals(project: Project, session: TsEditSession, port: TsTypeName): PortsLiterals[] {
  const { tree } = project;
  const { SyntaxKind } = session.ts;
  const found: PortsLiterals[] = [];
  for (const file of tsFilesUnder(project, ['src', 'test'])) {
    if (file === APP_FILE || file === PORTS_FILE) continue;
    const text = tree.read(file) ?? '';
    if (!text.includes('createApp(') && !text.includes('Ports')) continue;
    const source = session.source(file, '');
    const literals = source.getDescendants().flatMap((node) => {
      const literal = (expression: Node | undefined) => (expression?.isKind(SyntaxKind.ObjectLiteralExpression) === true ? [expression.asKindOrThrow(SyntaxKind.ObjectLiteralExpression)] : []);
      if (node.isKind(SyntaxKind.CallExpression) && node.getExpression().getText() === 'createApp') return literal(node.getArguments()[0]);
      if (node.isKind(SyntaxKind.VariableDeclaration) && node.getTypeNode()?.getText() === 'Ports') return literal(node.getInitializer());
      if ((node.isKind(SyntaxKind.SatisfiesExpression) || node.isKind(SyntaxKind.AsExpression)) && node.getTypeNode()?.getText() === 'Ports') return literal(node.getExpression());
      return [];
    });
    const open = literals.filter((literal) => literal.getProperty(port.camel) === undefined && !literal.getProperties().some((property) => property.isKind(SyntaxKind.SpreadAssignment)));
    if (open.length === 0) continue;
    const isTest = file.startsWith('test/') || file.endsWith('.test.ts');
    const names = portNames(port);
    const target = isTest ? `test/${port.kebab}-fake.js` : `${MEMORY_DIR}/${port.kebab}.js`;
    let module = path.posix.relative(path.posix.dirname(file), target);
    if (!module.startsWith('.')) module = `./${module}`;
    found.push({ file, className: isTest ? names.fake : names.memory, module, literals: open });
  }
  return found;
}

/** `name: new FakeName()` (tests) or `new MemoryName()` in each literal portsLiterals found, with the import. */
function completePortsLiterals(session: TsEditSession, port: TsTypeName, targets: readonly PortsLiterals[]): void {
  for (const { file, className, module, literals } of targets) {
    const source = session.source(file, '');
    const snippet = `import { ${className} } from '${module}';
${port.camel}: new ${className}(),   (in every Ports object literal)`;
    const property = `${port.camel}: new ${className}()`;
    // Each literal and the imports are distinct parts of the file: all are planned on it as it is.
    const splices = [
      ...(planTsEdit(session.ts, source, file, { kind: 'named-import', module, name: className }, snippet)?.splices ?? []),
      ...literals.flatMap((literal) => appendToList(session.ts, source, literalList(literal), property)),
    ];
    session.splice(file, splices, snippet);
  }
}

/** Every .ts file under `dirs`, recursively (node_modules and dist left out), on disk or staged. */
function tsFilesUnder(project: Project, dirs: readonly string[]): string[] {
  const { tree } = project;
  const files = new Set<string>();
  const walk = (dir: string): void => {
    const absolute = tree.absolute(dir);
    if (!fs.existsSync(absolute)) return;
    for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'dist') walk(`${dir}/${entry.name}`);
      else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.add(`${dir}/${entry.name}`);
    }
  };
  for (const dir of dirs) walk(dir);
  for (const file of tree.written()) if (dirs.some((dir) => file.startsWith(`${dir}/`)) && file.endsWith('.ts')) files.add(file);
  return [...files].filter((file) => tree.exists(file)).sort();
}

/** Exported types of src/domain/*.ts (tests left out): name -> module (`order`). A name two files export is left out, so using it is refused. */
export function domainTypes(project: Project, session: TsEditSession): Map<string, string> {
  const found = new Map<string, string>();
  const twice = new Set<string>();
  for (const file of tsFiles(project, DOMAIN_DIR)) {
    const source = session.source(file, '');
    const declarations = [...source.getInterfaces(), ...source.getTypeAliases(), ...source.getClasses(), ...source.getEnums()];
    for (const declaration of declarations) {
      const declared = declaration.getName();
      if (declared === undefined || !declaration.isExported()) continue;
      if (found.has(declared)) twice.add(declared);
      found.set(declared, file.slice(DOMAIN_DIR.length + 1, -'.ts'.length));
    }
  }
  for (const name of twice) found.delete(name);
  return found;
}

/** The .ts files (no tests, no subfolders) directly in `dir`, on disk or staged in the tree. */
function tsFiles(project: Project, dir: string): string[] {
  const { tree } = project;
  const absolute = tree.absolute(dir);
  const onDisk = fs.existsSync(absolute) ? fs.readdirSync(absolute, { withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => `${dir}/${entry.name}`) : [];
  const staged = tree.written().filter((file) => file.startsWith(`${dir}/`) && !file.slice(dir.length + 1).includes('/'));
  return [...new Set([...onDisk, ...staged])].filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && !file.endsWith('.d.ts') && tree.exists(file)).sort();
}

