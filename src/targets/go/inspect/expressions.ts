import type { Node } from 'web-tree-sitter';

// Reading Go expressions in the syntax tree: what a call calls, the value inside wrappers, list items.

/**
 * What a call calls: `postgres.NewOrderRepository(db)` gives the qualifier `postgres`, the name and the
 * arguments, also with type arguments (`pkg.New[T](x)` parses as a conversion to a generic type).
 */
export function callee(call: Node): { qualifier: Node | null; name: string; args: Node[] } {
  if (call.type === 'type_conversion_expression') {
    const type = call.childForFieldName('type');
    const named = type?.type === 'generic_type' ? type.childForFieldName('type') : type;
    const args = listItems(call.childForFieldName('operand'));
    if (named?.type !== 'qualified_type') return { qualifier: null, name: '', args };
    return { qualifier: named.childForFieldName('package'), name: named.childForFieldName('name')?.text ?? '', args };
  }
  const args = listItems(call.childForFieldName('arguments'));
  let fn = unwrap(call.childForFieldName('function'));
  if (fn?.type === 'index_expression') fn = fn.childForFieldName('operand');
  if (fn?.type !== 'selector_expression') return { qualifier: null, name: fn?.text ?? '', args };
  return { qualifier: fn.childForFieldName('operand'), name: fn.childForFieldName('field')?.text ?? '', args };
}

/** Unwraps literal elements, parentheses and `&`. */
export function unwrap(node: Node | null): Node | null {
  let current = node;
  while (current !== null) {
    if (current.type === 'literal_element' || current.type === 'parenthesized_expression') current = current.namedChildren.find((child) => child !== null && child.type !== 'comment') ?? null;
    else if (current.type === 'unary_expression' && current.childForFieldName('operator')?.text === '&') current = current.childForFieldName('operand');
    else return current;
  }
  return null;
}

/** The items of an expression_list or argument_list (a lone expression is a list of one). */
export function listItems(node: Node | null): Node[] {
  if (node === null) return [];
  if (node.type !== 'expression_list' && node.type !== 'argument_list') return [node];
  return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
}
