import { describe, expect, it } from 'vitest';
import { parseGoMod } from '../../../src/targets/go/gomod/parse.js';
import { addTools, declaredTools } from '../../../src/targets/go/gomod/tool.js';

const add = (text: string, tools: string[]) => addTools(text, parseGoMod(text), tools);
const BASE = 'module m\n\ngo 1.26.0\n\nrequire example.com/a v1.0.0\n';

describe('addTools', () => {
  it('adds a block of tools, sorted, at the end; one tool as one line', () => {
    expect(add(BASE, ['z.dev/b', 'a.dev/a'])).toBe(`${BASE}\ntool (\n\ta.dev/a\n\tz.dev/b\n)\n`);
    expect(add(BASE, ['a.dev/a'])).toBe(`${BASE}\ntool a.dev/a\n`);
  });

  it('adds rows to an existing block in sorted position and skips tools declared anywhere', () => {
    const text = `${BASE}\ntool (\n\tb.dev/b\n\td.dev/d\n)\n\ntool e.dev/e\n`;
    expect(add(text, ['c.dev/c', 'a.dev/a', 'e.dev/e', 'f.dev/f'])).toBe(`${BASE}\ntool (\n\ta.dev/a\n\tb.dev/b\n\tc.dev/c\n\td.dev/d\n\tf.dev/f\n)\n\ntool e.dev/e\n`);
    expect(declaredTools(parseGoMod(text))).toEqual(new Set(['b.dev/b', 'd.dev/d', 'e.dev/e']));
  });

  it('changes nothing when every tool is there', () => {
    const text = `${BASE}\ntool a.dev/a\n`;
    expect(add(text, ['a.dev/a'])).toBe(text);
  });
});
