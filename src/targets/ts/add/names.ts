import { snakeCase } from 'change-case';
import { UsageError } from '../../../errors.js';
import { lowerFirstWord } from '../../../choices/naming.js';

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
 * and shadows no global. `example` is the command to show in the hint, e.g. `svc add port PaymentGateway`.
 */
export function validateTsTypeName(kind: TsNameKind, name: string, example: string): TsTypeName {
  const fail = (reason: string): never => {
    throw new UsageError(`invalid ${kind} name ${JSON.stringify(name)}: ${reason}`, `use a PascalCase TypeScript ${kind === 'port' ? 'interface' : 'class'} name, e.g. ${example}`);
  };
  if (name.trim() === '') fail('it is empty');
  if (/[/\\]/.test(name) || name.includes('..') || name.startsWith('.')) fail('it looks like a path; give a class name, not a file');
  if (RESERVED.has(name.toLowerCase())) fail(`${name.toLowerCase()} is a reserved word`);
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    if (/^[a-z]/.test(name)) fail(`it must start with an upper-case letter (${name[0]?.toUpperCase()}${name.slice(1)})`);
    if (name.includes('_')) fail('PascalCase has no underscores');
    fail('use ASCII letters and digits only, starting with an upper-case letter');
  }
  if (SHADOWED.has(name)) fail(`${name} would shadow the ${name} the service already uses`);
  const words = snakeCase(name).replaceAll('_', ' ');
  const camel = lowerFirstWord(name);
  return { pascal: name, camel, kebab: words.replaceAll(' ', '-'), snake: words.replaceAll(' ', '_'), words, sentence: words.charAt(0).toUpperCase() + words.slice(1) };
}
