import { describe, expect, it } from 'vitest';
import { Document, parseDocument } from 'yaml';
import { FailureError } from '../../../src/errors.js';
import { detectLayout } from '../../../src/file-edits/yaml-layout.js';
import { insertYamlEntry, type YamlPath } from '../../../src/file-edits/yaml-splice.js';

/** Inserts and checks the promise: the result minus the inserted text is the input, byte for byte. */
function insert(text: string, path: YamlPath, key: string, value: unknown): { text: string; block: string } {
  const result = insertYamlEntry('doc.yaml', text, path, key, value);
  const { at, text: block } = result.insertion;
  expect(result.text.slice(at, at + block.length)).toBe(block);
  expect(result.text.slice(0, at) + result.text.slice(at + block.length)).toBe(text);
  expect(at === 0 || text.charAt(at - 1) === '\n' || at === text.length).toBe(true);
  return { text: result.text, block };
}

function refusal(text: string, path: YamlPath, key: string, value: unknown): FailureError {
  try {
    insertYamlEntry('doc.yaml', text, path, key, value);
  } catch (error) {
    expect(error).toBeInstanceOf(FailureError);
    return error as FailureError;
  }
  throw new Error('expected a refusal');
}

const OPERATION = { post: { operationId: 'b', tags: ['x'] } };

describe('insertYamlEntry', () => {
  it('adds the entry after the last one and leaves flow collections, quotes and odd comments alone', () => {
    const text = [
      '#   top comment,   odd spacing',
      'name: "quoted"     #  trailing   comment',
      'tags: [orders]',
      'meta: {a: b}',
      'other: \'single\'',
      'paths:',
      '  /a:',
      '    get: {summary: x}     # flow operation',
      'components:',
      '  x:   1',
      '',
    ].join('\n');
    const { text: after, block } = insert(text, ['paths'], '/b', OPERATION);
    expect(block).toBe("  /b:\n    post:\n      operationId: b\n      tags:\n        - x\n");
    expect(after).toBe(text.replace('# flow operation\n', `# flow operation\n${block}`));
  });

  it('creates the mappings missing along the path, at the end of the top level', () => {
    const text = 'openapi: 3.1.0\ninfo:\n  title: t\n';
    const { block } = insert(text, ['paths'], '/b', { get: { operationId: 'b' } });
    expect(block).toBe('paths:\n  /b:\n    get:\n      operationId: b\n');
  });

  it('writes the entry under a key that has no value yet, after its comment', () => {
    const text = 'paths: # none yet\ncomponents: {}\n';
    const { text: after } = insert(text, ['paths'], '/b', { get: { operationId: 'b' } });
    expect(after).toBe('paths: # none yet\n  /b:\n    get:\n      operationId: b\ncomponents: {}\n');
  });

  it('puts the entry right after the last entry, before comments that follow it, when paths is not the last key', () => {
    const text = 'paths:\n  /a:\n    get:\n      x: 1 # c\n  # /later: soon\n\ncomponents: {}\n';
    const { text: after } = insert(text, ['paths'], '/b', 1);
    expect(after).toBe('paths:\n  /a:\n    get:\n      x: 1 # c\n  /b: 1\n  # /later: soon\n\ncomponents: {}\n');
  });

  it('leaves comments indented under the last entry with it', () => {
    const text = 'paths:\n  /a:\n    get: {}\n    # post: to do\n      # deeper still\n  # /c: later\n\ncomponents: {}\n';
    const { text: after } = insert(text, ['paths'], '/b', 1);
    expect(after).toBe('paths:\n  /a:\n    get: {}\n    # post: to do\n      # deeper still\n  /b: 1\n  # /c: later\n\ncomponents: {}\n');
  });

  it('adds to a nested mapping (a method beside another)', () => {
    const text = 'paths:\n  /a:\n    get:\n      operationId: a\n\n  /c:\n    get: {}\n';
    const { text: after } = insert(text, ['paths', '/a'], 'post', { operationId: 'p' });
    expect(after).toBe('paths:\n  /a:\n    get:\n      operationId: a\n    post:\n      operationId: p\n\n  /c:\n    get: {}\n');
  });

  it('keeps the blank line between entries when the mapping separates them so', () => {
    const text = 'paths:\n  /a:\n    get: {}\n\n  /c:\n    get: {}\n\ncomponents: {}\n';
    const { text: after } = insert(text, ['paths'], '/d', { get: { operationId: 'd' } });
    expect(after).toBe('paths:\n  /a:\n    get: {}\n\n  /c:\n    get: {}\n\n  /d:\n    get:\n      operationId: d\n\ncomponents: {}\n');
  });

  it('handles paths as the last key of a file without a final line break', () => {
    const text = 'openapi: 3.1.0\npaths:\n  /a:\n    get: {}';
    const { text: after } = insert(text, ['paths'], '/b', 1);
    expect(after).toBe('openapi: 3.1.0\npaths:\n  /a:\n    get: {}\n  /b: 1');
  });

  it('keeps CRLF line endings', () => {
    const text = 'a: 1\r\npaths:\r\n  /a:\r\n    get: {}\r\n\r\nb: [1, 2]\r\n';
    const { text: after, block } = insert(text, ['paths'], '/b', OPERATION);
    expect(block).toBe('  /b:\r\n    post:\r\n      operationId: b\r\n      tags:\r\n        - x\r\n');
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('indents as the document does: 4 spaces, and sequences flush with their key', () => {
    const four = 'paths:\n    /a:\n        get:\n            tags:\n                - a\n';
    expect(insert(four, ['paths'], '/b', OPERATION).block).toBe('    /b:\n        post:\n            operationId: b\n            tags:\n                - x\n');
    const flush = 'tags:\n- a\npaths:\n  /a:\n    get:\n      tags:\n      - a\n';
    expect(insert(flush, ['paths'], '/b', OPERATION).block).toBe('  /b:\n    post:\n      operationId: b\n      tags:\n      - x\n');
  });

  it('quotes as the document does', () => {
    const single = "paths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n";
    expect(insert(single, ['paths'], '/b', { get: { responses: { '200': { $ref: '#/r' } } } }).block).toContain("        '200':\n          $ref: '#/r'\n");
    const double = 'paths:\n  /a:\n    get:\n      responses:\n        "200": {description: ok}\n';
    expect(insert(double, ['paths'], '/b', { get: { responses: { '200': { $ref: '#/r' } } } }).block).toContain('        "200":\n          $ref: "#/r"\n');
  });

  it('keeps the lines of a keep-chomped block scalar that ends the mapping', () => {
    const text = 'a:\n  x: |+\n    kept\n\n\nb: 1\n';
    const { text: after } = insert(text, ['a'], 'y', 2);
    expect(parseDocument(after).toJS()).toEqual({ a: { x: 'kept\n\n\n', y: 2 }, b: 1 });
  });

  it('counts offsets in UTF-16 code units, after non-ASCII text', () => {
    const text = 'title: "Bestellungen – 🚀 ünd mehr"\npaths:\n  /ä:\n    get: {} # ✓\n';
    const { text: after } = insert(text, ['paths'], '/b', 1);
    expect(after).toBe(`${text}  /b: 1\n`);
  });

  it('leaves anchors and aliases elsewhere in the file as they are', () => {
    const text = 'x-problem: &problem\n  description: Problem\npaths:\n  /a:\n    get:\n      responses:\n        default: *problem\n';
    const { text: after } = insert(text, ['paths'], '/b', 1);
    expect(after).toBe(`${text}  /b: 1\n`);
  });

  it('adds to an anchored mapping nobody aliases, and refuses when an alias would change too', () => {
    expect(insert('base: &b\n  x: 1\n', ['base'], 'y', 2).text).toBe('base: &b\n  x: 1\n  y: 2\n');
    const error = refusal('base: &b\n  x: 1\ncopy: *b\n', ['base'], 'y', 2);
    expect(error.message).toContain('without changing what the rest of the file means');
    expect(error.message).toContain('  y: 2');
  });

  it('refuses a flow mapping, an alias, an explicit null and a scalar, with the lines to add by hand', () => {
    const flow = refusal('openapi: 3.1.0\npaths: {}\n', ['paths'], '/b', { get: { operationId: 'b' } });
    expect(flow.exitCode).toBe(1);
    expect(flow.message).toContain('paths is a flow mapping');
    expect(flow.message).toContain('Add this by hand under paths:\n\n  /b:\n    get:\n      operationId: b\n');
    expect(flow.hint).toContain('block mapping');
    expect(refusal('x: &p\n  a: 1\npaths: *p\n', ['paths'], '/b', 1).message).toContain('paths is an alias (*p)');
    expect(refusal('paths: ~\n', ['paths'], '/b', 1).message).toContain('paths is not a mapping');
    expect(refusal('paths: 3\n', ['paths'], '/b', 1).message).toContain('paths is not a mapping');
    expect(refusal('{paths: {}}\n', ['paths'], '/b', 1).message).toContain('the top level is a flow mapping');
    expect(refusal('paths:\n  /a: {get: {}}\n', ['paths', '/a'], 'post', 1).message).toContain('paths → /a is a flow mapping');
  });

  it('refuses a file that is not YAML, or not a mapping', () => {
    expect(refusal('a: [1\n', ['paths'], '/b', 1).message).toContain('is not valid YAML');
    expect(refusal('- a\n', ['paths'], '/b', 1).message).toContain('is not a YAML mapping');
  });

  it('renders yaml nodes in the style they carry', () => {
    const tags = new Document().createNode(['orders']);
    tags.flow = true;
    expect(insert('paths:\n  /a: 1\n', ['paths'], '/b', { tags }).block).toBe('  /b:\n    tags: [orders]\n');
  });
});

describe('detectLayout', () => {
  const layout = (text: string) => detectLayout(text, parseDocument(text));

  it('reads indentation, sequence style, quotes, flow padding and line endings', () => {
    expect(layout('a:\n  b:\n    c: [x]\n')).toMatchObject({ indent: 2, flowLists: true, flowPadding: false, eol: '\n' });
    expect(layout('a:\n   b: { c: 1 }\n   d: [ x ]\n')).toMatchObject({ indent: 3, flowPadding: true });
    expect(layout('a:\n- 1\nb:\n- 2\n')).toMatchObject({ indentSeq: false });
    expect(layout("a: 'x'\nb: 'y'\nc: \"z\"\n")).toMatchObject({ singleQuote: true });
    expect(layout('a: 1\r\nb: 2\r\n')).toMatchObject({ eol: '\r\n' });
  });

  it("falls back to the yaml library's defaults when the document cannot tell", () => {
    expect(layout('a: 1\n')).toEqual({ indent: 2, indentSeq: true, singleQuote: false, flowLists: false, flowPadding: false, eol: '\n' });
  });
});
