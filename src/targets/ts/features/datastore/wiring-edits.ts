import type { TsEdit } from '../../edit/edits.js';
import { MEMORY_ORDERS } from './context.js';

/**
 * The edits of createPorts for one dependency: each statement above the final return (the first
 * after a blank row), unless the text marking it is there already.
 */
export function portsStatements(statements: readonly (readonly [statement: string, marker: string])[]): TsEdit[] {
  return statements.map(([statement, unlessPresent], index) => ({ kind: 'statement', func: 'createPorts', statement, unlessPresent, position: 'before-return', paragraph: index === 0 }));
}

/**
 * The edits of test/environment.ts for one server the start/stop test needs: read its address from
 * `variable` (the test skips without it, or fails under CI), then pass it on as `env`.
 */
export function serviceTestEnvEdits(variable: string, local: string, env: Readonly<Record<string, string>>): { edits: TsEdit[]; snippet: string } {
  const read = `const ${local} = integrationTarget('${variable}');`;
  const guard = `if (${local} === undefined) return undefined;`;
  return {
    edits: [
      { kind: 'named-import', module: './integration.js', name: 'integrationTarget' },
      { kind: 'statement', func: 'serviceTestEnv', statement: read, unlessPresent: `integrationTarget('${variable}')`, position: 'before-return' },
      { kind: 'statement', func: 'serviceTestEnv', statement: guard, unlessPresent: `${local} === undefined`, position: 'before-return' },
      ...Object.entries(env).map(([name, initializer]): TsEdit => ({ kind: 'returned-property', func: 'serviceTestEnv', name, initializer })),
    ],
    snippet: `${read}\n${guard}\n${Object.entries(env).map(([name, value]) => `${name}: ${value}`).join(', ')}   (in the object serviceTestEnv returns)`,
  };
}

/**
 * With the sample, the orders createPorts returns come from `repository` instead of the memory one
 * (whose import goes once unused); `written` is the line to write by hand when the edit cannot be made.
 */
export function sampleRepositorySwap(sample: boolean, repository: string, written = repository): { edits: TsEdit[]; snippet: string[] } {
  if (!sample) return { edits: [], snippet: [] };
  return {
    edits: [
      { kind: 'replace-in-returned-property', func: 'createPorts', name: 'orders', from: MEMORY_ORDERS, to: repository },
      { kind: 'remove-unused-import', name: 'MemoryOrderRepository' },
    ],
    snippet: [`orders: ${written},   (in the object createPorts returns)`],
  };
}
