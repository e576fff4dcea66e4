import { beforeAll, describe, expect, it } from 'vitest';
import { AnchorNotFoundError, addStatement } from '../../../src/targets/go/edit/index.js';
import type { AddStatementArgs, GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/bootstrap/bootstrap.go';
const bind: AddStatementArgs = { func: 'Run', statement: 'ln, err := listen()', position: 'after-declaration', declaration: 'fail', paragraph: true };
const check: AddStatementArgs = { func: 'Run', statement: 'if err != nil {\n\treturn fail(err)\n}', position: 'after-declaration', declaration: 'ln' };
const add = (text: string, args: AddStatementArgs) => addStatement(parser, { file, text }, args).text;
const run = (...body: string[]) => go('package bootstrap', '', 'func Run() error {', ...body, '}');
const base = run('\tfail := func(err error) error { return err }', '', '\tdb, err := open()', '\tif err != nil {', '\t\treturn fail(err)', '\t}', '\treturn use(db)');

describe('addStatement after-declaration', () => {
  it('goes right below the declaration, as a paragraph, and a common check follows its own declaration', () => {
    const result = add(add(base, bind), check);
    expect(result).toBe(
      run('\tfail := func(err error) error { return err }', '', '\tln, err := listen()', '\tif err != nil {', '\t\treturn fail(err)', '\t}', '', '\tdb, err := open()', '\tif err != nil {', '\t\treturn fail(err)', '\t}', '\treturn use(db)'),
    );
    expectGofmtClean(result);
  });

  it('is idempotent: the check is done where it belongs, though the same check exists elsewhere', () => {
    const once = add(add(base, bind), check);
    expect(addStatement(parser, { file, text: once }, bind)).toMatchObject({ changed: false, text: once });
    expect(addStatement(parser, { file, text: once }, check)).toMatchObject({ changed: false, text: once });
  });

  it('refuses a body that does not declare the name', () => {
    expect(thrown(AnchorNotFoundError, () => add(base, { ...bind, declaration: 'missing' })).message).toContain('declares no missing');
  });
});
