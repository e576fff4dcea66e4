import { describe, expect, it } from 'vitest';
import { parseGoMod } from '../../../src/targets/go/gomod/parse.js';
import { addTools, declaredTools } from '../../../src/targets/go/gomod/tool.js';
import { compareGoVersions, raiseRequirements } from '../../../src/targets/go/gomod/raise.js';

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

describe('raiseRequirements', () => {
  const text = 'module m\n\ngo 1.26.0\n\nrequire example.com/a v1.0.0\n\nrequire (\n\tgoogle.golang.org/grpc v1.84.0 // indirect\n\tgoogle.golang.org/protobuf v1.36.12 // indirect\n)\n';
  it('raises a lower version, indirect comment kept, and leaves equal or higher ones', () => {
    const raised = raiseRequirements(text, parseGoMod(text), [
      { path: 'google.golang.org/grpc', version: 'v1.85.0' },
      { path: 'google.golang.org/protobuf', version: 'v1.36.11' },
      { path: 'example.com/a', version: 'v1.0.0' },
      { path: 'example.com/absent', version: 'v2.0.0' },
    ]);
    expect(raised).toBe(text.replace('grpc v1.84.0', 'grpc v1.85.0'));
  });

  it('orders versions as Go does: releases above their pre-releases, pseudo-versions by time', () => {
    expect(compareGoVersions('v1.10.0', 'v1.9.9')).toBe(1);
    expect(compareGoVersions('v1.36.13-0.20261016172727-e9ee2a76ab8e', 'v1.36.12')).toBe(1);
    expect(compareGoVersions('v1.36.13-0.20261016172727-e9ee2a76ab8e', 'v1.36.13')).toBe(-1);
    expect(compareGoVersions('v0.0.0-20260817212433-ac3dfec99bb1', 'v0.0.0-20261005182115-fad411399dd8')).toBe(-1);
    expect(compareGoVersions('v2.3.4', 'v2.3.4')).toBe(0);
  });
});
