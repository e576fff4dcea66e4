import type { Proto, StatementBase, TopLevelStatement } from 'pbkit/core/ast/index.js';

/** Index of the first character of the line holding `index`. */
export function lineStart(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

/** The spaces and tabs that open the line holding `index`. */
export function indentationAt(text: string, index: number): string {
  const start = lineStart(text, index);
  let end = start;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return text.slice(start, end);
}

/** Whether only spaces and tabs stand between the start of its line and `index`. */
export function opensLine(text: string, index: number): boolean {
  return text.slice(lineStart(text, index), index).trim() === '';
}

/** Whether the text between two indices holds an empty line. */
export function hasBlankLine(text: string, from: number, to: number): boolean {
  return text.slice(from, to).split('\n').slice(1, -1).some((line) => line.trim() === '');
}

/**
 * One level of indentation as the file writes it: what a body's first statement adds to the line
 * of its opening bracket, read from the messages and services of the file; two spaces (buf format)
 * when no body has a statement.
 */
export function indentUnit(text: string, proto: Proto): string {
  for (const statement of proto.statements) {
    const inner = firstInnerStatement(text, statement);
    if (inner === null) continue;
    const outer = indentationAt(text, codeStart(text, statement));
    const deeper = indentationAt(text, inner);
    if (opensLine(text, inner) && deeper.startsWith(outer) && deeper.length > outer.length) return deeper.slice(outer.length);
  }
  return '  ';
}

/** Where a statement's own code starts: past its leading comments, which its span includes. */
export function codeStart(text: string, statement: StatementBase): number {
  const comments = statement.leadingComments;
  let index = comments.length === 0 ? statement.start : (comments[comments.length - 1]?.end ?? statement.start);
  while (index < statement.end && (text[index] ?? 'x').trim() === '') index++;
  return index;
}

/** Where a body's first statement starts. */
function firstInnerStatement(text: string, statement: TopLevelStatement): number | null {
  const body = statement.type === 'message' ? statement.messageBody : statement.type === 'service' ? statement.serviceBody : null;
  const first = body?.statements.find((inner) => inner.type !== 'empty');
  return first === undefined ? null : codeStart(text, first);
}
