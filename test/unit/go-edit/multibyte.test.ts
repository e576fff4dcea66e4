import { beforeAll, describe, expect, it } from 'vitest';
import {
  addImport,
  addInterfaceMethod,
  addKeyedElement,
  addStatement,
  addStructField,
  addTopLevelDecl,
} from '../../../src/targets/go/edit/index.js';
import type { GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, go, goParser } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

/** Text whose UTF-8 and UTF-16 lengths differ (2-, 3- and 4-byte characters, surrogate pairs). */
const prelude = ['// Grüße, 日本語, emoji 😀🎉 — before every anchor.', 'var 名前 = "é😀日本"', '', '/* ünïcödé 🚀 */'];
const file = 'multibyte.go';

describe('multi-byte text before every anchor (indices are UTF-16, never UTF-8 byte offsets)', () => {
  it('addImport', () => {
    const text = go('package p // 😀', '', ...prelude);
    const result = addImport(parser, { file, text }, { path: 'fmt' });
    expect(result.text).toBe(go('package p // 😀', '', 'import "fmt"', '', ...prelude));
    const grouped = go('package p', '', '// 😀 日本', 'import (', '\t"os" // 🎉', ')', '', ...prelude);
    expect(addImport(parser, { file, text: grouped }, { path: 'fmt' }).text).toBe(
      go('package p', '', '// 😀 日本', 'import (', '\t"fmt"', '\t"os" // 🎉', ')', '', ...prelude),
    );
  });

  it('addStructField, aligning by characters as gofmt does', () => {
    const text = go('package p', '', ...prelude, '', 'type Ports struct {', '\t名前 string // 😀', '}');
    const result = addStructField(parser, { file, text }, { struct: 'Ports', field: 'Ünïcode int // 🎉' });
    expect(result.text).toBe(go('package p', '', ...prelude, '', 'type Ports struct {', '\t名前      string // 😀', '\tÜnïcode int    // 🎉', '}'));
    expectGofmtClean(result.text);
  });

  it('addKeyedElement', () => {
    const text = go('package p', '', ...prelude, '', 'func New() *App {', '\treturn &App{', '\t\t名前: "😀", // 日本', '\t}', '}');
    const result = addKeyedElement(parser, { file, text }, { func: 'New', type: 'App', key: 'Grüße', value: '"🎉"' });
    expect(result.text).toBe(go('package p', '', ...prelude, '', 'func New() *App {', '\treturn &App{', '\t\t名前:    "😀", // 日本', '\t\tGrüße: "🎉",', '\t}', '}'));
    expectGofmtClean(result.text);
  });

  it('addInterfaceMethod', () => {
    const text = go('package p', '', ...prelude, '', 'type Repo interface {', '\t名前() string // 😀', '}');
    const result = addInterfaceMethod(parser, { file, text }, { iface: 'Repo', spec: 'Grüße() string // 🎉' });
    expect(result.text).toBe(go('package p', '', ...prelude, '', 'type Repo interface {', '\t名前() string    // 😀', '\tGrüße() string // 🎉', '}'));
    expectGofmtClean(result.text);
  });

  it('addStatement', () => {
    const text = go('package p', '', ...prelude, '', 'func run() string {', '\ts := "😀" // 日本', '\treturn s', '}');
    const result = addStatement(parser, { file, text }, { func: 'run', statement: 's += "🎉"', position: 'before-return' });
    expect(result.text).toBe(go('package p', '', ...prelude, '', 'func run() string {', '\ts := "😀" // 日本', '\ts += "🎉"', '\treturn s', '}'));
    expectGofmtClean(result.text);
  });

  it('addTopLevelDecl', () => {
    const text = go('package p', '', ...prelude, '', 'func 関数() {} // 😀');
    const result = addTopLevelDecl(parser, { file, text }, { declaration: 'var ü = "🎉"', after: '名前' });
    expect(result.text).toBe(go('package p', '', '// Grüße, 日本語, emoji 😀🎉 — before every anchor.', 'var 名前 = "é😀日本"', '', 'var ü = "🎉"', '', '/* ünïcödé 🚀 */', '', 'func 関数() {} // 😀'));
    expectGofmtClean(result.text);
  });
});
