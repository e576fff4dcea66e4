import { beforeAll, describe, expect, it } from 'vitest';
import { AnchorNotFoundError, GoParseError, InvalidSnippetError, addInterfaceMethod } from '../../../src/targets/go/edit/index.js';
import type { AddInterfaceMethodArgs, GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, expectParsesClean, go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/port/orders.go';
const del: AddInterfaceMethodArgs = { iface: 'OrderRepository', spec: 'Delete(ctx context.Context, id domain.OrderID) error' };
const add = (text: string, args: AddInterfaceMethodArgs = del) => addInterfaceMethod(parser, { file, text }, args);
const repo = (...rows: string[]) => go('package port', '', '// OrderRepository stores orders.', 'type OrderRepository interface {', ...rows, '}');

describe('addInterfaceMethod', () => {
  it('appends a method', () => {
    const result = add(repo('\tSave(ctx context.Context, o domain.Order) error'));
    expect(result.changed).toBe(true);
    expect(result.text).toBe(repo('\tSave(ctx context.Context, o domain.Order) error', '\tDelete(ctx context.Context, id domain.OrderID) error'));
    expectGofmtClean(result.text);
    expectParsesClean(parser, result.text);
  });

  it('is idempotent, also when the user changed the signature', () => {
    const once = add(repo('\tSave(ctx context.Context, o domain.Order) error')).text;
    expect(add(once)).toMatchObject({ changed: false, text: once });
    const mine = repo('\tDelete(ctx context.Context, id string) (bool, error) // soft delete');
    expect(add(mine)).toMatchObject({ changed: false, text: mine });
  });

  it('keeps doc comments, trailing comments and blank lines; realigns trailing comments', () => {
    const before = repo('\t// Save stores.', '\tSave(ctx context.Context) error // idempotent', '\tGet(ctx context.Context) error  // by id', '', '\t// user method', '\tCount() int');
    const result = add(before, { iface: 'OrderRepository', spec: 'Delete(ctx context.Context) error // hard' });
    expect(result.text).toBe(
      repo(
        '\t// Save stores.',
        '\tSave(ctx context.Context) error // idempotent',
        '\tGet(ctx context.Context) error  // by id',
        '',
        '\t// user method',
        '\tCount() int',
        '\tDelete(ctx context.Context) error // hard',
      ),
    );
    expectGofmtClean(result.text);
  });

  it('adds a method with its doc comment', () => {
    const result = add(repo('\tSave() error'), { iface: 'OrderRepository', spec: '// Delete removes.\nDelete() error' });
    expect(result.text).toBe(repo('\tSave() error', '\t// Delete removes.', '\tDelete() error'));
    expectGofmtClean(result.text);
  });

  it('opens up interface{} and expands a one-line interface', () => {
    const empty = add(go('package port', '', 'type OrderRepository interface{}'));
    expect(empty.text).toBe(go('package port', '', 'type OrderRepository interface {', '\tDelete(ctx context.Context, id domain.OrderID) error', '}'));
    expectGofmtClean(empty.text);
    const oneLine = add(go('package port', '', 'type OrderRepository interface{ Save() error }'));
    expect(oneLine.text).toBe(
      go('package port', '', 'type OrderRepository interface {', '\tSave() error', '\tDelete(ctx context.Context, id domain.OrderID) error', '}'),
    );
    expectGofmtClean(oneLine.text);
  });

  it('keeps the comment inside an empty interface', () => {
    const result = add(repo('\t// nothing yet'));
    expect(result.text).toBe(repo('\t// nothing yet', '\tDelete(ctx context.Context, id domain.OrderID) error'));
  });

  it('adds an embedded interface and recognises it afterwards', () => {
    const args = { iface: 'OrderRepository', spec: 'io.Closer' };
    const once = add(repo('\tSave() error'), args);
    expect(once.text).toBe(repo('\tSave() error', '\tio.Closer'));
    expect(add(once.text, args).changed).toBe(false);
  });

  it('throws AnchorNotFoundError with the method when the interface is gone or not an interface', () => {
    const missing = thrown(AnchorNotFoundError, () => add(go('package port', '', 'type Orders interface{}')));
    expect(missing.manualSnippet).toBe('Delete(ctx context.Context, id domain.OrderID) error');
    expect(missing.where).toBe('inside `type OrderRepository interface { … }` in internal/port/orders.go');
    const struct = thrown(AnchorNotFoundError, () => add(go('package port', '', 'type OrderRepository struct{}')));
    expect(struct.problem).toBe('wrong-kind');
  });

  it('refuses unparsable input and invalid specs', () => {
    thrown(GoParseError, () => add(repo('\tSave(')));
    thrown(InvalidSnippetError, () => add(repo(), { iface: 'OrderRepository', spec: 'Delete() error; Other()' }));
    thrown(InvalidSnippetError, () => add(repo(), { iface: 'OrderRepository', spec: 'Delete() error', name: 'Remove' }));
  });
});
