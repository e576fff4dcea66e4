import { describe, expect, it } from 'vitest';
import { Parser } from 'web-tree-sitter';
import { textEdit } from '../../../src/targets/go/edit/tree-reuse.js';
import { goParser } from './helpers.js';

// The parser re-parses an edited text incrementally from a cached tree; the result must be the tree a
// fresh parse gives, also around multi-byte text (indices are UTF-16 code units) and across rows.
const base = 'package p\n\n// héllo ✓ wörld\nvar a = "日本"\n\nfunc f() {\n\tx := 1\n\t_ = x\n}\n';
const edits: Array<[string, string]> = [
  ['insert a statement', base.replace('\t_ = x\n', '\t_ = x\n\ty := "ü"\n\t_ = y\n')],
  ['replace across rows', base.replace('var a = "日本"\n\nfunc', 'var a, b = "日本", "ß"\n\nfunc')],
  ['append a declaration', `${base}\nfunc g() {}\n`],
  ['prepend after the package', base.replace('package p\n', 'package p\n\nimport "fmt"\n\nvar _ = fmt.Sprint\n')],
  ['break the syntax', base.replace('x := 1', 'x := (1')],
];

describe('tree reuse', () => {
  it.each(edits)('an incremental parse (%s) gives the tree of a fresh parse', async (_, edited) => {
    const parser = await goParser();
    const fresh = new Parser();
    fresh.setLanguage(parser.language);
    parser.parse(base).delete();
    const reused = parser.parse(edited);
    const expected = fresh.parse(edited)!;
    try {
      expect(reused.rootNode.toString()).toBe(expected.rootNode.toString());
      expect(reused.rootNode.endIndex).toBe(edited.length);
      expect(reused.rootNode.hasError).toBe(expected.rootNode.hasError);
    } finally {
      reused.delete();
      expected.delete();
      fresh.delete();
    }
  });

  it('gives a copy for a text parsed before, which outlives the caller deleting another copy', async () => {
    const parser = await goParser();
    const first = parser.parse(base);
    first.delete();
    const again = parser.parse(base);
    expect(again.rootNode.text).toBe(base);
    again.delete();
  });

  it('describes an edit as one replaced range with rows and columns in code units', () => {
    const edit = textEdit('ab\ncdé\nfg', 'ab\ncdXYé\nfg');
    expect(edit).toMatchObject({ startIndex: 5, oldEndIndex: 5, newEndIndex: 7 });
    expect(edit.startPosition).toEqual({ row: 1, column: 2 });
    expect(edit.newEndPosition).toEqual({ row: 1, column: 4 });
  });
});
