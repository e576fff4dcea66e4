import { beforeAll, describe, expect, it } from 'vitest';
import { AnchorNotFoundError, EditError, GoParseError, InvalidSnippetError, addStructField } from '../../../src/targets/go/edit/index.js';
import type { GoParser } from '../../../src/targets/go/edit/index.js';
import { expectGofmtClean, expectParsesClean, go, goParser, thrown } from './helpers.js';

let parser: GoParser;
beforeAll(async () => {
  parser = await goParser();
});

const file = 'internal/app/app.go';
const payments = { struct: 'Ports', field: 'Payments port.PaymentGateway' };
const add = (text: string, args: Parameters<typeof addStructField>[2] = payments) => addStructField(parser, { file, text }, args);

describe('addStructField', () => {
  it('appends a field and realigns the types as gofmt does', () => {
    const before = go('package app', '', 'type Ports struct {', '\tOrders port.OrderRepository', '}');
    const result = add(before);
    expect(result.changed).toBe(true);
    expect(result.text).toBe(
      go('package app', '', 'type Ports struct {', '\tOrders   port.OrderRepository', '\tPayments port.PaymentGateway', '}'),
    );
    expectGofmtClean(result.text);
    expectParsesClean(parser, result.text);
  });

  it('is idempotent: a second run reports unchanged and returns the identical text', () => {
    const once = add(go('package app', '', 'type Ports struct {', '\tOrders port.OrderRepository', '}')).text;
    const twice = add(once);
    expect(twice.changed).toBe(false);
    expect(twice.text).toBe(once);
  });

  it('treats a field the user already has (any type, any position) as present', () => {
    const before = go('package app', '', 'type Ports struct {', '\tPayments stripe.Client // user chose this', '\tOrders   port.OrderRepository', '}');
    expect(add(before)).toEqual({ changed: false, text: before, summary: 'add field Payments to struct Ports' });
  });

  it('treats an embedded field with that type name as present', () => {
    const before = go('package app', '', 'type Ports struct {', '\t*port.Payments', '}');
    expect(add(before, { struct: 'Ports', field: 'port.Payments' }).changed).toBe(false);
  });

  it('keeps comments above, inside and trailing, blank lines and user fields byte for byte', () => {
    const before = go(
      'package app',
      '',
      '// Ports lists what the use cases need.',
      'type Ports struct {',
      '\t// Orders stores orders.',
      '\tOrders port.OrderRepository // primary store',
      '',
      '\t// user field',
      '\tClock func() time.Time',
      '}',
      '',
      'func helper() {}',
    );
    const result = add(before);
    expect(result.text).toBe(
      go(
        'package app',
        '',
        '// Ports lists what the use cases need.',
        'type Ports struct {',
        '\t// Orders stores orders.',
        '\tOrders port.OrderRepository // primary store',
        '',
        '\t// user field',
        '\tClock    func() time.Time',
        '\tPayments port.PaymentGateway',
        '}',
        '',
        'func helper() {}',
      ),
    );
    expectGofmtClean(result.text);
  });

  it('keeps trailing comments aligned when the new field joins their section', () => {
    const before = go('package app', '', 'type Ports struct {', '\tA    int    // a', '\tLong string // long', '}');
    const result = add(before, { struct: 'Ports', field: 'Payments port.PaymentGateway // pay' });
    expect(result.text).toBe(
      go(
        'package app',
        '',
        'type Ports struct {',
        '\tA        int                 // a',
        '\tLong     string              // long',
        '\tPayments port.PaymentGateway // pay',
        '}',
      ),
    );
    expectGofmtClean(result.text);
  });

  it('aligns tags like gofmt', () => {
    const before = go('package app', '', 'type Config struct {', '\tAddr string `env:"ADDR"`', '}');
    const result = add(before, { struct: 'Config', field: 'DatabaseURL string `env:"DATABASE_URL"`' });
    expect(result.text).toBe(
      go('package app', '', 'type Config struct {', '\tAddr        string `env:"ADDR"`', '\tDatabaseURL string `env:"DATABASE_URL"`', '}'),
    );
    expectGofmtClean(result.text);
  });

  it('leaves a user-formatted (not gofmt-aligned) section alone and only adds the row', () => {
    const before = go('package app', '', 'type Ports struct {', '\tA     int', '\tBb string', '}');
    const result = add(before);
    expect(result.text).toBe(go('package app', '', 'type Ports struct {', '\tA     int', '\tBb string', '\tPayments port.PaymentGateway', '}'));
  });

  it('opens up an empty struct{}', () => {
    const result = add(go('package app', '', 'type Ports struct{}'));
    expect(result.text).toBe(go('package app', '', 'type Ports struct {', '\tPayments port.PaymentGateway', '}'));
    expectGofmtClean(result.text);
  });

  it('expands a one-line struct', () => {
    const result = add(go('package app', '', 'type Ports struct{ A int }'));
    expect(result.text).toBe(go('package app', '', 'type Ports struct {', '\tA        int', '\tPayments port.PaymentGateway', '}'));
    expectGofmtClean(result.text);
  });

  it('expands a one-line struct with several fields and a block comment', () => {
    const result = add(go('package app', '', 'type Ports struct{ A int; B string /* b */ }'));
    expect(result.text).toBe(
      go('package app', '', 'type Ports struct {', '\tA        int', '\tB        string /* b */', '\tPayments port.PaymentGateway', '}'),
    );
    expectGofmtClean(result.text);
  });

  it('keeps the comment inside an otherwise empty struct', () => {
    const result = add(go('package app', '', 'type Ports struct {', '\t// add ports here', '}'));
    expect(result.text).toBe(go('package app', '', 'type Ports struct {', '\t// add ports here', '\tPayments port.PaymentGateway', '}'));
    expectGofmtClean(result.text);
  });

  it('keeps blank lines the user left before the closing brace above the new field', () => {
    const result = add(go('package app', '', 'type Ports struct {', '\tA int', '', '\t// trailing note', '}'));
    expect(result.text).toBe(go('package app', '', 'type Ports struct {', '\tA int', '', '\t// trailing note', '\tPayments port.PaymentGateway', '}'));
    expectGofmtClean(result.text);
  });

  it('moves a closing brace that shares the last field row', () => {
    const result = add(go('package app', '', 'type Ports struct {', '\tA int }'));
    expect(result.text).toBe(go('package app', '', 'type Ports struct {', '\tA        int', '\tPayments port.PaymentGateway', '}'));
    expectGofmtClean(result.text);
  });

  it('still aligns when a comment follows the opening brace', () => {
    const result = add(go('package app', '', 'type Ports struct { // outbound', '\tOrders port.OrderRepository', '}'));
    expect(result.text).toBe(go('package app', '', 'type Ports struct { // outbound', '\tOrders   port.OrderRepository', '\tPayments port.PaymentGateway', '}'));
    expectGofmtClean(result.text);
  });

  it('works in a grouped type declaration, indenting one level deeper', () => {
    const result = add(go('package app', '', 'type (', '\tPorts struct {', '\t\tA int', '\t}', ')'));
    expect(result.text).toBe(go('package app', '', 'type (', '\tPorts struct {', '\t\tA        int', '\t\tPayments port.PaymentGateway', '\t}', ')'));
    expectGofmtClean(result.text);
  });

  it('indents a multi-line field type and starts a new alignment section after it', () => {
    const result = add(go('package app', '', 'type Ports struct {', '\tA int', '}'), {
      struct: 'Ports',
      field: 'Limits struct {\n\tMax int\n}',
    });
    expect(result.text).toBe(go('package app', '', 'type Ports struct {', '\tA      int', '\tLimits struct {', '\t\tMax int', '\t}', '}'));
    expectGofmtClean(result.text);
  });

  it('finds the struct after reordered declarations and helper functions', () => {
    const before = go('package app', '', 'func helper() int { return 1 }', '', 'var x = 1', '', 'type Ports struct {', '\tA int', '}');
    expect(add(before).text).toContain('\tPayments port.PaymentGateway\n}');
  });

  it('throws AnchorNotFoundError with the snippet when the struct was renamed', () => {
    const error = thrown(AnchorNotFoundError, () => add(go('package app', '', 'type Deps struct {', '\tA int', '}')));
    expect(error.problem).toBe('missing');
    expect(error.file).toBe(file);
    expect(error.manualSnippet).toBe('Payments port.PaymentGateway');
    expect(error.where).toBe('inside `type Ports struct { … }` in internal/app/app.go');
    expect(error.message).toContain('\tPayments port.PaymentGateway');
    expect(error).toBeInstanceOf(EditError);
    expect(error.exitCode).toBe(1);
  });

  it('throws AnchorNotFoundError when the type is no longer a struct', () => {
    const error = thrown(AnchorNotFoundError, () => add(go('package app', '', 'type Ports = map[string]any')));
    expect(error.problem).toBe('wrong-kind');
  });

  it('ignores a struct of that name declared inside a function', () => {
    const before = go('package app', '', 'func f() {', '\ttype Ports struct{}', '\t_ = Ports{}', '}');
    expect(thrown(AnchorNotFoundError, () => add(before)).problem).toBe('missing');
  });

  it('refuses unparsable input with GoParseError at line:column', () => {
    const error = thrown(GoParseError, () => add(go('package app', '', 'type Ports struct {', '\tA int', '', 'func (')));
    expect(error.file).toBe(file);
    expect(error.line).toBeGreaterThanOrEqual(3);
    expect(error.message).toContain(`${file}:${error.line}:${error.column}`);
  });

  it('rejects a field snippet that is not one valid field', () => {
    const before = go('package app', '', 'type Ports struct{}');
    thrown(InvalidSnippetError, () => add(before, { struct: 'Ports', field: 'Payments port.PaymentGateway; Other int' }));
    thrown(InvalidSnippetError, () => add(before, { struct: 'Ports', field: 'Payments (' }));
    thrown(InvalidSnippetError, () => add(before, { struct: 'Ports', field: 'Payments int', name: 'Other' }));
  });
});
