import type { AddOperation } from '../../../cli/svc-add-action.js';
import { UsageError } from '../../../errors.js';
import type { Project } from '../../../project/load-project.js';
import { AnchorNotFoundError } from '../edit/errors.js';
import { loadGoParser, type GoParser } from '../edit/parser.js';
import { findDeclarations, findPortInterface, readAppModel, type AppModel } from '../inspect/project-model.js';
import { locatePortsLiteral } from '../inspect/ports-literal.js';
import { gofmtTouched } from './post-steps.js';
import { goVerifier } from '../verify/go-verifier.js';
import { parseMethodSpecs, resolveQualifiers } from './go-code.js';
import { APP_FILE, BOOTSTRAP_FILE, editGoFile, goFilesIn, MEMORY_DIR, PORT_DIR } from './go-files.js';
import { validateTypeName } from './names.js';
import { renderFake, renderMemoryAdapter, renderPortInterface, type PortShape } from './port-code.js';

export interface AddPortOptions {
  /** Interface methods as written in Go, e.g. `Charge(ctx context.Context, amount int64) error`. */
  methods?: readonly string[];
}

/**
 * `svc add port <Name>`: the interface in internal/port, an in-memory adapter with its test, a
 * recording fake for use case tests, a `Name port.Name` field in app.Ports, and the memory
 * adapter in the composition root's app.Ports{…} literal. The field is named like the port.
 */
export function addPortOperation(name: string, options: AddPortOptions = {}): AddOperation {
  const methods = options.methods ?? [];
  return {
    command: ['add port', name, ...methods.map((method) => `--method ${JSON.stringify(method)}`)].join(' '),
    async apply(project) {
      const portName = validateTypeName('port', name, 'PaymentGateway');
      const parser = await loadGoParser();
      const signatures = parseMethodSpecs(parser, methods);
      const { tree, spec } = project;
      const module = spec.module;
      const app = readAppModel(parser, tree);
      const present = existingPort(parser, project, app, portName.pascal, signatures.map((method) => method.name));
      if (!present) {
        checkFreeNames(parser, project, portName.pascal);
        const shape: PortShape = { name: portName, methods: signatures, qualifiers: resolveQualifiers(signatures.flatMap((m) => m.qualifiers), module) };
        renderPortInterface(tree, module, shape);
        const hasMemoryPackage = goFilesIn(tree, MEMORY_DIR).some((file) => !file.endsWith('_test.go'));
        renderMemoryAdapter(tree, module, shape, !hasMemoryPackage);
        renderFake(tree, module, shape);
      }
      wirePort(parser, project, portName.pascal);
      return { postSteps: [gofmtTouched(tree)], verifier: goVerifier() };
    },
  };
}

/**
 * True when the port is already there (a re-run: nothing to do). A Ports field of that name with
 * another type, or a request for methods the existing interface lacks, is bad input.
 */
function existingPort(parser: GoParser, project: Project, app: AppModel | null, name: string, methods: readonly string[]): boolean {
  const field = app?.ports?.find((candidate) => candidate.name === name);
  if (field === undefined) return false;
  const portImport = app?.imports.find((entry) => entry.path === `${project.spec.module}/internal/port`)?.name ?? 'port';
  if (field.type !== `${portImport}.${name}`) {
    throw new UsageError(`app.Ports already has a field ${name} of type ${field.type}`, `choose another name for the port, e.g. svc add port ${name}Port`);
  }
  const iface = findPortInterface(parser, project.tree, name);
  const missing = methods.filter((method) => !(iface?.methods.some((existing) => existing.name === method) ?? false));
  if (missing.length > 0) {
    throw new UsageError(
      `the port ${name} exists already, without ${missing.join(', ')}`,
      `add the methods to ${iface?.file ?? 'its interface in internal/port'} and to its adapters and fakes by hand`,
    );
  }
  return true;
}

/** The port's type must not exist yet in internal/port, nor the adapter's in internal/adapter/memory. */
function checkFreeNames(parser: GoParser, project: Project, name: string): void {
  const { tree } = project;
  for (const [dir, pkg, what] of [
    [PORT_DIR, 'port', 'port'],
    [MEMORY_DIR, 'memory', 'memory adapter'],
  ] as const) {
    const found = findDeclarations(parser, tree, dir, pkg, [name, `New${name}`]);
    for (const [declared, file] of found) {
      throw new UsageError(
        `${declared} is already declared in ${file}, so the ${what} ${name} cannot be added`,
        `choose another name, e.g. svc add port ${name}V2, or wire the existing type into app.Ports by hand`,
      );
    }
  }
  const snake = snakeOf(name);
  for (const file of [`${PORT_DIR}/${snake}.go`, `${MEMORY_DIR}/${snake}.go`, `internal/app/${snake}_fake_test.go`]) {
    if (tree.exists(file)) throw new UsageError(`${file} already exists, so the port ${name} cannot be added without overwriting it`, 'choose another name or move the file');
  }
}

function snakeOf(name: string): string {
  return validateTypeName('port', name, name).snake;
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
