import { parse } from 'pbkit/core/parser/proto.js';
import type { Proto } from 'pbkit/core/ast/index.js';
import { ProtoEditError } from './errors.js';

/**
 * The syntax tree of a .proto (pbkit's recursive-descent parser: every node carries its start and
 * end as string indices, statements their leading and trailing comments). A syntax error, or a
 * statement the parser only recovered as malformed, is refused with its line and column.
 */
export function parseProto(file: string, text: string): Proto {
  let proto: Proto;
  try {
    proto = parse(text).ast;
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n').filter((line) => line.trim() !== '').slice(0, 2).join(': ') : String(error);
    throw new ProtoEditError(file, `does not parse as Protocol Buffers (${detail})`, 'fix the file (buf build shows the same error) and run the command again');
  }
  const malformed = findMalformed(proto);
  if (malformed !== null) {
    const { line, column } = position(text, malformed.start);
    throw new ProtoEditError(file, `has a malformed ${malformed.type.replace(/^malformed-/, '')} at ${line}:${column}`, 'fix the file (buf build shows the same error) and run the command again');
  }
  return proto;
}

/** 1-based line and column (in UTF-16 code units) of a string index. */
export function position(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: index - lineStart + 1 };
}

interface Located {
  type: string;
  start: number;
}

function findMalformed(node: unknown): Located | null {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findMalformed(child);
      if (found !== null) return found;
    }
    return null;
  }
  if (typeof node !== 'object' || node === null) return null;
  const record = node as Record<string, unknown>;
  if (typeof record.type === 'string' && record.type.startsWith('malformed') && typeof record.start === 'number') {
    return { type: record.type, start: record.start };
  }
  for (const value of Object.values(record)) {
    const found = findMalformed(value);
    if (found !== null) return found;
  }
  return null;
}
