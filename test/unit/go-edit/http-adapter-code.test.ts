import { describe, expect, it } from 'vitest';
import { namesOf } from '../../../src/choices/naming.js';
import { UsageError } from '../../../src/errors.js';
import { httpAdapterCode } from '../../../src/targets/go/features/outbound/adapter-code.js';
import type { MethodSignature } from '../../../src/targets/go/inspect/syntax.js';

const method = (name: string, params: MethodSignature['params'], results: string[], qualifiers: string[] = ['context']): MethodSignature => ({
  name,
  params: [{ name: 'ctx', type: 'context.Context', variadic: false }, ...params],
  results,
  text: name,
  qualifiers,
});

const port = (...methods: MethodSignature[]) => ({
  name: namesOf('PaymentGateway'),
  methods,
  qualifiers: new Map([
    ['context', 'context'],
    ['domain', 'example.com/x/internal/domain'],
    ['time', 'time'],
  ]),
});

describe('the Go code of an http adapter', () => {
  it('keeps initialisms whole in exported fields and names JSON fields in snake_case', () => {
    const code = httpAdapterCode('example.com/x', port(method('Find', [{ name: 'id', type: 'string', variadic: false }, { name: 'customerURL', type: 'string', variadic: false }], ['domain.Order', 'error'], ['context', 'domain'])), false);
    expect(code.types).toContain('\tID          string `json:"id"`\n\tCustomerURL string `json:"customer_url"`\n');
    expect(code.types).toContain('type paymentGatewayFindAnswer struct {\n\tResult domain.Order `json:"result"`\n}');
    expect(code.imports).toContain('"example.com/x/internal/domain"');
    expect(code.imports).not.toContain('prometheus');
  });

  it('renames parameters that would shadow the names of the body, and names unnamed ones', () => {
    const code = httpAdapterCode('example.com/x', port(method('Pay', [{ name: 'err', type: 'int64', variadic: false }, { name: 'a', type: 'string', variadic: false }, { type: 'bool', variadic: false }], ['error'])), true);
    expect(code.methods).toContain('func (a *PaymentGateway) Pay(ctx context.Context, err2 int64, a2 string, arg3 bool) error {');
    expect(code.methods).toContain('paymentGatewayPayRequest{Err: err2, A: a2, Arg3: arg3}');
    expect(code.imports).toContain('"github.com/prometheus/client_golang/prometheus"');
  });

  it('sends a variadic parameter as a list and returns zero values beside the error', () => {
    const code = httpAdapterCode('example.com/x', port(method('Quote', [{ name: 'items', type: 'string', variadic: true }], ['int64', 'time.Duration', 'error'], ['context', 'time'])), false);
    expect(code.types).toContain('\tItems []string `json:"items"`');
    expect(code.methods).toContain('func (a *PaymentGateway) Quote(ctx context.Context, items ...string) (int64, time.Duration, error) {');
    expect(code.methods).toContain('\t\tvar zero1 int64\n\t\tvar zero2 time.Duration\n\t\treturn zero1, zero2, domainError("PaymentGateway.Quote", err)\n');
    expect(code.calls).toContain('_, _, err := a.Quote(ctx)');
  });

  it('refuses a method that cannot report a failed call', () => {
    expect(() => httpAdapterCode('example.com/x', port({ name: 'Now', params: [], results: ['int64'], text: 'Now() int64', qualifiers: [] }), false)).toThrow(UsageError);
  });
});
