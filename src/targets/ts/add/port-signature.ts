import type { MethodSignature, Node, TypeNode } from 'ts-morph';
import { UsageError } from '../../../errors.js';
import { parseDiagnostics, scratchProject } from '../edit/scratch-project.js';

type TsMorph = typeof import('ts-morph');

/** One parameter of a port method, as the generated files write it. */
export interface PortParam {
  name: string;
  /** The type as written (formatted), e.g. `number | undefined`. */
  type: string;
  optional: boolean;
  rest: boolean;
  /** A value of the type for a test call: a zero value, a fresh signal, or `unread as T`. */
  sample: string;
  /** Domain types the sample names (`unread as Order` needs `Order` imported). */
  sampleTypes: readonly string[];
  /** The parameter is an AbortSignal: fakes leave it out, tests pass a signal. */
  signal: boolean;
}

/** A zero value of a type: the expression, or `void` for `void` (nothing to return). */
export type Zero = { kind: 'void' } | { kind: 'value'; text: string; matcher: string; inferred: boolean };

/** One parsed `--method`. */
export interface PortMethod {
  name: string;
  params: readonly PortParam[];
  /** The return type as written, e.g. `Promise<string>`. */
  returns: string;
  /** It returns a Promise, so it takes an AbortSignal as its last parameter. */
  async: boolean;
  /** What it returns, or what its Promise resolves to. */
  result: string;
  /** The zero value of `result`, when there is a simple one. */
  zero: Zero | undefined;
  /** Every domain type the signature names. */
  domainTypes: readonly string[];
}

/**
 * Global types a port may name without an import (ES2023 and Node's globals). Anything else must
 * be exported by a file of src/domain, so the port depends on the domain only, as the layout rules
 * (and the ESLint config of the service) want.
 */
export const GLOBAL_TYPES = new Set([
  'Promise', 'AbortSignal', 'Array', 'ReadonlyArray', 'Map', 'ReadonlyMap', 'Set', 'ReadonlySet', 'Record', 'Partial',
  'Required', 'Readonly', 'Pick', 'Omit', 'Exclude', 'Extract', 'NonNullable', 'Date', 'RegExp', 'Error', 'URL',
  'URLSearchParams', 'Uint8Array', 'ArrayBuffer', 'Buffer', 'Iterable', 'AsyncIterable', 'IterableIterator',
  'AsyncIterableIterator', 'ReadableStream',
]);

/** Names the recording fake declares itself: a method may not take them. */
const FAKE_MEMBERS = new Set(['calls', 'failWith', 'constructor']);

const hint = 'write it as in an interface, e.g. --method "charge(orderId: string, amountCents: number, signal: AbortSignal): Promise<string>"';

/**
 * Parses every `--method` with ts-morph, as the member of a scratch interface, and checks the port
 * rules: one plain method each, no duplicates, an explicit return type, `AbortSignal` last in every
 * method returning a Promise, and only global types (GLOBAL_TYPES) and the types `domain` exports
 * (name -> module). Bad input is a UsageError; nothing has been written yet.
 */
export function parsePortMethods(morph: TsMorph, methods: readonly string[], domain: ReadonlyMap<string, string>): PortMethod[] {
  const { SyntaxKind } = morph;
  const project = scratchProject(morph);
  const parsed: PortMethod[] = [];
  for (const text of methods) {
    const fail = (reason: string, help = hint): never => {
      throw new UsageError(`invalid --method ${JSON.stringify(text)}: ${reason}`, help);
    };
    if (text.trim() === '') fail('it is empty');
    const scratch = project.createSourceFile('/scratch.ts', `interface __Port {\n${text}\n}\n`, { overwrite: true });
    const first = parseDiagnostics(scratch)[0];
    if (first !== undefined) fail(`it does not parse as a TypeScript method signature (${morph.ts.flattenDiagnosticMessageText(first.messageText, ' ')})`);
    scratch.formatText({ indentSize: 2, convertTabsToSpaces: true });
    const members = scratch.getInterface('__Port')?.getMembers() ?? [];
    const member = members[0];
    if (scratch.getStatements().length !== 1 || members.length !== 1 || member === undefined) fail('give exactly one method per --method');
    if (member?.isKind(SyntaxKind.MethodSignature) !== true) fail('it is not a method signature (name(params): Type)');
    parsed.push(checkMethod(morph, member as MethodSignature, domain, fail));
  }
  const seen = new Set<string>();
  for (const method of parsed) {
    if (seen.has(method.name)) throw new UsageError(`--method ${method.name} is given twice`, 'a port method has one signature: give each name once');
    seen.add(method.name);
  }
  for (const method of parsed) {
    if (seen.has(`${method.name}Result`)) {
      throw new UsageError(`--method ${method.name}Result clashes with the fake's ${method.name}Result property of method ${method.name}`, 'rename one of the methods');
    }
  }
  return parsed;
}

function checkMethod(morph: TsMorph, method: MethodSignature, domain: ReadonlyMap<string, string>, fail: (reason: string, help?: string) => never): PortMethod {
  const { SyntaxKind } = morph;
  const nameNode = method.getNameNode();
  if (!nameNode.isKind(SyntaxKind.Identifier)) fail('the method name must be a plain identifier');
  const name = nameNode.getText();
  if (FAKE_MEMBERS.has(name)) fail(`${name} is taken by the generated classes (constructor, calls, failWith)`, 'choose another method name');
  if (method.hasQuestionToken()) fail('optional methods are not supported: a port promises every method');
  if (method.getTypeParameters().length > 0) fail('generic methods are not supported: write the concrete types');
  const returnNode = method.getReturnTypeNode();
  if (returnNode === undefined) fail('it has no return type', `add one, e.g. --method "${method.getText()}: Promise<void>"`);
  const domainTypes = new Set<string>();
  const checkType = (node: TypeNode, where: string): void => {
    for (const found of [node, ...node.getDescendants()]) checkTypePart(morph, found, where, domain, domainTypes, fail);
  };
  checkType(returnNode as TypeNode, 'the return type');
  const parameters = method.getParameters();
  let optionalSeen = false;
  const params = parameters.map((parameter, index): PortParam => {
    const paramName = parameter.getNameNode();
    if (!paramName.isKind(SyntaxKind.Identifier) || paramName.getText() === 'this') fail(`parameter ${index + 1} must be a plain name (no destructuring, no this)`);
    if (parameter.getModifiers().length > 0 || parameter.hasInitializer()) fail(`parameter ${paramName.getText()} may have neither modifiers nor a default value`);
    const typeNode = parameter.getTypeNode();
    if (typeNode === undefined) fail(`parameter ${paramName.getText()} has no type`);
    checkType(typeNode as TypeNode, `parameter ${paramName.getText()}`);
    const optional = parameter.hasQuestionToken();
    const rest = parameter.isRestParameter();
    if (optional) optionalSeen = true;
    else if (optionalSeen && !rest) fail(`the required parameter ${paramName.getText()} follows an optional one`);
    const sampleTypes = new Set<string>();
    const sample = sampleOf(morph, typeNode as TypeNode, domain, sampleTypes);
    return { name: paramName.getText(), type: (typeNode as TypeNode).getText(), optional, rest, sample, sampleTypes: [...sampleTypes], signal: (typeNode as TypeNode).getText() === 'AbortSignal' && index === parameters.length - 1 };
  });
  const returns = (returnNode as TypeNode).getText();
  const promise = promiseResult(morph, returnNode as TypeNode);
  const isAsync = promise !== undefined;
  const nested = (returnNode as TypeNode).getDescendantsOfKind(SyntaxKind.TypeReference).some((reference) => reference.getTypeName().getText() === 'Promise');
  if (!isAsync && nested) fail('a Promise must be the whole return type, e.g. Promise<string | undefined>');
  if (isAsync) {
    const last = params.at(-1);
    if (last === undefined || !last.signal || last.optional) {
      fail(
        'a method that returns a Promise must take `signal: AbortSignal` as its last parameter (it may block or fail, so it must be cancellable)',
        `add it, e.g. --method "${name}(${[...params.filter((param) => !isSignalLike(param)).map(requiredBeforeSignal), 'signal: AbortSignal'].join(', ')}): ${returns}"`,
      );
    }
  }
  const resultNode = promise ?? (returnNode as TypeNode);
  return { name, params, returns, async: isAsync, result: resultNode.getText(), zero: zeroOf(morph, resultNode), domainTypes: [...domainTypes].sort() };
}

/** A parameter the hint replaces with the one `signal: AbortSignal` (a misplaced or optional signal, or another param named signal). */
function isSignalLike(param: PortParam): boolean {
  return param.name === 'signal' || param.type === 'AbortSignal';
}

/**
 * A parameter as the hint writes it before the required signal: neither optional nor rest, which
 * could not precede it (`x?: T` -> `x: T | undefined`, `...xs: T[]` -> `xs: T[]`).
 */
function requiredBeforeSignal(param: PortParam): string {
  if (!param.optional) return `${param.name}: ${param.type}`;
  const type = /=>|\bnew\b|^keyof |^typeof /.test(param.type) ? `(${param.type})` : param.type;
  return `${param.name}: ${type} | undefined`;
}

/** The `T` of a `Promise<T>` return type; undefined when the method is synchronous. */
function promiseResult(morph: TsMorph, node: TypeNode): TypeNode | undefined {
  const { SyntaxKind } = morph;
  if (!node.isKind(SyntaxKind.TypeReference) || node.getTypeName().getText() !== 'Promise') return undefined;
  const args = node.getTypeArguments();
  const first = args[0];
  if (args.length !== 1 || first === undefined) {
    throw new UsageError(`a Promise return type needs exactly one type argument, not ${node.getText()}`, 'e.g. Promise<void> or Promise<string>');
  }
  return first;
}

/** The type rule: names resolve to a global type or a domain export; `any`, `typeof x`, `import('x')` and `ns.Type` are refused. */
function checkTypePart(morph: TsMorph, node: Node, where: string, domain: ReadonlyMap<string, string>, domainTypes: Set<string>, fail: (reason: string, help?: string) => never): void {
  const { SyntaxKind } = morph;
  const rule = 'a port may use built-in types (string, number, Promise, AbortSignal, Date, …) and the types src/domain exports';
  if (node.isKind(SyntaxKind.AnyKeyword)) fail(`${where} uses any`, 'use unknown, or a precise type');
  if (node.isKind(SyntaxKind.ImportType) || node.isKind(SyntaxKind.TypeQuery)) fail(`${where} uses ${node.getText()}`, rule);
  if (!node.isKind(SyntaxKind.TypeReference)) return;
  const typeName = node.getTypeName();
  if (!typeName.isKind(SyntaxKind.Identifier)) fail(`${where} uses the qualified type ${typeName.getText()}`, rule);
  const name = typeName.getText();
  if (domain.has(name)) domainTypes.add(name);
  else if (!GLOBAL_TYPES.has(name)) fail(`${where} uses the unknown type ${name}`, `${rule}: export ${name} from a file in src/domain first, or use a built-in type`);
}

/** A simple zero value of a type, or undefined when it has none (a domain type, a literal union, a Date…). */
export function zeroOf(morph: TsMorph, node: TypeNode): Zero | undefined {
  const { SyntaxKind } = morph;
  const value = (text: string, matcher: string, inferred = false): Zero => ({ kind: 'value', text, matcher, inferred });
  if (node.isKind(SyntaxKind.ParenthesizedType)) return zeroOf(morph, node.getTypeNode());
  switch (node.getKind()) {
    case SyntaxKind.VoidKeyword:
      return { kind: 'void' };
    case SyntaxKind.UndefinedKeyword:
    case SyntaxKind.UnknownKeyword:
      return value('undefined', 'toBeUndefined()');
    case SyntaxKind.StringKeyword:
      return value("''", "toBe('')", true);
    case SyntaxKind.NumberKeyword:
      return value('0', 'toBe(0)', true);
    case SyntaxKind.BooleanKeyword:
      return value('false', 'toBe(false)', true);
    case SyntaxKind.BigIntKeyword:
      return value('0n', 'toBe(0n)', true);
    case SyntaxKind.ArrayType:
      return value('[]', 'toEqual([])');
    default:
  }
  if (node.isKind(SyntaxKind.LiteralType) && node.getLiteral().isKind(SyntaxKind.NullKeyword)) return value('null', 'toBeNull()');
  if (node.isKind(SyntaxKind.TypeOperator) && node.getOperator() === SyntaxKind.ReadonlyKeyword) return zeroOf(morph, node.getTypeNode());
  if (node.isKind(SyntaxKind.TypeReference) && ['Array', 'ReadonlyArray'].includes(node.getTypeName().getText())) return value('[]', 'toEqual([])');
  if (node.isKind(SyntaxKind.UnionType)) {
    const members = node.getTypeNodes();
    if (members.some((member) => member.isKind(SyntaxKind.UndefinedKeyword))) return value('undefined', 'toBeUndefined()');
    if (members.some((member) => member.isKind(SyntaxKind.LiteralType) && member.getLiteral().isKind(SyntaxKind.NullKeyword))) return value('null', 'toBeNull()');
  }
  return undefined;
}

/** An argument of the type for a generated test: its zero value, a fresh signal, or `unread as T` (the memory adapter never reads it). */
function sampleOf(morph: TsMorph, node: TypeNode, domain: ReadonlyMap<string, string>, types: Set<string>): string {
  const zero = zeroOf(morph, node);
  if (zero?.kind === 'void') return 'undefined';
  if (zero !== undefined) return zero.text;
  if (node.getText() === 'AbortSignal') return 'new AbortController().signal';
  for (const found of [node, ...node.getDescendants()]) {
    if (found.isKind(morph.SyntaxKind.TypeReference) && domain.has(found.getTypeName().getText())) types.add(found.getTypeName().getText());
  }
  return `unread as ${node.getText()}`;
}
