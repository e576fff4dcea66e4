import type { Expression, Node, SourceFile } from 'ts-morph';
import type { TsEdit } from '../edit/edits.js';
import { AnchorNotFoundError } from '../edit/errors.js';
import type { TsEditSession } from '../edit/session.js';
import { findReturnedObject } from '../edit/anchors.js';
import { PORTS_FILE } from './port-names.js';

/** An adapter class as the composition root imports it. */
export interface AdapterClass {
  name: string;
  /** The module ports.ts imports it from, e.g. `../adapter/memory/payment-gateway.js`. */
  module: string;
}

export interface SwitchAdapter {
  /** The property of what createPorts returns, e.g. `paymentGateway`. */
  property: string;
  from: AdapterClass;
  to: AdapterClass;
  /** The expression that builds `to`, given the local name ports.ts gives its class. */
  build: (local: string) => string;
  /** Imports the new expression needs beyond `to`, and edits (parameter renames) it relies on. */
  edits: readonly TsEdit[];
  /** Imports that may become unused once `from` is gone. */
  mayBeUnused: readonly string[];
  /** Parameters of createPorts no longer read once `from` is gone become `_name` again, as generated (tsc refuses unused ones). */
  unuseParameters?: boolean;
  manualSnippet: string;
}

/**
 * Serves a port with another adapter: every `new From(…)` that builds the port's property in what
 * createPorts returns (directly or through the local variable the property names) becomes
 * `build(To)`. Decided from the code as it is: already built with `To`, nothing changes; built with
 * neither (the user wired something of their own), nothing changes and the lines to write by hand
 * are reported (exit 1). Returns whether the wiring was already in place.
 */
export function switchPortAdapter(session: TsEditSession, change: SwitchAdapter): boolean {
  const { SyntaxKind } = session.ts;
  const source = session.source(PORTS_FILE, change.manualSnippet);
  const missing = (problem: 'missing' | 'ambiguous' | 'wrong-kind', reason: string): never => {
    throw new AnchorNotFoundError(PORTS_FILE, { problem, reason, where: 'in the object createPorts returns', manualSnippet: change.manualSnippet });
  };
  const fn = source.getFunctions().filter((candidate) => candidate.getName() === 'createPorts' && candidate.hasBody());
  if (fn.length !== 1 || fn[0] === undefined) return missing(fn.length === 0 ? 'missing' : 'ambiguous', fn.length === 0 ? 'function createPorts is gone' : 'function createPorts is declared more than once');
  const returned = findReturnedObject(session.ts, fn[0]);
  if ('problem' in returned) return missing(returned.kind, `function createPorts ${returned.problem}`);
  const property = returned.literal.getProperty(change.property);
  if (property === undefined) return missing('missing', `the object createPorts returns has no property ${change.property}`);
  let built: Node | undefined = property.asKind(SyntaxKind.PropertyAssignment)?.getInitializer() ?? property.asKind(SyntaxKind.ShorthandPropertyAssignment)?.getNameNode();
  // `paymentGateway: gateway` (or the shorthand `paymentGateway`): follow the variable createPorts declares.
  if (built?.isKind(SyntaxKind.Identifier) === true) {
    const name = built.getText();
    const declaration = fn[0].getVariableDeclarations().find((candidate) => candidate.getName() === name);
    built = declaration?.getInitializer() ?? built;
  }
  if (built === undefined) return missing('wrong-kind', `${change.property} in the object createPorts returns is not a plain property`);
  const toLocal = localName(source, change.to);
  if (toLocal !== undefined && constructs(session, built, toLocal)) return true;
  const fromLocal = localName(source, change.from);
  const news = fromLocal === undefined ? [] : constructions(session, built, fromLocal);
  if (news.length === 0) return missing('wrong-kind', `${change.property} is built with neither new ${change.from.name}(…) nor new ${change.to.name}(…)`);
  const text = change.build(toLocal ?? change.to.name);
  session.splice(PORTS_FILE, news.map((node) => ({ start: node.getStart(), end: node.getEnd(), text })), change.manualSnippet);
  session.apply(
    PORTS_FILE,
    [
      ...(toLocal === undefined ? [{ kind: 'named-import' as const, module: change.to.module, name: change.to.name }] : []),
      ...change.edits,
      ...[fromLocal ?? change.from.name, ...change.mayBeUnused].map((name): TsEdit => ({ kind: 'remove-unused-import', name })),
    ],
    change.manualSnippet,
  );
  if (change.unuseParameters === true) unuseParameters(session, change.manualSnippet);
  return false;
}

/** `config` -> `_config` for each parameter of createPorts its body no longer refers to. */
function unuseParameters(session: TsEditSession, manualSnippet: string): void {
  const { SyntaxKind } = session.ts;
  const fn = session.source(PORTS_FILE, manualSnippet).getFunction('createPorts');
  if (fn === undefined) return;
  const body = fn.getBody();
  const splices = fn.getParameters().flatMap((parameter) => {
    const name = parameter.getNameNode();
    if (!name.isKind(SyntaxKind.Identifier) || name.getText().startsWith('_')) return [];
    const read = body?.getDescendantsOfKind(SyntaxKind.Identifier).some((identifier) => identifier.getText() === name.getText()) ?? false;
    return read ? [] : [{ start: name.getStart(), end: name.getEnd(), text: `_${name.getText()}` }];
  });
  session.splice(PORTS_FILE, splices, manualSnippet);
}

/** The name ports.ts gives the class it imports from the adapter's module (an alias counts). */
function localName(source: SourceFile, adapter: AdapterClass): string | undefined {
  for (const declaration of source.getImportDeclarations()) {
    if (declaration.getModuleSpecifierValue() !== adapter.module) continue;
    const named = declaration.getNamedImports().find((candidate) => candidate.getName() === adapter.name);
    if (named !== undefined) return named.getAliasNode()?.getText() ?? named.getName();
  }
  return undefined;
}

function constructions(session: TsEditSession, root: Node, local: string): Expression[] {
  const { SyntaxKind } = session.ts;
  const all = [root, ...root.getDescendants()].flatMap((node) => (node.isKind(SyntaxKind.NewExpression) && node.getExpression().getText() === local ? [node] : []));
  // The outermost only: an inner one is replaced with its parent.
  return all.filter((node) => !all.some((other) => other !== node && node.getAncestors().includes(other)));
}

function constructs(session: TsEditSession, root: Node, local: string): boolean {
  return constructions(session, root, local).length > 0;
}
