import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { FailureError } from '../../../src/errors.js';
import { addGoRequirements } from '../../../src/targets/go/features/datastore/edits.js';
import { parseGoMod } from '../../../src/targets/go/gomod/parse.js';
import { requiredModules } from '../../../src/targets/go/gomod/require.js';
import { GoModSyntaxError, type Line, type LineBlock } from '../../../src/targets/go/gomod/syntax.js';
import { Tree } from '../../../src/tree/tree.js';
import { BROKEN_GO_MODS, GO_MOD_SHAPES } from '../../helpers/gomod-shapes.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function treeWithGoMod(text: string): Tree {
  const dir = makeTempDir('gomod-unit-');
  dirs.push(dir);
  const tree = new Tree(dir);
  tree.write('go.mod', text);
  return tree;
}

const pgx = { path: 'github.com/jackc/pgx/v5', version: 'v5.12.0' };

describe('go.mod syntax', () => {
  it('reads lines, blocks and comment blocks with their positions', () => {
    const text = ['// Orders.', 'module example.com/orders', '', '// about the Go version', '', 'go 1.26.0', '', 'require ( // direct', '\t// first', '\tgithub.com/a/b v1.0.0 // indirect', '', '\t// last', ')', ''].join('\n');
    const syntax = parseGoMod(text);
    expect(syntax.statements.map((statement) => statement.kind)).toEqual(['line', 'comments', 'line', 'block']);
    const [module, comments, go, block] = syntax.statements as [Line, { comments: { before: { token: string }[] } }, Line, LineBlock];
    expect(module.tokens).toEqual(['module', 'example.com/orders']);
    expect(module.comments.before.map((c) => c.token)).toEqual(['// Orders.']);
    expect(module.start).toEqual({ line: 2, column: 1, offset: 11 });
    expect(module.end).toEqual({ line: 2, column: 26, offset: 36 });
    expect(comments.comments.before.map((c) => c.token)).toEqual(['// about the Go version']);
    expect(go.tokens).toEqual(['go', '1.26.0']);
    expect(block.tokens).toEqual(['require']);
    expect(block.lparen.comments.suffix.map((c) => c.token)).toEqual(['// direct']);
    const [row] = block.lines;
    expect(row?.tokens).toEqual(['github.com/a/b', 'v1.0.0']);
    expect(row?.inBlock).toBe(true);
    expect(row?.comments.before.map((c) => c.token)).toEqual(['// first']);
    expect(row?.comments.suffix.map((c) => c.token)).toEqual(['// indirect']);
    expect(text.slice(row?.start.offset, row?.lineEnd)).toBe('github.com/a/b v1.0.0 // indirect\n');
    // A blank line is kept as an empty comment, as modfile does.
    expect(block.rparen.comments.before.map((c) => c.token)).toEqual(['', '// last']);
    expect(syntax.contentEnd).toBe(text.length - 1);
  });

  it('knows blocks only where ( ends a line, as modfile does', () => {
    const syntax = parseGoMod('retract ( ) v1.0.0\nexclude ( x v1\nrequire ()\n');
    expect(syntax.statements.map((s) => [s.kind, s.kind === 'comments' ? [] : s.tokens])).toEqual([
      ['line', ['retract', '(', ')', 'v1.0.0']],
      ['line', ['exclude', '(', 'x', 'v1']],
      ['block', ['require']],
    ]);
  });

  it('reads quoted and raw strings, and identifiers of any printable runes, as single tokens', () => {
    const syntax = parseGoMod('module "example.com/a b" // ünïcode ✓\nreplace `x/y` => ./déjà-vu\ngo 1.26.0\n');
    const [module, replace] = syntax.statements as Line[];
    expect(module?.tokens).toEqual(['module', '"example.com/a b"']);
    expect(module?.comments.suffix[0]?.token).toBe('// ünïcode ✓');
    expect(replace?.tokens).toEqual(['replace', '`x/y`', '=>', './déjà-vu']);
  });

  it('counts columns in runes and offsets in UTF-16 code units', () => {
    const text = '// 𝔾o 🚀\nmodule example.com/x\n\ngo 1.26.0\n\nrequire (\n\tgithub.com/a/b v1.0.0\n)\n';
    const syntax = parseGoMod(text);
    const block = syntax.statements.find((s): s is LineBlock => s.kind === 'block');
    expect(block?.lines[0]?.start.offset).toBe(text.indexOf('github.com'));
    expect(() => parseGoMod('module 🚀 \u0001')).toThrow("go.mod:1:10: unexpected input character '\\x01'");
  });

  it('lists every required module, direct and indirect, quoted or not', () => {
    const syntax = parseGoMod('module m\n\nrequire "github.com/q/r" v1.0.0\n\nrequire (\n\tgithub.com/a/b v1.0.0\n\tgithub.com/c/d v1.0.0 // indirect\n)\n\nrequire x (\n\tnot/required v1\n)\n');
    expect([...requiredModules(syntax)]).toEqual(['github.com/q/r', 'github.com/a/b', 'github.com/c/d']);
  });

  it.each(BROKEN_GO_MODS.map((broken) => [broken.name, broken] as const))('refuses %s', (_name, broken) => {
    expect(() => parseGoMod(broken.text)).toThrow(GoModSyntaxError);
    expect(() => parseGoMod(broken.text)).toThrow(broken.error);
  });
});

describe('addGoRequirements', () => {
  it.each(GO_MOD_SHAPES.map((shape) => [shape.name, shape] as const))('%s', (_name, shape) => {
    const tree = treeWithGoMod(shape.before);
    addGoRequirements(tree, shape.add);
    expect(tree.read('go.mod')).toBe(shape.after);
    // Idempotent: every module is now required.
    addGoRequirements(tree, shape.add);
    expect(tree.read('go.mod')).toBe(shape.after);
  });

  it('puts a module before the first row that sorts after it, in a block that is not sorted', () => {
    const tree = treeWithGoMod('module m\n\nrequire (\n\tgolang.org/x/sync v0.24.0\n\tgithub.com/a/b v1.0.0\n\tgo.uber.org/zap v1.28.0\n)\n');
    addGoRequirements(tree, [pgx]);
    expect(tree.read('go.mod')).toBe('module m\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.12.0\n\tgolang.org/x/sync v0.24.0\n\tgithub.com/a/b v1.0.0\n\tgo.uber.org/zap v1.28.0\n)\n');
  });

  it('adds each module once, whatever the caller passes', () => {
    const tree = treeWithGoMod('module m\n\nrequire (\n\tgithub.com/a/b v1.0.0\n\tgo.uber.org/zap v1.28.0\n)\n');
    addGoRequirements(tree, [pgx, pgx]);
    expect(tree.read('go.mod')).toBe('module m\n\nrequire (\n\tgithub.com/a/b v1.0.0\n\tgithub.com/jackc/pgx/v5 v5.12.0\n\tgo.uber.org/zap v1.28.0\n)\n');
  });

  it.each(BROKEN_GO_MODS.map((broken) => [broken.name, broken] as const))('refuses a go.mod with %s: exit 1, nothing changed', (_name, broken) => {
    const tree = treeWithGoMod(broken.text);
    const error = (() => {
      try {
        addGoRequirements(tree, [pgx]);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(FailureError);
    expect((error as FailureError).exitCode).toBe(1);
    expect((error as FailureError).message).toBe(`go.mod does not parse, so no requirement was added: ${broken.error}`);
    expect(tree.read('go.mod')).toBe(broken.text);
  });

  it('refuses a service without go.mod', () => {
    const dir = makeTempDir('gomod-unit-');
    dirs.push(dir);
    expect(() => addGoRequirements(new Tree(dir), [pgx])).toThrow('go.mod is missing');
  });
});

describe('directives read through the parser', () => {
  it('finds the module path, quoted or not, and the go version; null without them', async () => {
    const { directiveArgument, modulePath } = await import('../../../src/targets/go/gomod/module-path.js');
    const { parseGoMod } = await import('../../../src/targets/go/gomod/parse.js');
    expect(modulePath(parseGoMod('// the service\nmodule github.com/acme/orders // renamed\n\ngo 1.25.0\n'))).toBe('github.com/acme/orders');
    expect(modulePath(parseGoMod('module "example.com/quoted"\n'))).toBe('example.com/quoted');
    expect(directiveArgument(parseGoMod('module x\n\ngo 1.25.0\n\ntoolchain go1.26.1\n'), 'go')).toBe('1.25.0');
    expect(modulePath(parseGoMod('go 1.25.0\n'))).toBeNull();
  });
});
