import type { Node } from 'web-tree-sitter';
import type { Tree } from '../../../tree/tree.js';
import { APP_DIR, APP_FILE, goFilesIn } from '../add/go-files.js';
import { findCompositeLiterals } from '../edit/lookup.js';
import type { GoParser } from '../edit/parser.js';
import { functionBody, readGo, structFieldsOf, topLevelTypes } from './syntax.js';

/**
 * The fields of App that hold a use case: a pointer to a type of package app that has an Execute
 * method, or that `New` builds with `New<Type>(…)`. Anything else App carries (`Version string`,
 * a logger) is not a use case. Package app is searched for Execute only when New does not settle it.
 */
export function useCaseFields(parser: GoParser, tree: Tree): Set<string> {
  const text = tree.read(APP_FILE);
  if (text === undefined) return new Set();
  const { candidates, builtByNew } = readGo(parser, APP_FILE, text, (doc) => {
    const app = topLevelTypes(doc).get('App');
    const fields = app?.type === 'struct_type' ? structFieldsOf(app) : [];
    const candidates = new Map<string, string>();
    for (const field of fields) {
      const type = localPointee(field.typeNode);
      if (type !== null) candidates.set(field.name, type);
    }
    const body = functionBody(doc, 'New');
    const builtByNew = new Map<string, string>();
    for (const literal of body === null ? [] : findCompositeLiterals(doc, body, 'App')) {
      for (const element of literal.namedChildren) {
        if (element?.type !== 'keyed_element') continue;
        const key = element.childForFieldName('key')?.text;
        const call = element.childForFieldName('value')?.namedChildren[0];
        const fn = call?.type === 'call_expression' ? call.childForFieldName('function') : null;
        if (key !== undefined && fn?.type === 'identifier') builtByNew.set(key, fn.text);
      }
    }
    return { candidates, builtByNew };
  });
  const found = new Set<string>();
  const unsettled = new Map<string, string>();
  for (const [field, type] of candidates) {
    if (builtByNew.get(field) === `New${type}`) found.add(field);
    else unsettled.set(field, type);
  }
  if (unsettled.size > 0) {
    const executes = typesWithExecute(parser, tree);
    for (const [field, type] of unsettled) if (executes.has(type)) found.add(field);
  }
  return found;
}

/** `*CreateOrder` (or `CreateOrder`) -> `CreateOrder`; null for a type from another package or a composite type. */
function localPointee(type: Node): string | null {
  const pointee = type.type === 'pointer_type' ? type.namedChildren[0] : type;
  return pointee?.type === 'type_identifier' ? pointee.text : null;
}

/** The receiver types of the Execute methods declared in package app (test files aside). */
function typesWithExecute(parser: GoParser, tree: Tree): Set<string> {
  const types = new Set<string>();
  for (const file of goFilesIn(tree, APP_DIR)) {
    const text = tree.read(file) ?? '';
    if (file.endsWith('_test.go') || !text.includes('Execute')) continue;
    readGo(parser, file, text, (doc) => {
      for (const declaration of doc.root.namedChildren) {
        if (declaration?.type !== 'method_declaration' || declaration.childForFieldName('name')?.text !== 'Execute') continue;
        const receiver = declaration.childForFieldName('receiver')?.namedChildren.find((param) => param?.type === 'parameter_declaration');
        const type = receiver?.childForFieldName('type');
        const pointee = type?.type === 'pointer_type' ? type.namedChildren[0] : type;
        // A generic receiver `*Handler[T]` names its type through generic_type.
        const named = pointee?.type === 'generic_type' ? pointee.childForFieldName('type') : pointee;
        if (named?.type === 'type_identifier') types.add(named.text);
      }
    });
  }
  return types;
}
