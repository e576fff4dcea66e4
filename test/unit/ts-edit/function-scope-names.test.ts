import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { functionScopeNames } from '../../../src/targets/ts/edit/module-names.js';

const morph = createRequire(import.meta.url)('ts-morph') as typeof import('ts-morph');

function scopeOf(source: string): string[] {
  const project = new morph.Project({ useInMemoryFileSystem: true });
  const fn = project.createSourceFile('/a.ts', source).getFunctionOrThrow('f');
  return [...functionScopeNames(morph, fn)].sort();
}

describe('functionScopeNames', () => {
  it('collects parameters (destructured too) and every declaration in the body, nested ones included', () => {
    const source = [
      'function f(a: number, { b, c: [d] }: X, ...e: number[]) {',
      '  const g = 1, { h, i: { j } } = y;',
      '  let [k, , l = 2] = z;',
      '  function m(n: number) { var o = n; return o; }',
      '  class P {}',
      '  enum Q { R }',
      '  try { run(); } catch ({ message: s }) { void s; }',
      '  try { run(); } catch (t) { void t; }',
      '  const u = (v: number, { w }: W) => v + w;',
      '  for (const x of []) void x;',
      '  return { notBound: g, alsoNot: new Audit() };',
      '}',
    ].join('\n');
    expect(scopeOf(source)).toEqual(['P', 'Q', 'a', 'b', 'd', 'e', 'g', 'h', 'j', 'k', 'l', 'm', 'n', 'o', 's', 't', 'u', 'v', 'w', 'x'].sort());
  });

  it('gives only the parameters of a function without a body', () => {
    expect(scopeOf('declare function f(a: number): void;')).toEqual(['a']);
  });
});
