import { beforeAll, describe, expect, it } from 'vitest';
import { AnchorNotFoundError, addCallArguments } from '../../../src/targets/go/edit/index.js';
import type { GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/app/ship_order_test.go';
const args = { callee: 'app.NewShipOrder', arity: 1, arguments: ['&stubEventPublisher{}', 'stubClock{}'] };
const add = (text: string) => addCallArguments(parser, { file, text }, args);
const test = (...calls: string[]) => go('package app_test', '', 'func TestShipOrder(t *testing.T) {', ...calls.map((call) => `\t${call}`), '}');

describe('addCallArguments', () => {
  it('appends the arguments to every call that passes the old count, and is idempotent', () => {
    const before = test('a := app.NewShipOrder(&fakeOrders{})', 'b := app.NewShipOrder(newFake(t))', '_, _ = a, b');
    const after = add(before);
    expect(after.text).toBe(test('a := app.NewShipOrder(&fakeOrders{}, &stubEventPublisher{}, stubClock{})', 'b := app.NewShipOrder(newFake(t), &stubEventPublisher{}, stubClock{})', '_, _ = a, b'));
    expectGofmtClean(after.text);
    expect(add(after.text)).toMatchObject({ changed: false, text: after.text });
  });

  it('leaves other callees alone and refuses a call it cannot follow, with the arguments to add by hand', () => {
    const other = test('_ = app.NewGetOrder(&fakeOrders{})', '_ = other.NewShipOrder(x)');
    expect(add(other).changed).toBe(false);
    const message = thrown(AnchorNotFoundError, () => add(test('_ = app.NewShipOrder(a, b)'))).message;
    expect(message).toContain('passes 2 arguments');
    expect(message).toContain('&stubEventPublisher{}, stubClock{}');
    expect(thrown(AnchorNotFoundError, () => add(test('_ = app.NewShipOrder(', '\t&fakeOrders{},', ')'))).message).toContain('several rows');
  });
});
