import { snakeCase } from 'change-case';
import { UsageError } from '../../../errors.js';
import { GO_KEYWORDS } from '../../../spec/go-keywords.js';
import { lowerFirstWord } from '../../../spec/naming.js';

/** Go's predeclared identifiers: legal names, but a type called `Error` or `String` only confuses readers. */
const PREDECLARED = new Set([
  'any', 'bool', 'byte', 'comparable', 'complex64', 'complex128', 'error', 'float32', 'float64', 'int', 'int8',
  'int16', 'int32', 'int64', 'rune', 'string', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
  'true', 'false', 'iota', 'nil', 'append', 'cap', 'clear', 'close', 'complex', 'copy', 'delete', 'imag', 'len',
  'make', 'max', 'min', 'new', 'panic', 'print', 'println', 'real', 'recover',
]);

export interface GoTypeName {
  /** As given: `CreateInvoice`. */
  pascal: string;
  /** `createInvoice`: unexported names (handlers, parameters). */
  camel: string;
  /** `create_invoice`: file names. */
  snake: string;
  /** `create invoice`: prose. */
  words: string;
}

/**
 * A use case or port name must be an exported Go identifier in PascalCase, usable as a type name
 * and (in snake_case) as a file name. Throws a UsageError that shows a good name otherwise.
 */
export function validateTypeName(kind: 'use case' | 'port', name: string, example: string): GoTypeName {
  const command = kind === 'use case' ? 'svc add usecase' : 'svc add port';
  const fail = (reason: string): never => {
    throw new UsageError(`invalid ${kind} name ${JSON.stringify(name)}: ${reason}`, `use a PascalCase Go identifier, e.g. ${command} ${example}`);
  };
  if (name.trim() === '') fail('it is empty');
  if (/[/\\]/.test(name) || name.includes('..') || name.startsWith('.')) fail('it looks like a path; give a Go type name, not a file');
  if (GO_KEYWORDS.has(name) || GO_KEYWORDS.has(name.toLowerCase())) fail(`${name.toLowerCase()} is a Go keyword`);
  if (!/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(name)) fail('only letters and digits are allowed in a Go identifier (no spaces, dots, dashes or other punctuation)');
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    if (/^[a-z]/.test(name)) fail(`it must start with an upper-case letter (${name[0]?.toUpperCase()}${name.slice(1)}) so the type is exported`);
    if (name.includes('_')) fail('PascalCase has no underscores');
    fail('use ASCII letters and digits, starting with an upper-case letter');
  }
  if (PREDECLARED.has(name.toLowerCase())) fail(`${name} shadows Go's predeclared ${name.toLowerCase()}`);
  return { pascal: name, camel: lowerFirstWord(name), snake: snakeCase(name), words: snakeCase(name).replaceAll('_', ' ') };
}

/** A parameter or local name that is not a keyword or predeclared identifier and avoids `taken`. */
export function safeLocalName(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  if (GO_KEYWORDS.has(candidate) || PREDECLARED.has(candidate)) candidate = `${candidate}Port`;
  while (taken.has(candidate)) candidate = `${candidate}_`;
  return candidate;
}
