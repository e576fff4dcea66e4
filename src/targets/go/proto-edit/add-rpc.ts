import type { Import, Proto, Rpc, Service, TopLevelStatement, Type } from 'pbkit/core/ast/index.js';
import { UnsupportedInputError } from '../edit/errors.js';
import { normalizeSource, type NormalizedSource } from '../edit/line-endings.js';
import { ProtoEditError } from './errors.js';
import { codeStart, hasBlankLine, indentationAt, indentUnit, lineStart, opensLine } from './layout.js';
import { parseProto, position } from './parse.js';
import { messageRows, rpcRows } from './render.js';
import type { RpcAddition } from './rpc-addition.js';
import { locateService } from './service.js';

export interface ProtoEditResult {
  changed: boolean;
  text: string;
}

/** Replaces text[at, to) (nothing when `to` is absent) with `insert`. */
interface Splice {
  at: number;
  to?: number;
  insert: string;
}

/**
 * Adds an rpc as the last row of its service (above the closing bracket, indented as the other
 * rpcs), its request and response messages at the end of the file, and the imports their fields
 * need after the last import. The file's comments, options and formatting stay as they are; CRLF
 * stays CRLF. The same rpc present already (same request and response) is no change; an rpc or a
 * top-level name in the way is refused, as is a file that does not parse.
 */
export function addRpc(file: string, original: string, addition: RpcAddition): ProtoEditResult {
  const source = normalize(file, original);
  const text = source.text;
  const proto = parseProto(file, text);
  const service = locateService(file, proto, addition.service);
  const existing = rpcsOf(service).find((rpc) => rpc.rpcName.text === addition.rpc);
  if (existing !== undefined) {
    const request = typeText(existing.reqType.messageType);
    const response = typeText(existing.resType.messageType);
    if (request === addition.request.name && response === addition.response.name && existing.reqType.stream === undefined && existing.resType.stream === undefined) {
      return { changed: false, text: original };
    }
    const { line } = position(text, codeStart(text, existing));
    throw new ProtoEditError(file, `service ${addition.service} has an rpc ${addition.rpc} already (line ${line}), taking ${request} and returning ${response}`, 'choose another name for the use case, or remove or rename that rpc');
  }
  refuseTakenNames(file, text, proto, [addition.request.name, addition.response.name]);

  const unit = indentUnit(text, proto);
  const splices = [rpcSplice(text, service, addition, unit), ...importSplices(text, proto, addition.imports), messagesSplice(text, addition, unit)];
  const edited = apply(text, splices);
  verify(file, edited, addition);
  return { changed: true, text: source.restore(edited) };
}

/** `CancelOrderRequest`, `.orders.v1.CancelOrderRequest`, as written. */
function typeText(type: Type): string {
  return type.identOrDots.map((part) => part.text).join('');
}

/** Line endings as the Go engine handles them; a file it refuses is bad input here (exit 2). */
function normalize(file: string, original: string): NormalizedSource {
  try {
    return normalizeSource(file, original, 'save it with LF line endings');
  } catch (error) {
    if (error instanceof UnsupportedInputError) throw new ProtoEditError(file, error.message.slice(`${file}: `.length));
    throw error;
  }
}

function rpcsOf(service: Service): Rpc[] {
  return service.serviceBody.statements.filter((statement): statement is Rpc => statement.type === 'rpc');
}

/** A top-level message, enum or service of the same name would make the new message ambiguous. */
function refuseTakenNames(file: string, text: string, proto: Proto, names: readonly string[]): void {
  for (const statement of proto.statements) {
    const name = declaredName(statement);
    if (name === null || !names.includes(name)) continue;
    const { line } = position(text, codeStart(text, statement));
    throw new ProtoEditError(file, `declares ${statement.type} ${name} already (line ${line}), a name the new rpc needs for its ${name === names[0] ? 'request' : 'response'}`, 'choose another name for the use case, or rename that declaration');
  }
}

function declaredName(statement: TopLevelStatement): string | null {
  switch (statement.type) {
    case 'message':
      return statement.messageName.text;
    case 'enum':
      return statement.enumName.text;
    case 'service':
      return statement.serviceName.text;
    default:
      return null;
  }
}

/**
 * The rpc goes on its own rows right above the closing bracket, indented as the last rpc (one
 * level deeper than the service without one), after a blank row when the file separates its last
 * two rpcs so (docs/grpc.md's layout has none). A bracket sharing its row with code gets a row of its own.
 */
function rpcSplice(text: string, service: Service, addition: RpcAddition, unit: string): Splice {
  const close = service.serviceBody.bracketClose.start;
  const statements = service.serviceBody.statements.filter((statement) => statement.type !== 'empty');
  const last = statements[statements.length - 1];
  const serviceIndent = indentationAt(text, codeStart(text, service));
  const indent = last === undefined || !opensLine(text, codeStart(text, last)) ? serviceIndent + unit : indentationAt(text, codeStart(text, last));
  const previous = statements[statements.length - 2];
  const separated = last !== undefined && previous !== undefined && hasBlankLine(text, previous.end, last.start);
  const rows = `${separated ? '\n' : ''}${rpcRows(addition, indent)}`;
  if (opensLine(text, close)) return { at: lineStart(text, close), insert: rows };
  let at = close;
  while (text[at - 1] === ' ' || text[at - 1] === '\t') at--;
  return { at, to: close, insert: `\n${rows}${serviceIndent}` };
}

/** Imports the fields need that the file lacks, after its last import (or its package clause). */
function importSplices(text: string, proto: Proto, paths: readonly string[]): Splice[] {
  const imports = proto.statements.filter((statement): statement is Import => statement.type === 'import');
  const present = new Set(imports.map((entry) => entry.strLit.tokens.map((token) => token.text.slice(1, -1)).join('')));
  const missing = [...new Set(paths)].filter((path) => !present.has(path));
  if (missing.length === 0) return [];
  const rows = missing.map((path) => `import "${path}";`).join('\n');
  const lastImport = imports[imports.length - 1];
  if (lastImport !== undefined) return [{ at: lastImport.end, insert: `\n${rows}` }];
  const header = proto.statements.filter((statement) => statement.type === 'package' || statement.type === 'syntax' || statement.type === 'edition');
  const after = header[header.length - 1];
  if (after === undefined) return [{ at: 0, insert: `${rows}\n\n` }];
  return [{ at: after.end, insert: `\n\n${rows}` }];
}

/** The request and response messages at the end of the file, each after a blank row. */
function messagesSplice(text: string, addition: RpcAddition, unit: string): Splice {
  let end = text.length;
  while (end > 0 && (text[end - 1] ?? '').trim() === '') end--;
  const blocks = [addition.request, addition.response].map((message) => messageRows(message, unit));
  // The file's trailing blank rows give way to one blank row before each message.
  return { at: end, to: text.length, insert: `${end === 0 ? '' : '\n\n'}${blocks.join('\n')}` };
}

function apply(text: string, splices: readonly Splice[]): string {
  let result = text;
  for (const splice of [...splices].sort((a, b) => b.at - a.at)) {
    result = result.slice(0, splice.at) + splice.insert + result.slice(splice.to ?? splice.at);
  }
  return result;
}

/** The result must parse and hold what was added; otherwise the engine has a bug and nothing is written. */
function verify(file: string, edited: string, addition: RpcAddition): void {
  const proto = parseProto(file, edited);
  const service = locateService(file, proto, addition.service);
  const names = new Set(proto.statements.map(declaredName));
  if (!rpcsOf(service).some((rpc) => rpc.rpcName.text === addition.rpc) || !names.has(addition.request.name) || !names.has(addition.response.name)) {
    throw new Error(`${file}: the edited file lacks the rpc ${addition.rpc} or its messages; this is a bug in svc`);
  }
}
