import { snakeCase } from 'change-case';
import { UsageError } from '../../../errors.js';
import { lowerFirstWord, pascalSuggestion } from '../../../choices/naming.js';

/** The spellings of a use case or port name the generated code needs. */
export interface TsTypeName {
  /** `CreateInvoice`: the class or interface. */
  pascal: string;
  /** `createInvoice`: the App or Ports property. */
  camel: string;
  /** `create-invoice`: file names. */
  kebab: string;
  /** `create_invoice`: the OpenAPI operation's words. */
  snake: string;
  /** `create invoice` */
  words: string;
  /** `Create invoice` */
  sentence: string;
}

/** JavaScript's reserved words (strict mode and TypeScript's own): a name that is one would give an illegal parameter. */
const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'implements', 'interface', 'let',
  'package', 'private', 'protected', 'public', 'static', 'yield', 'await', 'async', 'arguments', 'eval', 'any', 'boolean',
  'number', 'string', 'symbol', 'bigint', 'never', 'unknown', 'object', 'undefined', 'type', 'declare', 'namespace',
  'module', 'abstract', 'readonly', 'keyof', 'infer', 'satisfies', 'as', 'is', 'of', 'get', 'set',
]);

/** Global classes and types a generated class or interface must not shadow, and the names app.ts declares itself. */
const SHADOWED = new Set([
  'Array', 'BigInt', 'Boolean', 'Date', 'Error', 'Function', 'Map', 'Math', 'Number', 'Object', 'Promise', 'Proxy',
  'Reflect', 'RegExp', 'Set', 'String', 'Symbol', 'WeakMap', 'WeakSet', 'JSON', 'Intl', 'URL', 'Buffer', 'Record',
  'Partial', 'Required', 'Readonly', 'Pick', 'Omit', 'Exclude', 'Extract', 'NonNullable', 'ReturnType', 'Awaited',
  'AbortSignal', 'AbortController', 'ConstructorParameters', 'Parameters', 'InstanceType', 'App', 'Ports',
]);

/** What the name is for in messages, e.g. `use case` or `port`. */
export type TsNameKind = 'use case' | 'port';

/**
 * A use case or port name: an ASCII PascalCase identifier that is no reserved word (in any case)
 * and shadows no global. `example` is the command to show in the hint, e.g. `svc add port PaymentGateway`,
 * unless a spelling of the given name passes this same check: then the hint offers that.
 */
export function validateTsTypeName(kind: TsNameKind, name: string, example: string): TsTypeName {
  const reason = typeNameProblem(name);
  if (reason !== undefined) {
    const suggestion = suggestedTsTypeName(name);
    const shown = suggestion === undefined ? reason : `${reason}; did you mean ${suggestion}?`;
    const command = suggestion === undefined ? example : `${kind === 'port' ? 'svc add port' : 'svc add usecase'} ${suggestion}`;
    throw new UsageError(`invalid ${kind} name ${JSON.stringify(name)}: ${shown}`, `use a PascalCase TypeScript ${kind === 'port' ? 'interface' : 'class'} name, e.g. ${command}`);
  }
  const words = snakeCase(name).replaceAll('_', ' ');
  const camel = lowerFirstWord(name);
  return { pascal: name, camel, kebab: words.replaceAll(' ', '-'), snake: words.replaceAll(' ', '_'), words, sentence: words.charAt(0).toUpperCase() + words.slice(1) };
}

/** A valid name close to a rejected one (`cancel_order` -> `CancelOrder`, `1Order` -> `Order`), or undefined. */
export function suggestedTsTypeName(name: string): string | undefined {
  if (/[/\\]/.test(name) || name.includes('..')) return undefined;
  const suggestion = pascalSuggestion(name);
  return suggestion !== name && typeNameProblem(suggestion) === undefined ? suggestion : undefined;
}

function typeNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'it is empty';
  if (/[/\\]/.test(name) || name.includes('..') || name.startsWith('.')) return 'it looks like a path; give a class name, not a file';
  if (RESERVED.has(name.toLowerCase())) return `${name.toLowerCase()} is a reserved word`;
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    if (/^[a-z]/.test(name)) return 'it must start with an upper-case letter';
    if (!/^[A-Za-z]/.test(name)) return 'it must start with a letter';
    if (name.includes('_')) return 'PascalCase has no underscores';
    return 'use ASCII letters and digits only, starting with an upper-case letter';
  }
  if (SHADOWED.has(name)) return `${name} would shadow the ${name} the service already uses`;
  return undefined;
}
