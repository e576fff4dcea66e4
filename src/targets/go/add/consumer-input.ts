import type { Tree } from '../../../tree/tree.js';
import { applyGoEdits, type GoEdit } from '../edit/batch.js';
import type { GoParser } from '../edit/parser.js';
import { readStructFields } from '../inspect/struct-types.js';
import { APP_DIR } from './go-files.js';
import type { GoTypeName } from './names.js';

const DOMAIN_DIR = 'internal/domain';

/** Which fields of the use case's input the consumer copies from the event's payload. */
export interface InputMapping {
  /** Input fields set from the payload field of the same name and type. */
  mapped: string[];
  /** The comment lines naming the fields the user sets, and why they were not copied. */
  doc: string[];
  /** The mapping function's payload parameter: `payload`, or `_` when nothing reads it. */
  payloadParam: string;
}

/**
 * Matches the exported fields of `app.<input>` with the fields of `domain.<Event>` by name and type
 * (types resolved by import path, so `domain.OrderID` in app is `OrderID` in domain). A struct that
 * cannot be read maps nothing, and the comment says so.
 */
export function readInputMapping(parser: GoParser, tree: Tree, module: string, event: GoTypeName, inputType: string): InputMapping {
  const inputName = inputType.replace(/^app\./, '');
  const input = readStructFields(parser, tree, APP_DIR, `${module}/${APP_DIR}`, inputName);
  const payload = readStructFields(parser, tree, DOMAIN_DIR, `${module}/${DOMAIN_DIR}`, event.pascal);
  const intro = `${inputType} from the event as both grow.`;
  if (input === null || payload === null) {
    return { mapped: [], doc: [`Set the fields of ${intro}`], payloadParam: '_' };
  }
  const mapped: string[] = [];
  const unmapped: string[] = [];
  for (const field of input) {
    if (!/^[A-Z]/.test(field.name)) continue;
    const source = payload.find((candidate) => candidate.name === field.name);
    if (source === undefined) unmapped.push(`${field.name}: the payload has no field ${field.name}`);
    else if (source.resolved !== field.resolved) unmapped.push(`${field.name}: the payload's ${field.name} is ${source.written}, not ${field.written}`);
    else mapped.push(field.name);
  }
  const doc = [
    ...(mapped.length > 0 ? ['The fields whose name and type match the payload\'s are copied.'] : []),
    ...(unmapped.length > 0 ? [`Set the others of ${intro}`, ...unmapped.map((line) => `  - ${line}`)] : mapped.length > 0 ? [] : [`Set the fields of ${intro}`]),
  ];
  return { mapped, doc, payloadParam: mapped.length > 0 ? 'payload' : '_' };
}

/** Sets `Field: payload.Field` in the mapping function's literal, aligned as gofmt does. */
export function fillInputMapping(parser: GoParser, tree: Tree, file: string, func: string, inputType: string, mapping: InputMapping): void {
  const text = tree.read(file);
  if (text === undefined || mapping.mapped.length === 0) return;
  const edits: GoEdit[] = mapping.mapped.map((field) => ({ kind: 'keyed-element', func, type: inputType, key: field, value: `payload.${field}` }));
  const outcome = applyGoEdits(parser, { file, text }, edits);
  if (outcome.changed) tree.write(file, outcome.after);
}
