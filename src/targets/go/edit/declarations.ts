import type { Node } from 'web-tree-sitter';
import { embeddedTypeName } from './syntax.js';

/**
 * Names a top-level declaration introduces: `New`, `Router.routes` for methods,
 * every type/var/const name of a (grouped) declaration. Blank identifiers are skipped.
 */
export function declaredNames(declaration: Node): string[] {
  switch (declaration.type) {
    case 'function_declaration':
      return named(declaration.childForFieldName('name'));
    case 'method_declaration': {
      const method = declaration.childForFieldName('name');
      const receiver = receiverTypeName(declaration);
      return method === null || receiver === null ? [] : [`${receiver}.${method.text}`];
    }
    case 'type_declaration':
      return declaration.namedChildren
        .filter((spec) => spec.type === 'type_spec' || spec.type === 'type_alias')
        .flatMap((spec) => named(spec.childForFieldName('name')));
    case 'var_declaration':
    case 'const_declaration':
      return valueSpecs(declaration).flatMap((spec) =>
        spec.childrenForFieldName('name').filter((name) => name.text !== '_').map((name) => name.text),
      );
    default:
      return [];
  }
}

export function receiverTypeName(method: Node): string | null {
  const receiver = method.childForFieldName('receiver');
  const parameter = receiver?.namedChildren.find((child) => child.type === 'parameter_declaration');
  const type = parameter?.childForFieldName('type');
  return type === null || type === undefined ? null : embeddedTypeName(type);
}

function valueSpecs(declaration: Node): Node[] {
  return declaration.namedChildren.flatMap((child) =>
    child.type === 'var_spec_list' || child.type === 'const_spec_list' ? child.namedChildren : [child],
  ).filter((spec) => spec.type === 'var_spec' || spec.type === 'const_spec');
}

function named(node: Node | null): string[] {
  return node === null || node.text === '_' ? [] : [node.text];
}
