import type { Node } from 'web-tree-sitter';
import type { Tree } from '../../../tree/tree.js';
import { BOOTSTRAP_DIR, goFilesIn } from '../add/go-files.js';
import { findCompositeLiterals } from '../edit/lookup.js';
import type { GoParser } from '../edit/parser.js';
import { AdapterInputs } from './adapter-inputs.js';
import { callee, listItems, unwrap } from './expressions.js';
import { fileImports, readGo, type GoDocument, type ImportEntry } from './syntax.js';

/** One adapter a port's value is built from. */
export interface AdapterLayer {
  /** The folder under internal/adapter, e.g. `postgres`. */
  adapter: string;
  /** The import path, e.g. `example.com/orders/internal/adapter/postgres`. */
  package: string;
}

/** What the composition root puts into one field of app.Ports. */
export interface PortWiring {
  /** The value as written; a local variable is replaced by the expression it was assigned. */
  value: string;
  /** The adapters serving the port, the outermost first: `redis.NewOrderCache(postgres.NewOrderRepository(db), …)` gives redis, then postgres. */
  layers: AdapterLayer[];
  /** The import path of the package the value is built from (its leading qualifier), adapter or not. */
  package: string | null;
}

const MAX_DEPTH = 16;

/**
 * The wiring of every port, read from each `app.Ports{…}` literal (under any import alias) in the
 * non-test files of internal/bootstrap, and from assignments to the fields of a variable holding
 * one. Zero values returned beside an error are not wiring. A port set in several places (one
 * literal per branch) has several entries. `interfaceOf` names the port interface of a Ports field
 * (`Orders` -> `OrderRepository`), so that a decorator is told from an adapter that merely uses
 * another port; null when it is not known, and then any port-typed input counts as decorated.
 */
export function readPortWirings(parser: GoParser, tree: Tree, module: string, interfaceOf: (field: string) => string | null = () => null): Map<string, PortWiring[]> {
  const wirings = new Map<string, PortWiring[]>();
  const inputs = new AdapterInputs(parser, tree, module);
  for (const file of goFilesIn(tree, BOOTSTRAP_DIR)) {
    const text = tree.read(file) ?? '';
    if (file.endsWith('_test.go') || !text.includes('Ports')) continue;
    readGo(parser, file, text, (doc) => {
      const imports = fileImports(doc);
      const appName = imports.find((entry) => entry.path === `${module}/internal/app`)?.name;
      if (appName === undefined || appName === '_') return;
      const portsType = appName === '.' ? 'Ports' : `${appName}.Ports`;
      for (const declaration of doc.root.namedChildren) {
        if (declaration?.type !== 'function_declaration' && declaration?.type !== 'method_declaration') continue;
        const set = portsSetIn(doc, declaration, portsType);
        if (set.length === 0) continue;
        const reader = new FunctionReader(declaration, { imports, module, inputs });
        for (const [port, value] of set) {
          const wiring = reader.wiring(value, interfaceOf(port));
          wirings.set(port, [...(wirings.get(port) ?? []), wiring]);
        }
      }
    });
  }
  return wirings;
}

/** `[field, value]` for every field of app.Ports that a function sets: keys of its literals, then assignments to variables holding one. */
function portsSetIn(doc: GoDocument, declaration: Node, portsType: string): [string, Node][] {
  const body = declaration.childForFieldName('body');
  if (body === null) return [];
  const set: [string, Node][] = [];
  const literals = findCompositeLiterals(doc, body, portsType);
  for (const literal of literals) {
    for (const element of literal.namedChildren) {
      if (element?.type !== 'keyed_element') continue;
      const key = unwrap(element.childForFieldName('key'));
      const value = unwrap(element.childForFieldName('value'));
      if (key?.type === 'identifier' && value !== null) set.push([key.text, value]);
    }
  }
  const holders = portsVariables(declaration, body, portsType);
  for (const assignment of body.descendantsOfType('assignment_statement')) {
    if (assignment === null || assignment.childForFieldName('operator')?.text !== '=') continue;
    const left = listItems(assignment.childForFieldName('left'));
    const right = listItems(assignment.childForFieldName('right'));
    left.forEach((target, index) => {
      const operand = target.type === 'selector_expression' ? target.childForFieldName('operand') : null;
      const field = target.childForFieldName('field')?.text;
      const value = right.length === left.length ? right[index] : undefined;
      if (operand?.type === 'identifier' && holders.has(operand.text) && field !== undefined && value !== undefined) set.push([field, value]);
    });
  }
  return set;
}

/** Names of the variables of a function declared as app.Ports (a named result too) or bound to an `app.Ports{…}` literal. */
function portsVariables(declaration: Node, body: Node, portsType: string): Set<string> {
  const names = new Set<string>();
  const isPorts = (value: Node | undefined) => {
    const literal = unwrap(value ?? null);
    return literal?.type === 'composite_literal' && literal.childForFieldName('type')?.text === portsType;
  };
  const isPortsType = (type: Node | null) => (type?.type === 'pointer_type' ? type.namedChildren[0] : type)?.text === portsType;
  const result = declaration.childForFieldName('result');
  for (const param of result?.type === 'parameter_list' ? result.namedChildren : []) {
    if (param?.type !== 'parameter_declaration' || !isPortsType(param.childForFieldName('type'))) continue;
    for (const name of param.childrenForFieldName('name')) if (name !== null) names.add(name.text);
  }
  for (const statement of body.descendantsOfType(['short_var_declaration', 'var_spec', 'assignment_statement'])) {
    if (statement === null) continue;
    const declared = statement.type === 'var_spec' ? statement.childrenForFieldName('name').filter((n): n is Node => n !== null) : listItems(statement.childForFieldName('left'));
    const values = listItems(statement.childForFieldName(statement.type === 'var_spec' ? 'value' : 'right'));
    const typed = statement.type === 'var_spec' && isPortsType(statement.childForFieldName('type'));
    declared.forEach((name, index) => {
      if (name.type === 'identifier' && (typed || isPorts(values[index]))) names.add(name.text);
    });
  }
  return names;
}

type Decorates = (input: string | null | undefined) => boolean;

interface Binding {
  /** Where the statement that binds the name ends: it is visible from there. */
  end: number;
  /** The expression assigned, or null for a parameter or a `var x T`. */
  value: Node | null;
}

interface Context {
  imports: ImportEntry[];
  module: string;
  inputs: AdapterInputs;
}

/** Follows a wiring value through one function: its local variables, the imports of its file and the adapters' constructors. */
class FunctionReader {
  private readonly bindings = new Map<string, Binding[]>();

  constructor(
    declaration: Node,
    private readonly context: Context,
  ) {
    for (const param of declaration.descendantsOfType(['parameter_declaration', 'variadic_parameter_declaration'])) {
      for (const name of param?.childrenForFieldName('name') ?? []) if (name !== null) this.bind(name.text, { end: param?.endIndex ?? 0, value: null });
    }
    for (const statement of declaration.childForFieldName('body')?.descendantsOfType(['short_var_declaration', 'var_spec', 'assignment_statement']) ?? []) {
      if (statement === null || (statement.type === 'assignment_statement' && statement.childForFieldName('operator')?.text !== '=')) continue;
      const names = statement.type === 'var_spec' ? statement.childrenForFieldName('name').filter((n): n is Node => n !== null) : listItems(statement.childForFieldName('left'));
      const values = listItems(statement.childForFieldName(statement.type === 'var_spec' ? 'value' : 'right'));
      names.forEach((name, index) => {
        if (name.type !== 'identifier' || name.text === '_') return;
        // `orders, err := postgres.NewOrderRepository(ctx, db)`: every name comes from the one call.
        const value = values.length === names.length ? values[index] : values.length === 1 ? values[0] : undefined;
        this.bind(name.text, { end: statement.endIndex, value: value ?? null });
      });
    }
  }

  wiring(value: Node, iface: string | null): PortWiring {
    const written = this.resolved(value);
    const decorates = (input: string | null | undefined) => input !== null && input !== undefined && (iface === null || input === iface);
    return { value: written.text, layers: dedupe(this.layers(value, 0, decorates)), package: this.leadingImport(written) };
  }

  private bind(name: string, binding: Binding): void {
    this.bindings.set(name, [...(this.bindings.get(name) ?? []), binding]);
  }

  /** The binding of `name` in effect where `use` stands: the last one that ends before it. */
  private binding(name: string, use: Node): Binding | undefined {
    return this.bindings
      .get(name)
      ?.filter((binding) => binding.end <= use.startIndex)
      .at(-1);
  }

  /** `orders` -> `postgres.NewOrderRepository(db)` when orders was assigned that; anything else as it is. */
  private resolved(value: Node): Node {
    let node = value;
    for (let depth = 0; depth < MAX_DEPTH && node.type === 'identifier'; depth++) {
      const next = this.binding(node.text, node)?.value;
      if (next === null || next === undefined) break;
      node = next;
    }
    return node;
  }

  /** The import path a package qualifier (`postgres` in `postgres.Open`) names, unless a local variable shadows it. */
  private importOf(qualifier: Node | null): string | null {
    if (qualifier === null || (qualifier.type !== 'identifier' && qualifier.type !== 'package_identifier')) return null;
    if (this.binding(qualifier.text, qualifier) !== undefined) return null;
    return this.context.imports.find((entry) => entry.name === qualifier.text)?.path ?? null;
  }

  /** The adapter a package qualifier names, or null when it names no package under internal/adapter. */
  private adapterOf(qualifier: Node | null): AdapterLayer | null {
    const path = this.importOf(qualifier);
    const prefix = `${this.context.module}/internal/adapter/`;
    if (path === null || !path.startsWith(prefix)) return null;
    return { adapter: path.slice(prefix.length).split('/')[0] ?? '', package: path };
  }

  /** `decorates` tells whether an input typed as the given port interface receives the adapter a decorator stands in front of. */
  private layers(node: Node | null, depth: number, decorates: Decorates): AdapterLayer[] {
    const value = unwrap(node);
    if (value === null || depth > MAX_DEPTH) return [];
    switch (value.type) {
      case 'identifier': {
        const bound = this.binding(value.text, value)?.value;
        return bound === null || bound === undefined ? [] : this.layers(bound, depth + 1, decorates);
      }
      case 'call_expression':
      case 'type_conversion_expression':
        return this.callLayers(value, depth, decorates);
      case 'composite_literal':
        return this.literalLayers(value, depth, decorates);
      case 'selector_expression': {
        // `postgres.DefaultClock`, or a field of a local value built from an adapter (`stores.Orders`).
        const operand = value.childForFieldName('operand');
        const adapter = this.adapterOf(operand);
        return adapter === null ? this.layers(operand, depth + 1, decorates) : [adapter];
      }
      default:
        return [];
    }
  }

  /** `postgres.NewOrderRepository(db)`: the adapter, then what it decorates (the arguments its constructor takes as ports). */
  private callLayers(call: Node, depth: number, decorates: Decorates): AdapterLayer[] {
    const { qualifier, name, args } = callee(call);
    const adapter = this.adapterOf(qualifier);
    if (adapter !== null) {
      const inputs = this.context.inputs.of(adapter.package, name);
      const inputAt = (index: number) => (index < (inputs?.params.length ?? 0) || inputs?.variadic !== true ? inputs?.params[index] : inputs.params.at(-1));
      const decorated = args.filter((_, index) => decorates(inputAt(index)));
      return [adapter, ...decorated.flatMap((arg) => this.layers(arg, depth + 1, decorates))];
    }
    // A method of a local value (`stores.Orders()`), built from an adapter.
    if (qualifier?.type === 'identifier' && this.binding(qualifier.text, qualifier) !== undefined) return this.layers(qualifier, depth + 1, decorates);
    // A helper or wrapper that is no adapter (`instrument(postgres.NewOrderRepository(db))`): what it is given.
    return args.flatMap((arg) => this.layers(arg, depth + 1, decorates));
  }

  /** `system.Clock{}`, `&redis.Cache{Source: …}`: the adapter, then what its port-typed fields hold. */
  private literalLayers(literal: Node, depth: number, decorates: Decorates): AdapterLayer[] {
    const type = literal.childForFieldName('type');
    const named = type?.type === 'generic_type' ? type.childForFieldName('type') : type;
    if (named?.type !== 'qualified_type') return [];
    const adapter = this.adapterOf(named.childForFieldName('package'));
    if (adapter === null) return [];
    const fields = this.context.inputs.of(adapter.package, named.childForFieldName('name')?.text ?? '')?.fields ?? [];
    const elements = (literal.childForFieldName('body')?.namedChildren ?? []).filter((element): element is Node => element !== null && element.type !== 'comment');
    const decorated = elements.flatMap((element, index) => {
      if (element.type === 'keyed_element') {
        const key = unwrap(element.childForFieldName('key'))?.text;
        return fields.some((field) => field.name === key && decorates(field.port)) ? [element.childForFieldName('value')] : [];
      }
      return decorates(fields[index]?.port) ? [element] : [];
    });
    return [adapter, ...decorated.flatMap((value) => this.layers(value, depth + 1, decorates))];
  }

  /** The import path of the package a value's outermost call, literal or selector names. */
  private leadingImport(node: Node): string | null {
    const value = unwrap(node);
    if (value === null) return null;
    if (value.type === 'call_expression' || value.type === 'type_conversion_expression') return this.importOf(callee(value).qualifier);
    if (value.type === 'composite_literal') {
      const type = value.childForFieldName('type');
      const named = type?.type === 'generic_type' ? type.childForFieldName('type') : type;
      return named?.type === 'qualified_type' ? this.importOf(named.childForFieldName('package')) : null;
    }
    return value.type === 'selector_expression' ? this.importOf(value.childForFieldName('operand')) : null;
  }
}

/** Each adapter folder once, where it first appears (a folder's sub-packages count as the folder). */
function dedupe(layers: AdapterLayer[]): AdapterLayer[] {
  return layers.filter((layer, index) => layers.findIndex((other) => other.adapter === layer.adapter) === index);
}
