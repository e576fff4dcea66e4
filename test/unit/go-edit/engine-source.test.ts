import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const engineDir = join(dirname(fileURLToPath(import.meta.url)), '../../../src/targets/go/edit');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Constructs the code standards forbid in the engine, found through the TypeScript AST. */
function forbiddenConstructs(path: string): string[] {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const where = `${relative(engineDir, path)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    if (ts.isRegularExpressionLiteral(node)) found.push(`${where} regular expression literal`);
    if (ts.isIdentifier(node) && (node.text === 'RegExp' || node.text === 'Buffer')) found.push(`${where} ${node.text}`);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('engine source', () => {
  const files = sourceFiles(engineDir);

  it('has one small file per job', () => {
    expect(files.length).toBeGreaterThan(15);
    for (const path of files) expect(readFileSync(path, 'utf8').split('\n').length, relative(engineDir, path)).toBeLessThan(250);
  });

  it('uses no regular expressions and no Buffer (byte offsets) anywhere', () => {
    expect(files.flatMap(forbiddenConstructs)).toEqual([]);
  });

  it('the scan itself detects both', () => {
    const probe = ts.createSourceFile('probe.ts', 'const a = /x/; Buffer.byteLength(a);', ts.ScriptTarget.Latest, true);
    const kinds: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isRegularExpressionLiteral(node)) kinds.push('regex');
      if (ts.isIdentifier(node) && node.text === 'Buffer') kinds.push('Buffer');
      ts.forEachChild(node, visit);
    };
    visit(probe);
    expect(kinds).toEqual(['regex', 'Buffer']);
  });
});
