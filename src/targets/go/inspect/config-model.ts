import type { Node } from 'web-tree-sitter';
import { listEntries } from '../edit/syntax.js';
import type { GoParser } from '../edit/parser.js';
import { calleesIn, compact, findFunctionDeclaration, receiverOf } from './go-scope.js';
import { readGo, structFieldsOf, topLevelTypes } from './syntax.js';

/** What an add needs to know of `type Config` and `Config.validate` (internal/platform/config/config.go). */
export interface ConfigModel {
  /** The fields of `type Config struct`, name -> type as written; null when the type is gone. */
  fields: Map<string, string> | null;
  /** The method `validate` of Config, or null when it is gone. */
  validate: {
    /** Its receiver's name; null when unnamed or `_`. */
    receiver: string | null;
    /** The `[]error` it collects into; null when there is none, or several and none is joined. */
    errors: string | null;
    /** Sections whose own validate it calls: `Postgres` for `c.Postgres.validate()`. */
    sections: string[];
  } | null;
}

export function readConfigModel(parser: GoParser, file: string, text: string): ConfigModel {
  return readGo(parser, file, text, (doc) => {
    const struct = topLevelTypes(doc).get('Config');
    const fields = struct?.type === 'struct_type' ? new Map(structFieldsOf(struct).map((field) => [field.name, compact(field.type)])) : null;
    const declaration = findFunctionDeclaration(doc, 'Config.validate');
    const body = declaration?.childForFieldName('body') ?? null;
    if (declaration === null || body === null) return { fields, validate: null };
    const receiver = receiverOf(declaration)?.name ?? null;
    const sections = receiver === null ? [] : calleesIn(body).flatMap((callee) => {
      const parts = callee.split('.');
      return parts.length === 3 && parts[0] === receiver && parts[2] === 'validate' && parts[1] !== undefined ? [parts[1]] : [];
    });
    return { fields, validate: { receiver, errors: errorSlice(body), sections } };
  });
}

/**
 * The `[]error` a validate method collects into: the one declared at the top of its body
 * (`var errs []error`, `errs := make([]error, 0, n)`, `errs := []error{}`), or, when there are
 * several, the one its return passes to `errors.Join(x...)`.
 */
function errorSlice(body: Node): string | null {
  const declared: string[] = [];
  for (const statement of listEntries(body)) {
    if (statement.type === 'var_declaration') {
      for (const spec of statement.descendantsOfType('var_spec')) {
        const type = spec?.childForFieldName('type');
        const value = spec?.childForFieldName('value')?.namedChildren[0] ?? null;
        if ((type !== null && type !== undefined && compact(type.text) === '[]error') || (value !== null && isErrorSlice(value))) {
          for (const name of spec?.childrenForFieldName('name') ?? []) if (name !== null) declared.push(name.text);
        }
      }
    }
    if (statement.type === 'short_var_declaration') {
      const left = statement.childForFieldName('left')?.namedChildren ?? [];
      const right = statement.childForFieldName('right')?.namedChildren ?? [];
      left.forEach((name, index) => {
        const value = right[index];
        if (name?.type === 'identifier' && value !== null && value !== undefined && isErrorSlice(value)) declared.push(name.text);
      });
    }
  }
  if (declared.length <= 1) return declared[0] ?? null;
  const joined = body
    .descendantsOfType('call_expression')
    .filter((call) => call !== null && compact(call.childForFieldName('function')?.text ?? '') === 'errors.Join')
    .map((call) => compact(call?.childForFieldName('arguments')?.text ?? ''));
  return declared.find((name) => joined.includes(`(${name}...)`)) ?? null;
}

/** `make([]error, …)` or `[]error{…}`. */
function isErrorSlice(value: Node): boolean {
  if (value.type === 'composite_literal') return compact(value.childForFieldName('type')?.text ?? '') === '[]error';
  if (value.type !== 'call_expression' || value.childForFieldName('function')?.text !== 'make') return false;
  const first = value.childForFieldName('arguments')?.namedChildren[0];
  return first !== null && first !== undefined && compact(first.text) === '[]error';
}
