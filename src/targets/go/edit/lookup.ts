import type { Node } from 'web-tree-sitter';
import type { GoDocument } from './document.js';

const TOP_LEVEL_TYPES = `
(source_file (type_declaration (type_spec name: (type_identifier) @name type: (_) @type)))
(source_file (type_declaration (type_alias name: (type_identifier) @name type: (_) @type)))
`;

const TOP_LEVEL_FUNCTIONS = `
(source_file (function_declaration name: (identifier) @name body: (block) @body))
(source_file (method_declaration
  receiver: (parameter_list (parameter_declaration type: [
    (type_identifier) @receiver
    (pointer_type (type_identifier) @receiver)
    (generic_type type: (type_identifier) @receiver)
    (pointer_type (generic_type type: (type_identifier) @receiver))]))
  name: (field_identifier) @name
  body: (block) @body))
`;

const COMPOSITE_LITERALS = '(composite_literal type: (_) @type body: (literal_value) @body)';

export interface TypeDeclaration {
  readonly name: Node;
  readonly type: Node;
}

/** Package-level type declarations called `name` (grouped `type (...)` included). */
export function findTopLevelTypes(doc: GoDocument, name: string): TypeDeclaration[] {
  const found: TypeDeclaration[] = [];
  for (const match of doc.parser.query(TOP_LEVEL_TYPES).matches(doc.root)) {
    const nameNode = capture(match.captures, 'name');
    const type = capture(match.captures, 'type');
    if (nameNode !== null && type !== null && nameNode.text === name) found.push({ name: nameNode, type });
  }
  return found;
}

/** Bodies of `func Name` or, for `Recv.Name`, of the method Name on Recv (pointer or value receiver). */
export function findFunctionBodies(doc: GoDocument, target: string): Node[] {
  const dot = target.indexOf('.');
  const receiver = dot === -1 ? null : target.slice(0, dot);
  const name = dot === -1 ? target : target.slice(dot + 1);
  const bodies: Node[] = [];
  for (const match of doc.parser.query(TOP_LEVEL_FUNCTIONS).matches(doc.root)) {
    const receiverNode = capture(match.captures, 'receiver');
    const nameNode = capture(match.captures, 'name');
    const body = capture(match.captures, 'body');
    if (nameNode === null || body === null || nameNode.text !== name) continue;
    if ((receiverNode?.text ?? null) === receiver) bodies.push(body);
  }
  return bodies;
}

/**
 * Composite literals `T{…}` (also inside `&T{…}`) under `scope` whose type is written `typeName`.
 * Zero values returned beside an error (`return T{}, err`) are left out when other literals
 * remain: they are never the literal an edit means, and every error path of a constructor has one.
 */
export function findCompositeLiterals(doc: GoDocument, scope: Node, typeName: string): Node[] {
  const bodies: Node[] = [];
  for (const match of doc.parser.query(COMPOSITE_LITERALS).matches(scope)) {
    const type = capture(match.captures, 'type');
    const body = capture(match.captures, 'body');
    if (type !== null && body !== null && type.text === typeName) bodies.push(body);
  }
  const meant = bodies.filter((body) => !isZeroValueBesideError(body));
  return meant.length > 0 ? meant : bodies;
}

/** `T{}` as one result of `return T{}, err` (any other result but `nil`); `body` is the literal's `literal_value`. */
export function isZeroValueBesideError(body: Node): boolean {
  if (body.namedChildren.some((child) => child !== null && child.type !== 'comment')) return false;
  const literal = body.parent;
  const results = literal?.parent;
  if (literal === null || literal === undefined || results?.type !== 'expression_list' || results.parent?.type !== 'return_statement') return false;
  const others = results.namedChildren.filter((child): child is Node => child !== null && !child.equals(literal));
  return others.length > 0 && others.every((other) => other.type !== 'nil');
}

function capture(captures: ReadonlyArray<{ name: string; node: Node }>, name: string): Node | null {
  return captures.find((entry) => entry.name === name)?.node ?? null;
}
