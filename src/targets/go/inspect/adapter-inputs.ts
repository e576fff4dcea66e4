import type { Node } from 'web-tree-sitter';
import type { Tree } from '../../../tree/tree.js';
import { goFilesIn } from '../add/go-files.js';
import type { GoParser } from '../edit/parser.js';
import { fileImports, readGo, topLevelTypes } from './syntax.js';

/**
 * Which inputs of an adapter's constructor, or fields of its struct, are typed as a port: where a
 * decorator (a cache, say) receives the adapter it stands in front of. Any other input (a pool, a
 * client, a logger, a clock) is something the adapter uses, not a port it decorates.
 */
export interface PortInputs {
  /** For each parameter in order, the port interface it takes (`OrderRepository`) or null; with `variadic`, the last one repeats. */
  params: (string | null)[];
  variadic: boolean;
  /** The struct's fields in order (for a composite literal of the type), with the port interface each holds or null. */
  fields: { name: string; port: string | null }[];
}

/** Reads PortInputs from the adapter packages of a service, each declaration once. */
export class AdapterInputs {
  private readonly cache = new Map<string, PortInputs | null>();

  constructor(
    private readonly parser: GoParser,
    private readonly tree: Tree,
    private readonly module: string,
  ) {}

  /** `name` (a func or a struct type) in the package imported as `packagePath`, or null when it is not found there. */
  of(packagePath: string, name: string): PortInputs | null {
    const key = `${packagePath}\u0000${name}`;
    if (!this.cache.has(key)) this.cache.set(key, this.read(packagePath, name));
    return this.cache.get(key) ?? null;
  }

  private read(packagePath: string, name: string): PortInputs | null {
    if (!packagePath.startsWith(`${this.module}/`)) return null;
    const dir = packagePath.slice(this.module.length + 1);
    for (const file of goFilesIn(this.tree, dir)) {
      const text = this.tree.read(file) ?? '';
      if (file.endsWith('_test.go') || !text.includes(name)) continue;
      const found = readGo(this.parser, file, text, (doc) => {
        const portName = fileImports(doc).find((entry) => entry.path === `${this.module}/internal/port`)?.name;
        const portOf = (type: Node | null) =>
          portName !== undefined && type?.type === 'qualified_type' && type.childForFieldName('package')?.text === portName ? (type.childForFieldName('name')?.text ?? null) : null;
        const declaration = doc.root.namedChildren.find((node) => node?.type === 'function_declaration' && node.childForFieldName('name')?.text === name);
        if (declaration !== undefined && declaration !== null) return parameterInputs(declaration, portOf);
        const struct = topLevelTypes(doc).get(name);
        if (struct?.type === 'struct_type') return { params: [], variadic: false, fields: structFields(struct, portOf) };
        return null;
      });
      if (found !== null) return found;
    }
    return null;
  }
}

type PortOf = (type: Node | null) => string | null;

function parameterInputs(declaration: Node, portOf: PortOf): PortInputs {
  const params: (string | null)[] = [];
  let variadic = false;
  for (const param of declaration.childForFieldName('parameters')?.namedChildren ?? []) {
    if (param === null || param.type === 'comment') continue;
    const port = portOf(param.childForFieldName('type'));
    if (param.type === 'variadic_parameter_declaration') variadic = true;
    const names = Math.max(1, param.childrenForFieldName('name').length);
    for (let i = 0; i < names; i++) params.push(port);
  }
  return { params, variadic, fields: [] };
}

function structFields(struct: Node, portOf: PortOf): PortInputs['fields'] {
  const fields: PortInputs['fields'] = [];
  for (const declaration of struct.descendantsOfType('field_declaration')) {
    if (declaration === null || declaration.parent?.parent?.id !== struct.id) continue;
    const type = declaration.childForFieldName('type');
    const names = declaration.childrenForFieldName('name').filter((name): name is Node => name !== null);
    // An embedded field is named after its type: `port.OrderRepository` is the field OrderRepository.
    const embedded = type?.type === 'qualified_type' ? type.childForFieldName('name')?.text : type?.text;
    for (const name of names.length === 0 ? [embedded ?? ''] : names.map((node) => node.text)) fields.push({ name, port: portOf(type) });
  }
  return fields;
}
