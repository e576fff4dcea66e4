import type { AddOperation } from '../../../target-contract/add-operation.js';
import { UsageError } from '../../../errors.js';
import type { Project } from '../../../project/load-project.js';
import { AnchorNotFoundError } from '../edit/errors.js';
import { loadGoParser, type GoParser } from '../edit/parser.js';
import { findPortInterface, readAppModel, type AppModel } from '../inspect/project-model.js';
import { locatePortsLiteral } from '../inspect/ports-literal.js';
import { defaultPackageName } from '../inspect/syntax.js';
import { goVerifier } from '../verify/go-verifier.js';
import { parseMethodSpecs, resolveQualifiers, returnsError, type PortMethod } from './go-code.js';
import { APP_DIR, APP_FILE, BOOTSTRAP_FILE, editGoFile, goFilesIn, MEMORY_DIR, PORT_DIR } from './go-files.js';
import { idiomaticName, validateTypeName, type GoTypeName } from './names.js';
import { PackageScope, type PackageAddition } from './package-scope.js';
import { fakeImports, memoryAdapterImports, memoryTestImports, portInterfaceImports, renderFake, renderMemoryAdapter, renderPortInterface, type NewPortShape } from './port-code.js';
import { useGoModulePath } from '../go-project.js';

export interface AddPortOptions {
  /** Interface methods as written in Go, e.g. `Charge(ctx context.Context, amount int64) error`. */
  methods?: readonly string[];
}

/**
 * `svc add port <Name> --method "…" …`: the interface in internal/port, an in-memory adapter with
 * its test, a recording fake for use case tests, a `Name port.Name` field in app.Ports, and the
 * memory adapter in the composition root's app.Ports{…} literal. The field is named like the port.
 */
export function addPortOperation(name: string, options: AddPortOptions = {}): AddOperation {
  const methods = options.methods ?? [];
  return {
    command: ['add port', name, ...methods.map((method) => `--method ${JSON.stringify(method)}`)].join(' '),
    async apply(project) {
      useGoModulePath(project);
      const portName = validateTypeName('port', name, 'PaymentGateway');
      if (methods.length === 0) {
        throw new UsageError(
          `the port ${portName.pascal} needs at least one method: an empty interface says nothing, and the service's linter rejects it`,
          `name what the use cases need, e.g. svc add port ${portName.pascal} --method "Charge(ctx context.Context, amount int64) error"`,
        );
      }
      const parser = await loadGoParser();
      const signatures = parseMethodSpecs(parser, methods);
      const { tree, spec } = project;
      const module = spec.module;
      const app = readAppModel(parser, tree);
      const present = existingPort(parser, project, app, portName.pascal, signatures);
      if (!present) {
        const shape: NewPortShape = { name: portName, methods: signatures, qualifiers: resolveQualifiers(signatures.flatMap((m) => m.qualifiers), module) };
        const withPackageDoc = !goFilesIn(tree, MEMORY_DIR).some((file) => !file.endsWith('_test.go'));
        const scope = new PackageScope(parser, tree);
        const idiomatic = idiomaticName(portName.pascal);
        const naming = idiomatic === null ? [] : [`Go writes ${portName.pascal} as ${idiomatic}, initialisms in one case (the service's linter rejects the other spelling)`];
        const problems = [...naming, ...portCollisions(scope, module, shape, withPackageDoc)];
        if (problems.length > 0) {
          const base = idiomatic === null ? shape : { ...shape, name: validateTypeName('port', idiomatic, idiomatic) };
          const free = freePortName(scope, app, module, base, withPackageDoc, idiomatic !== null);
          const rest = methods.map((method) => ` --method ${JSON.stringify(method)}`).join('');
          throw new UsageError(
            `the port ${portName.pascal} cannot be added: ${problems.join('; ')}`,
            free === null ? 'no other name gets past what is in the way: rename or move it' : `choose another name, e.g. svc add port ${free}${rest}`,
          );
        }
        renderPortInterface(tree, module, shape);
        renderMemoryAdapter(tree, module, shape, withPackageDoc);
        renderFake(tree, module, shape);
      }
      wirePort(parser, project, portName.pascal);
      return { postSteps: [], verifier: goVerifier() };
    },
  };
}

/** What a new port adds to each package: the interface, the memory adapter and its test, the fake, the Ports field. */
function portAdditions(module: string, shape: NewPortShape, withPackageDoc: boolean): PackageAddition[] {
  const { pascal, snake } = shape.name;
  const named = (paths: readonly string[]) => [...new Set(paths)].map((path) => ({ name: defaultPackageName(path), path }));
  const tested = shape.methods.some((method) => returnsError(method));
  return [
    { dir: PORT_DIR, pkg: 'port', declares: [pascal], imports: named(portInterfaceImports(shape)), creates: [`${PORT_DIR}/${snake}.go`] },
    {
      dir: MEMORY_DIR,
      pkg: 'memory',
      declares: [pascal, `New${pascal}`],
      imports: named(memoryAdapterImports(module, shape)),
      creates: [`${MEMORY_DIR}/${snake}.go`, ...(withPackageDoc ? [`${MEMORY_DIR}/doc.go`] : [])],
    },
    ...(tested ? [{ dir: MEMORY_DIR, pkg: 'memory_test', declares: [`Test${pascal}`], imports: named(memoryTestImports(module, shape)), creates: [`${MEMORY_DIR}/${snake}_test.go`] }] : []),
    { dir: APP_DIR, pkg: 'app_test', declares: [`fake${pascal}`], imports: named(fakeImports(module, shape)), creates: [`${APP_DIR}/${snake}_fake_test.go`] },
    { dir: APP_DIR, pkg: 'app', declares: [], imports: named([`${module}/internal/port`]), creates: [] },
  ];
}

function portCollisions(scope: PackageScope, module: string, shape: NewPortShape, withPackageDoc: boolean): string[] {
  return [...new Set(portAdditions(module, shape, withPackageDoc).flatMap((addition) => scope.collisions(addition)))];
}

/** A name that passes the same checks: the idiomatic spelling when asked, else `PaymentGatewayV2`, … or `PaymentGatewayPort`. */
function freePortName(scope: PackageScope, app: AppModel | null, module: string, shape: NewPortShape, withPackageDoc: boolean, includeBase: boolean): string | null {
  const base = shape.name.pascal;
  const candidates = [...(includeBase ? [base] : []), ...Array.from({ length: 8 }, (_, i) => `${base}V${i + 2}`), `${base}Port`];
  for (const candidate of candidates) {
    let name: GoTypeName;
    try {
      name = validateTypeName('port', candidate, candidate);
    } catch {
      continue;
    }
    if (idiomaticName(candidate) !== null || app?.ports?.some((field) => field.name === candidate)) continue;
    if (portCollisions(scope, module, { ...shape, name }, withPackageDoc).length === 0) return candidate;
  }
  return null;
}

/**
 * True when the port is already there with the same methods (a re-run: nothing to do). A Ports
 * field of that name with another type, or an interface whose methods differ from the request
 * (parameter names and formatting aside), is bad input.
 */
function existingPort(parser: GoParser, project: Project, app: AppModel | null, name: string, requested: readonly PortMethod[]): boolean {
  const field = app?.ports?.find((candidate) => candidate.name === name);
  if (field === undefined) return false;
  const portImport = app?.imports.find((entry) => entry.path === `${project.spec.module}/internal/port`)?.name ?? 'port';
  if (field.type !== `${portImport}.${name}`) {
    throw new UsageError(`app.Ports already has a field ${name} of type ${field.type}`, `choose another name for the port, e.g. svc add port ${name}Port`);
  }
  const iface = findPortInterface(parser, project.tree, name);
  const existing = iface === null ? [] : [...iface.methods.map(signatureKey), ...iface.embedded.map((type) => `embedded ${type}`)];
  const wanted = requested.map(signatureKey);
  const same = existing.length === wanted.length && wanted.every((key) => existing.includes(key));
  if (same) return true;
  const shown = (methods: readonly string[]) => (methods.length === 0 ? '(none)' : methods.join('; '));
  throw new UsageError(
    `the port ${name} exists already with other methods${iface === null ? '' : ` (${iface.file})`}:\n  it has:    ${shown(iface === null ? [] : [...iface.methods.map((method) => method.text), ...iface.embedded])}\n  requested: ${shown(requested.map((method) => method.text))}`,
    `change the interface, its adapters and its fakes by hand, or add another port, e.g. svc add port ${name}V2`,
  );
}

/** A method's name and types, without parameter names or white space: `Find(context.Context,string)(domain.Order,error)`. */
function signatureKey(method: { name: string; params: readonly { type: string; variadic: boolean }[]; results: readonly string[] }): string {
  const squeeze = (type: string) => type.replace(/\s+/g, '');
  const params = method.params.map((param) => `${param.variadic ? '...' : ''}${squeeze(param.type)}`).join(',');
  return `${method.name}(${params})(${method.results.map(squeeze).join(',')})`;
}

/** `Name port.Name` in app.Ports, and `Name: memory.NewName(),` in bootstrap's app.Ports{…}. */
function wirePort(parser: GoParser, project: Project, name: string): void {
  const { tree, spec } = project;
  const field = `${name} port.${name}`;
  editGoFile(
    tree,
    parser,
    APP_FILE,
    [
      { kind: 'import', path: `${spec.module}/internal/port` },
      { kind: 'struct-field', struct: 'Ports', field },
    ],
    `${field}\n\n(and import "${spec.module}/internal/port")`,
  );
  const memoryPath = `${spec.module}/internal/adapter/memory`;
  const lookup = locatePortsLiteral(parser, tree, spec.module);
  const site = lookup.site;
  if (site?.elements.some((element) => element.key === name)) return;
  const alias = site?.imports.find((entry) => entry.path === memoryPath)?.name ?? 'memory';
  const value = `${alias}.New${name}()`;
  const manual = `${name}: ${value},\n\n(in the app.Ports{…} literal of the composition root, and import "${memoryPath}")`;
  if (site === null) {
    throw new AnchorNotFoundError(BOOTSTRAP_FILE, {
      problem: lookup.problem,
      reason: lookup.reason,
      where: 'in the app.Ports{…} literal that builds the ports of the application in internal/bootstrap',
      manualSnippet: `${name}: ${value},`,
    });
  }
  editGoFile(
    tree,
    parser,
    site.file,
    [
      { kind: 'import', path: memoryPath, ...(alias === 'memory' ? {} : { alias }) },
      { kind: 'keyed-element', func: site.func, type: site.type, key: name, value },
    ],
    manual,
  );
}
