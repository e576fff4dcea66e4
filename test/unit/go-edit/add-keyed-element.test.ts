import { beforeAll, describe, expect, it } from 'vitest';
import { AnchorNotFoundError, GoParseError, InvalidSnippetError, addKeyedElement } from '../../../src/targets/go/edit/index.js';
import type { AddKeyedElementArgs, GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, expectParsesClean, go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/app/app.go';
const createOrder: AddKeyedElementArgs = { func: 'New', type: 'App', key: 'CreateOrder', value: 'NewCreateOrder(p.Orders)' };
const add = (text: string, args: AddKeyedElementArgs = createOrder) => addKeyedElement(parser, { file, text }, args);
const newFunc = (...body: string[]) => go('package app', '', 'func New(p Ports) *App {', ...body, '}');

describe('addKeyedElement', () => {
  it('adds key: value to &App{…} and aligns the values as gofmt does', () => {
    const result = add(newFunc('\treturn &App{', '\t\tGetOrder: NewGetOrder(p.Orders),', '\t}'));
    expect(result.changed).toBe(true);
    expect(result.text).toBe(
      newFunc('\treturn &App{', '\t\tGetOrder:    NewGetOrder(p.Orders),', '\t\tCreateOrder: NewCreateOrder(p.Orders),', '\t}'),
    );
    expectGofmtClean(result.text);
  });

  it('is idempotent, whatever value the user gave the key', () => {
    const once = add(newFunc('\treturn &App{', '\t\tGetOrder: NewGetOrder(p.Orders),', '\t}')).text;
    expect(add(once)).toMatchObject({ changed: false, text: once });
    const userValue = newFunc('\treturn &App{', '\t\tCreateOrder: wrapped(NewCreateOrder(p.Orders)), // mine', '\t}');
    expect(add(userValue)).toMatchObject({ changed: false, text: userValue });
  });

  it('opens up an empty literal &App{}', () => {
    const result = add(newFunc('\treturn &App{}'));
    expect(result.text).toBe(newFunc('\treturn &App{', '\t\tCreateOrder: NewCreateOrder(p.Orders),', '\t}'));
    expectGofmtClean(result.text);
  });

  it('expands a one-line literal into one element per row', () => {
    const result = add(newFunc('\tapp := App{GetOrder: g}', '\treturn &app'));
    expect(result.text).toBe(
      newFunc('\tapp := App{', '\t\tGetOrder:    g,', '\t\tCreateOrder: NewCreateOrder(p.Orders),', '\t}', '\treturn &app'),
    );
    expectGofmtClean(result.text);
  });

  it('keeps a trailing comment after the last element, and comments inside', () => {
    const before = newFunc('\treturn &App{', '\t\t// queries', '\t\tGetOrder: NewGetOrder(p.Orders), // read side', '\t}');
    const result = add(before);
    expect(result.text).toBe(
      newFunc(
        '\treturn &App{',
        '\t\t// queries',
        '\t\tGetOrder:    NewGetOrder(p.Orders), // read side',
        '\t\tCreateOrder: NewCreateOrder(p.Orders),',
        '\t}',
      ),
    );
    expectGofmtClean(result.text);
  });

  it('keeps the comment of an otherwise empty literal', () => {
    const result = add(newFunc('\treturn &App{', '\t\t// use cases go here', '\t}'));
    expect(result.text).toBe(newFunc('\treturn &App{', '\t\t// use cases go here', '\t\tCreateOrder: NewCreateOrder(p.Orders),', '\t}'));
    expectGofmtClean(result.text);
  });

  it('adds the missing comma when the closing brace shares the last element row', () => {
    const result = add(newFunc('\treturn &App{', '\t\tGetOrder: g}'));
    expect(result.text).toBe(newFunc('\treturn &App{', '\t\tGetOrder:    g,', '\t\tCreateOrder: NewCreateOrder(p.Orders),', '\t}'));
    expectGofmtClean(result.text);
  });

  it('keeps user statements, blank lines and other literals around it', () => {
    const before = newFunc(
      '\tlogger := slog.Default()',
      '',
      '\t// the app',
      '\tapp := &App{',
      '\t\tlog: logger,',
      '\t}',
      '\tother := Other{A: 1}',
      '\t_ = other',
      '\treturn app',
    );
    const result = add(before);
    expect(result.text).toBe(
      newFunc(
        '\tlogger := slog.Default()',
        '',
        '\t// the app',
        '\tapp := &App{',
        '\t\tlog:         logger,',
        '\t\tCreateOrder: NewCreateOrder(p.Orders),',
        '\t}',
        '\tother := Other{A: 1}',
        '\t_ = other',
        '\treturn app',
      ),
    );
    expectGofmtClean(result.text);
  });

  it('matches a qualified literal type and works inside a method', () => {
    const before = go('package bootstrap', '', 'func (b *Builder) ports() app.Ports {', '\treturn app.Ports{', '\t\tOrders: b.orders,', '\t}', '}');
    const result = addKeyedElement(parser, { file, text: before }, { func: 'Builder.ports', type: 'app.Ports', key: 'Payments', value: 'b.payments' });
    expect(result.text).toBe(
      go('package bootstrap', '', 'func (b *Builder) ports() app.Ports {', '\treturn app.Ports{', '\t\tOrders:   b.orders,', '\t\tPayments: b.payments,', '\t}', '}'),
    );
    expectGofmtClean(result.text);
  });

  it('indents a multi-line value and keeps alignment sections as gofmt does', () => {
    const result = add(newFunc('\treturn &App{', '\t\tA: a,', '\t}'), {
      func: 'New',
      type: 'App',
      key: 'Hook',
      value: 'func() error {\n\treturn nil\n}',
    });
    expect(result.text).toBe(newFunc('\treturn &App{', '\t\tA: a,', '\t\tHook: func() error {', '\t\t\treturn nil', '\t\t},', '\t}'));
    expectGofmtClean(result.text);
  });

  it('follows gofmt when a much longer key breaks the alignment', () => {
    const result = add(newFunc('\treturn &App{', '\t\tA: a,', '\t\tB: b,', '\t}'), {
      func: 'New',
      type: 'App',
      key: 'AVeryVeryLongKeyNameThatIsLongerThanFortyCharacters',
      value: 'x',
    });
    expectGofmtClean(result.text);
    expect(result.text).toContain('\t\tA: a,\n\t\tB: b,\n');
  });

  it('throws AnchorNotFoundError with the element to add when the function is gone', () => {
    const error = thrown(AnchorNotFoundError, () => add(go('package app', '', 'func Build() *App { return &App{} }')));
    expect(error.problem).toBe('missing');
    expect(error.manualSnippet).toBe('CreateOrder: NewCreateOrder(p.Orders),');
    expect(error.where).toBe('in the App{…} literal inside func New in internal/app/app.go');
  });

  it('throws AnchorNotFoundError when the function no longer builds the literal', () => {
    const error = thrown(AnchorNotFoundError, () => add(newFunc('\treturn newApp(p)')));
    expect(error.problem).toBe('missing');
    expect(error.message).toContain('cannot find a App{…} literal inside func New');
  });

  it('refuses to guess between two literals of the type', () => {
    const error = thrown(AnchorNotFoundError, () => add(newFunc('\tif p.X {', '\t\treturn &App{}', '\t}', '\treturn &App{}')));
    expect(error.problem).toBe('ambiguous');
  });

  it('refuses a positional literal', () => {
    expect(thrown(AnchorNotFoundError, () => add(newFunc('\treturn &App{a, b}'))).problem).toBe('wrong-kind');
  });

  it('refuses unparsable input and invalid snippets', () => {
    thrown(GoParseError, () => add(newFunc('\treturn &App{')));
    thrown(InvalidSnippetError, () => add(newFunc('\treturn &App{}'), { ...createOrder, value: 'a, B: b' }));
    thrown(InvalidSnippetError, () => add(newFunc('\treturn &App{}'), { ...createOrder, value: 'f(' }));
  });

  it('produces output that re-parses cleanly', () => {
    expectParsesClean(parser, add(newFunc('\treturn &App{}')).text);
  });
});
