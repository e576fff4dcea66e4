import { beforeAll, describe, expect, it } from 'vitest';
import {
  EditError,
  GoParseError,
  UnsupportedInputError,
  addStructField,
  loadGoParser,
} from '../../../src/targets/go/edit/index.js';
import type { GoParser } from '../../../src/targets/go/edit/index.js';
import { go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/app/app.go';
const add = (text: string) => addStructField(parser, { file, text }, { struct: 'Ports', field: 'B int' });

describe('parser', () => {
  it('is a lazily created singleton', async () => {
    expect(await loadGoParser()).toBe(parser);
  });
});

describe('input the engine refuses', () => {
  it('reports where the parser gave up (as the Go compiler does), in line:column counted in characters', () => {
    const text = go('package app', '', '// 日本語 😀', 'var s = "é" + (', '', 'type Ports struct{}');
    const error = thrown(GoParseError, () => add(text));
    expect(error).toBeInstanceOf(EditError);
    expect(error.exitCode).toBe(1);
    expect(error.file).toBe(file);
    expect(error.line).toBe(6);
    expect(error.message.startsWith(`${file}:6:`)).toBe(true);
    expect(error.excerpt.split('\n')[0]).toBe('type Ports struct{}');
  });

  it('points at the exact column of a syntax error after multi-byte text', () => {
    const error = thrown(GoParseError, () => add(go('package app', '', 'var é, 日本 = 1, )')));
    expect(error.line).toBe(3);
    expect(error.column).toBe(16);
    expect(error.excerpt).toBe('var é, 日本 = 1, )\n               ^');
  });

  it('refuses a file without a package clause', () => {
    expect(thrown(GoParseError, () => add('')).line).toBe(1);
    thrown(GoParseError, () => add('type Ports struct{}\n'));
  });

  it('refuses mixed line endings clearly', () => {
    const error = thrown(UnsupportedInputError, () => add('package app\r\n\ntype Ports struct{}\n'));
    expect(error.message).toContain('mixes CRLF and LF');
  });
});

describe('line endings and byte order mark', () => {
  it('edits a CRLF file and keeps it CRLF', () => {
    const crlf = go('package app', '', 'type Ports struct {', '\tA int // a', '}').split('\n').join('\r\n');
    const result = add(crlf);
    expect(result.text).toBe(go('package app', '', 'type Ports struct {', '\tA int // a', '\tB int', '}').split('\n').join('\r\n'));
    expect(add(result.text).changed).toBe(false);
  });

  it('keeps a UTF-8 byte order mark', () => {
    const result = add(`\uFEFF${go('package app', '', 'type Ports struct{}')}`);
    expect(result.text).toBe(`\uFEFF${go('package app', '', 'type Ports struct {', '\tB int', '}')}`);
  });
});
