import { beforeAll, describe, expect, it } from 'vitest';
import { AnchorNotFoundError, InvalidSnippetError, applyGoEdits, keyedValue, setKeyedValue } from '../../../src/targets/go/edit/index.js';
import type { GoParser, SetKeyedValueArgs } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/bootstrap/adapters.go';
const toPostgres: SetKeyedValueArgs = {
  func: 'newPorts',
  type: 'app.Ports',
  key: 'Orders',
  value: 'postgres.NewOrderRepository(pool)',
  replace: 'memory.NewOrderRepository()',
};
const set = (text: string, args: SetKeyedValueArgs = toPostgres) => setKeyedValue(parser, { file, text }, args);
const ports = (...elements: string[]) =>
  go('package bootstrap', '', 'func newPorts() (app.Ports, error) {', '\treturn app.Ports{', ...elements, '\t}, nil', '}');

describe('setKeyedValue', () => {
  it('replaces the value of a key and keeps the alignment gofmt wants', () => {
    const before = ports('\t\tOrders: memory.NewOrderRepository(),', '\t\tClock:  system.Clock{},');
    const result = set(before);
    expect(result.changed).toBe(true);
    expect(result.text).toBe(ports('\t\tOrders: postgres.NewOrderRepository(pool),', '\t\tClock:  system.Clock{},'));
    expectGofmtClean(result.text);
  });

  it('is idempotent', () => {
    const once = set(ports('\t\tOrders: memory.NewOrderRepository(),')).text;
    expect(set(once)).toMatchObject({ changed: false, text: once });
  });

  it('replaces an expression nested inside the value (a decorator around the default)', () => {
    const before = ports('\t\tOrders: redis.NewOrderCache(memory.NewOrderRepository(), rdb), // cached');
    const result = set(before);
    expect(result.text).toBe(ports('\t\tOrders: redis.NewOrderCache(postgres.NewOrderRepository(pool), rdb), // cached'));
    expectGofmtClean(result.text);
  });

  it('wraps the current value, using keyedValue to read it', () => {
    const before = ports('\t\tOrders: postgres.NewOrderRepository(pool),', '\t\tIDs:    ids,');
    const current = keyedValue(parser, { file, text: before }, toPostgres);
    expect(current).toBe('postgres.NewOrderRepository(pool)');
    const result = set(before, { ...toPostgres, value: `redis.NewOrderCache(${current}, rdb)`, replace: current ?? '' });
    expect(result.text).toBe(ports('\t\tOrders: redis.NewOrderCache(postgres.NewOrderRepository(pool), rdb),', '\t\tIDs:    ids,'));
    expectGofmtClean(result.text);
  });

  it('refuses to overwrite a value the user chose, naming the line to write by hand', () => {
    const before = ports('\t\tOrders: mystore.New(),');
    const error = thrown(AnchorNotFoundError, () => set(before));
    expect(error.manualSnippet).toBe('Orders: postgres.NewOrderRepository(pool),');
    expect(error.message).toContain('mystore.New()');
  });

  it('refuses when the key or the literal is missing', () => {
    thrown(AnchorNotFoundError, () => set(ports('\t\tClock: system.Clock{},')));
    thrown(AnchorNotFoundError, () => set(go('package bootstrap', '', 'func other() {}')));
  });

  it('keeps comments, CRLF and non-ASCII text of the user', () => {
    const before = ports('\t\t// Bestellungen – größer als gedacht', '\t\tOrders: memory.NewOrderRepository(), // ünïcode').split('\n').join('\r\n');
    const result = set(before);
    expect(result.text).toBe(
      ports('\t\t// Bestellungen – größer als gedacht', '\t\tOrders: postgres.NewOrderRepository(pool), // ünïcode').split('\n').join('\r\n'),
    );
  });

  it('refuses a multi-line value', () => {
    thrown(InvalidSnippetError, () => set(ports('\t\tOrders: memory.NewOrderRepository(),'), { ...toPostgres, value: 'f(\n)' }));
  });

  it('runs inside a batch', () => {
    const outcome = applyGoEdits(parser, { file, text: ports('\t\tOrders: memory.NewOrderRepository(),') }, [{ kind: 'set-keyed-value', ...toPostgres }]);
    expect(outcome.changed).toBe(true);
    expect(outcome.steps[0]?.summary).toContain('set Orders');
  });
});

describe('literals in functions with error paths', () => {
  const withErrorPaths = (...elements: string[]) =>
    go(
      'package bootstrap',
      '',
      'func newPorts() (app.Ports, error) {',
      '\tdb, err := postgres.Open()',
      '\tif err != nil {',
      '\t\treturn app.Ports{}, fmt.Errorf("postgres: %w", err)',
      '\t}',
      '\treturn app.Ports{',
      ...elements,
      '\t}, nil',
      '}',
    );

  it('ignores the zero values returned beside an error', () => {
    const result = set(withErrorPaths('\t\tOrders: memory.NewOrderRepository(),'));
    expect(result.text).toBe(withErrorPaths('\t\tOrders: postgres.NewOrderRepository(pool),'));
  });

  it('lets addKeyedElement open up the empty literal of `return app.Ports{}, nil`', () => {
    const before = go(
      'package bootstrap',
      '',
      'func newPorts() (app.Ports, error) {',
      '\tif err := check(); err != nil {',
      '\t\treturn app.Ports{}, err',
      '\t}',
      '\treturn app.Ports{}, nil',
      '}',
    );
    const outcome = applyGoEdits(parser, { file, text: before }, [
      { kind: 'keyed-element', func: 'newPorts', type: 'app.Ports', key: 'Payments', value: 'memory.NewPaymentGateway()' },
    ]);
    expect(outcome.after).toBe(
      go(
        'package bootstrap',
        '',
        'func newPorts() (app.Ports, error) {',
        '\tif err := check(); err != nil {',
        '\t\treturn app.Ports{}, err',
        '\t}',
        '\treturn app.Ports{',
        '\t\tPayments: memory.NewPaymentGateway(),',
        '\t}, nil',
        '}',
      ),
    );
    expectGofmtClean(outcome.after);
  });
});

describe('addStatement with paragraph', () => {
  const newPorts = (...body: string[]) => go('package bootstrap', '', 'func newPorts() (app.Ports, error) {', ...body, '}');
  const statement = (text: string, paragraph = false) =>
    ({ kind: 'statement', func: 'newPorts', statement: text, position: 'before-return', ...(paragraph ? { paragraph } : {}) }) as const;

  it('separates each group of statements by a blank row, and the return from them', () => {
    const before = newPorts('\treturn app.Ports{}, nil');
    const outcome = applyGoEdits(parser, { file, text: before }, [
      statement('db, err := open()', true),
      statement('if err != nil {\n\treturn app.Ports{}, err\n}'),
      statement('rdb, err := dial()', true),
      statement('use(rdb)'),
    ]);
    expect(outcome.after).toBe(
      newPorts(
        '\tdb, err := open()',
        '\tif err != nil {',
        '\t\treturn app.Ports{}, err',
        '\t}',
        '',
        '\trdb, err := dial()',
        '\tuse(rdb)',
        '',
        '\treturn app.Ports{}, nil',
      ),
    );
    expectGofmtClean(outcome.after);
    expect(applyGoEdits(parser, { file, text: outcome.after }, [statement('db, err := open()', true)]).changed).toBe(false);
  });

  it('adds a blank row above when the user has statements there without one before the return', () => {
    const outcome = applyGoEdits(parser, { file, text: newPorts('\tx := 1', '\t_ = x', '\treturn app.Ports{}, nil') }, [statement('db, err := open()', true)]);
    expect(outcome.after).toBe(newPorts('\tx := 1', '\t_ = x', '', '\tdb, err := open()', '', '\treturn app.Ports{}, nil'));
    expectGofmtClean(outcome.after);
  });
});
