import { beforeAll, describe, expect, it } from 'vitest';
import { AnchorNotFoundError, addStatement } from '../../../src/targets/go/edit/index.js';
import type { AddStatementArgs, GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, expectParsesClean, go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/bootstrap/ports.go';
const open: AddStatementArgs = { func: 'newPorts', statement: 'db := open()', position: 'before-literal', literal: 'app.Ports', paragraph: true };
const use: AddStatementArgs = { ...open, statement: 'register(db)', paragraph: false };
const add = (text: string, args: AddStatementArgs = open) => addStatement(parser, { file, text }, args).text;
const ports = (...body: string[]) => go('package bootstrap', '', 'func newPorts() (app.Ports, error) {', ...body, '}');

describe('addStatement before-literal', () => {
  it('gives the bytes of before-return when the literal is in the final return', () => {
    const text = ports('\treturn app.Ports{', '\t\tOrders: memory.NewOrderRepository(),', '\t}, nil');
    const viaLiteral = add(add(text), use);
    const viaReturn = add(add(text, { ...open, position: 'before-return' }), { ...use, position: 'before-return' });
    expect(viaLiteral).toBe(viaReturn);
    expect(viaLiteral).toBe(ports('\tdb := open()', '\tregister(db)', '', '\treturn app.Ports{', '\t\tOrders: memory.NewOrderRepository(),', '\t}, nil'));
    expectGofmtClean(viaLiteral);
  });

  it('goes above `ports := app.Ports{…}`, not above the return that follows it', () => {
    const text = ports('\tports := app.Ports{', '\t\tOrders: memory.NewOrderRepository(),', '\t}', '\treturn ports, nil');
    const result = add(add(text), use);
    expect(result).toBe(ports('\tdb := open()', '\tregister(db)', '', '\tports := app.Ports{', '\t\tOrders: memory.NewOrderRepository(),', '\t}', '\treturn ports, nil'));
    expectGofmtClean(result);
    expectParsesClean(parser, result);
  });

  it('finds `var ports = &app.Ports{…}`, a literal inside a helper call, and one inside a nested block', () => {
    const variable = ports('\tclock := system.Clock{}', '\tvar ports = &app.Ports{Clock: clock}', '\treturn *ports, nil');
    expect(add(variable)).toBe(ports('\tclock := system.Clock{}', '', '\tdb := open()', '', '\tvar ports = &app.Ports{Clock: clock}', '\treturn *ports, nil'));
    const wrapped = ports('\treturn withDefaults(app.Ports{Clock: system.Clock{}}), nil');
    expect(add(wrapped)).toBe(ports('\tdb := open()', '', '\treturn withDefaults(app.Ports{Clock: system.Clock{}}), nil'));
    const nested = ports('\tif debug {', '\t\treturn app.Ports{Clock: fake{}}, nil', '\t}', '\treturn app.Ports{}, errNoPorts');
    expect(add(nested)).toBe(ports('\tdb := open()', '', '\tif debug {', '\t\treturn app.Ports{Clock: fake{}}, nil', '\t}', '\treturn app.Ports{}, errNoPorts'));
  });

  it('ignores the zero values returned beside an error, such as those the wiring itself adds', () => {
    const text = ports(
      '\tdb, err := open()',
      '\tif err != nil {',
      '\t\treturn app.Ports{}, err',
      '\t}',
      '',
      '\tports := app.Ports{Orders: repo(db)}',
      '\treturn ports, nil',
    );
    expect(add(text, { ...open, statement: 'rdb := dial()' })).toContain('\t}\n\n\trdb := dial()\n\n\tports := app.Ports{Orders: repo(db)}\n');
  });

  it('is idempotent like every statement edit', () => {
    const once = add(ports('\tports := app.Ports{}', '\treturn ports, nil'));
    expect(addStatement(parser, { file, text: once }, open)).toMatchObject({ changed: false, text: once });
  });

  it('refuses a function without the literal, or with two, giving the statement to add by hand', () => {
    const none = thrown(AnchorNotFoundError, () => add(ports('\tvar ports app.Ports', '\treturn ports, nil')));
    expect(none.problem).toBe('missing');
    expect(none.manualSnippet).toBe('db := open()');
    const two = thrown(AnchorNotFoundError, () => add(ports('\tif debug {', '\t\treturn app.Ports{Clock: fake{}}, nil', '\t}', '\treturn app.Ports{Clock: real{}}, nil')));
    expect(two.problem).toBe('ambiguous');
  });
});
