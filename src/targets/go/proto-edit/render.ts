import type { ProtoMessage, RpcAddition } from './rpc-addition.js';

/** Comment lines at an indentation, each ending in a newline. */
export function docLines(doc: readonly string[], indent: string): string {
  return doc.map((line) => (line === '' ? `${indent}//\n` : `${indent}// ${line}\n`)).join('');
}

/** The rpc's rows (its comment, then the declaration), ending in a newline. */
export function rpcRows(addition: RpcAddition, indent: string): string {
  return `${docLines(addition.doc, indent)}${indent}rpc ${addition.rpc}(${addition.request.name}) returns (${addition.response.name});\n`;
}

/** A top-level message with its comment, ending in a newline; `message X {}` without fields. */
export function messageRows(message: ProtoMessage, unit: string): string {
  const head = `${docLines(message.doc, '')}message ${message.name} {`;
  if (message.fields.length === 0) return `${head}}\n`;
  const fields = message.fields.map((field, index) => `${unit}${field.repeated ? 'repeated ' : ''}${field.type} ${field.name} = ${index + 1};\n`);
  return `${head}\n${fields.join('')}}\n`;
}
