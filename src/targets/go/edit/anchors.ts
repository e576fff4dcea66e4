import type { Node } from 'web-tree-sitter';
import type { GoDocument } from './document.js';
import { AnchorNotFoundError } from './errors.js';
import { findCompositeLiterals, findFunctionBodies, findTopLevelTypes } from './lookup.js';

/** The `struct_type` / `interface_type` node of the package-level type `name`, or an AnchorNotFoundError. */
export function requireTypeOfKind(
  doc: GoDocument,
  name: string,
  kind: 'struct_type' | 'interface_type',
  manualSnippet: string,
): Node {
  const word = kind === 'struct_type' ? 'struct' : 'interface';
  const where = `inside \`type ${name} ${word} { … }\` in ${doc.file}`;
  const found = findTopLevelTypes(doc, name);
  const [only] = found;
  if (only === undefined) {
    throw new AnchorNotFoundError(doc.file, {
      problem: 'missing',
      reason: `cannot find the ${word} type ${name} (it may have been renamed or moved to another file)`,
      where,
      manualSnippet,
    });
  }
  if (found.length > 1) {
    throw new AnchorNotFoundError(doc.file, { problem: 'ambiguous', reason: `type ${name} is declared ${found.length} times`, where, manualSnippet });
  }
  if (only.type.type !== kind) {
    throw new AnchorNotFoundError(doc.file, {
      problem: 'wrong-kind',
      reason: `type ${name} is no longer a ${word} type (found ${only.type.type.replaceAll('_', ' ')})`,
      where,
      manualSnippet,
    });
  }
  return only.type;
}

/** Body block of `func Name` or method `Recv.Name`, or an AnchorNotFoundError. */
export function requireFunctionBody(doc: GoDocument, target: string, manualSnippet: string, place: string): Node {
  const where = `${place} ${describeFunction(target)} in ${doc.file}`;
  const bodies = findFunctionBodies(doc, target);
  const [only] = bodies;
  if (only === undefined) {
    throw new AnchorNotFoundError(doc.file, {
      problem: 'missing',
      reason: `cannot find ${describeFunction(target)} (it may have been renamed or moved to another file)`,
      where,
      manualSnippet,
    });
  }
  if (bodies.length > 1) {
    throw new AnchorNotFoundError(doc.file, { problem: 'ambiguous', reason: `${describeFunction(target)} is declared ${bodies.length} times`, where, manualSnippet });
  }
  return only;
}

/** The `literal_value` of the single `Type{…}` literal in a function body, or an AnchorNotFoundError. */
export function requireCompositeLiteral(doc: GoDocument, body: Node, target: string, typeName: string, manualSnippet: string): Node {
  const where = `in the ${typeName}{…} literal inside ${describeFunction(target)} in ${doc.file}`;
  const literals = findCompositeLiterals(doc, body, typeName);
  const [only] = literals;
  if (only === undefined) {
    throw new AnchorNotFoundError(doc.file, {
      problem: 'missing',
      reason: `cannot find a ${typeName}{…} literal inside ${describeFunction(target)}`,
      where,
      manualSnippet,
    });
  }
  if (literals.length > 1) {
    throw new AnchorNotFoundError(doc.file, {
      problem: 'ambiguous',
      reason: `${describeFunction(target)} builds ${literals.length} ${typeName}{…} literals and the engine will not guess which one`,
      where: `in the right ${typeName}{…} literal inside ${describeFunction(target)} in ${doc.file}`,
      manualSnippet,
    });
  }
  return only;
}

export function describeFunction(target: string): string {
  const dot = target.indexOf('.');
  return dot === -1 ? `func ${target}` : `method ${target.slice(dot + 1)} of ${target.slice(0, dot)}`;
}
