import { UsageError } from '../../../errors.js';
import { GO_KEYWORDS } from '../../../choices/go-keywords.js';
import { lowerFirstWord, pascalSuggestion } from '../../../choices/naming.js';

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
 * and (in snake_case) as a file name. Throws a UsageError that shows a good name otherwise: a
 * spelling of the given name when one passes this same check, else `example`.
 */
export function validateTypeName(kind: 'use case' | 'port' | 'event', name: string, example: string): GoTypeName {
  const reason = typeNameProblem(name);
  if (reason !== undefined) {
    const command = `svc add ${kind === 'use case' ? 'usecase' : kind}`;
    const suggestion = suggestedTypeName(name);
    const shown = suggestion === undefined ? reason : `${reason}; did you mean ${suggestion}?`;
    throw new UsageError(`invalid ${kind} name ${JSON.stringify(name)}: ${shown}`, `use a PascalCase Go identifier, e.g. ${command} ${suggestion ?? example}`);
  }
  const snake = snakeOf(name);
  return { pascal: name, camel: lowerFirstWord(name), snake, words: snake.replaceAll('_', ' ') };
}

/** A valid name close to a rejected one (`cancel_order` -> `CancelOrder`, `order_id` -> `OrderID`), or undefined. */
export function suggestedTypeName(name: string): string | undefined {
  if (/[/\\]/.test(name) || name.includes('..')) return undefined;
  const pascal = pascalSuggestion(name);
  const suggestion = idiomaticName(pascal) ?? pascal;
  return suggestion !== name && typeNameProblem(suggestion) === undefined ? suggestion : undefined;
}

function typeNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'it is empty';
  if (/[/\\]/.test(name) || name.includes('..') || name.startsWith('.')) return 'it looks like a path; give a Go type name, not a file';
  if (GO_KEYWORDS.has(name) || GO_KEYWORDS.has(name.toLowerCase())) return `${name.toLowerCase()} is a Go keyword`;
  if (/^[^\p{L}_]/u.test(name)) return 'it must start with a letter';
  if (!/^[\p{L}_][\p{L}\p{Nd}_]*$/u.test(name)) return 'only letters and digits are allowed in a Go identifier (no spaces, dots, dashes or other punctuation)';
  if (!/^[A-Z][A-Za-z0-9]*$/.test(name)) {
    if (/^[a-z]/.test(name)) return 'it must start with an upper-case letter so the type is exported';
    if (name.includes('_')) return 'PascalCase has no underscores';
    return 'use ASCII letters and digits, starting with an upper-case letter';
  }
  if (PREDECLARED.has(name.toLowerCase())) return `${name} shadows Go's predeclared ${name.toLowerCase()}`;
  return undefined;
}

/** A parameter or local name that is not a keyword or predeclared identifier and avoids `taken`. */
export function safeLocalName(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  if (GO_KEYWORDS.has(candidate) || PREDECLARED.has(candidate)) candidate = `${candidate}Port`;
  while (taken.has(candidate)) candidate = `${candidate}_`;
  return candidate;
}

/**
 * The words of a Go identifier, initialisms kept whole as Go writes them:
 * `CustomerID` -> Customer ID, `HTTPStatus` -> HTTP Status, `UserIDs` -> User IDs, `OrderV2` -> Order V2.
 */
export function goWords(name: string): string[] {
  return name.match(/[A-Z]{2,}s(?=[A-Z0-9_]|$)|[A-Z]+(?=[A-Z][a-z])|[A-Z]+[0-9]*(?![a-z])|[A-Z]?[a-z]+[0-9]*|[0-9]+/g) ?? [];
}

/** `CustomerID` -> `customer_id`, `UserIDs` -> `user_ids`: file names and the API's field names. */
export function snakeOf(name: string): string {
  return goWords(name)
    .map((word) => word.toLowerCase())
    .join('_');
}

/** The initialisms Go writes in one case (golint's list), so `{order_id}` becomes `OrderID`, not `OrderId`. */
const INITIALISMS = new Set([
  'ACL', 'API', 'ASCII', 'CPU', 'CSS', 'DNS', 'EOF', 'GUID', 'HTML', 'HTTP', 'HTTPS', 'ID', 'IP', 'JSON', 'LHS', 'QPS', 'RAM', 'RHS',
  'RPC', 'SKU', 'SLA', 'SMTP', 'SQL', 'SSH', 'TCP', 'TLS', 'TTL', 'UDP', 'UI', 'UID', 'UUID', 'URI', 'URL', 'UTF8', 'VM', 'XML',
  'XMPP', 'XSRF', 'XSS',
]);

/**
 * The exported Go field name for an API name such as a path wildcard: `id` -> `ID`,
 * `order_id` and `orderId` -> `OrderID`, `ids` -> `IDs`. Null when nothing of a name is left.
 */
export function goFieldName(apiName: string): string | null {
  const words = apiName.split('_').flatMap((part) => goWords(part.charAt(0).toUpperCase() + part.slice(1)));
  const field = words
    .map((word) => {
      const upper = word.toUpperCase();
      if (INITIALISMS.has(upper)) return upper;
      if (upper.endsWith('S') && INITIALISMS.has(upper.slice(0, -1))) return `${upper.slice(0, -1)}s`;
      return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
    })
    .join('');
  return /^[A-Z]/.test(field) ? field : null;
}

/**
 * The name as Go's linters want it, initialisms in one case (`HttpClient` -> `HTTPClient`,
 * `OrderId` -> `OrderID`), or null when it is already so. revive's var-naming rule, which generated
 * services lint with, rejects the other spelling.
 */
export function idiomaticName(name: string): string | null {
  const fixed = goWords(name)
    .map((word) => (INITIALISMS.has(word.toUpperCase()) ? word.toUpperCase() : word))
    .join('');
  return fixed === name || fixed.length !== name.length ? null : fixed;
}
