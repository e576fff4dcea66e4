import { describe, expect, it } from 'vitest';
import { adapterCommand, ADAPTER_KINDS, defaultBaseUrlEnv, parseAdapterKind, parseAdapterRequest } from '../../../src/choices/adapter-kind.js';
import { resolveHttpAdapterPort } from '../../../src/choices/adapter-target.js';
import { UsageError } from '../../../src/errors.js';

describe('svc add adapter kinds and flags', () => {
  it('takes the datastores, the brokers and http, nothing else', () => {
    expect(ADAPTER_KINDS).toEqual(['memory', 'postgres', 'mysql', 'sqlite', 'redis', 'nats', 'kafka', 'rabbitmq', 'http']);
    expect(parseAdapterKind('http')).toBe('http');
    expect(() => parseAdapterKind('grpc')).toThrow(UsageError);
  });

  it('names the base URL env var after the port unless told', () => {
    expect(defaultBaseUrlEnv('PaymentGateway')).toBe('PAYMENT_GATEWAY_URL');
    expect(parseAdapterRequest('http', { for: 'PaymentGateway' })).toEqual({ kind: 'http', port: 'PaymentGateway', baseUrlEnv: 'PAYMENT_GATEWAY_URL' });
    expect(parseAdapterRequest('http', { for: 'PaymentGateway', baseUrlEnv: 'PAYMENTS_URL' }).baseUrlEnv).toBe('PAYMENTS_URL');
    expect(parseAdapterRequest('postgres', {})).toEqual({ kind: 'postgres', port: undefined, baseUrlEnv: undefined });
  });

  it('refuses http without --for, --base-url-env on another kind, and names that are no env var', () => {
    expect(() => parseAdapterRequest('http', {})).toThrow(/needs the port/);
    expect(() => parseAdapterRequest('postgres', { baseUrlEnv: 'X_URL' })).toThrow(/applies only to svc add adapter http/);
    expect(() => parseAdapterRequest('memory', { for: 'PaymentGateway', baseUrlEnv: 'X_URL' })).toThrow(UsageError);
    for (const bad of ['payments_url', '1URL', 'PAY-URL', '', 'PAY URL']) {
      expect(() => parseAdapterRequest('http', { for: 'PaymentGateway', baseUrlEnv: bad }), bad).toThrow(/not an environment variable name/);
    }
    try {
      parseAdapterRequest('http', {});
    } catch (error) {
      expect((error as UsageError).exitCode).toBe(2);
    }
  });

  it('takes a broker without --for: it implements the one event publisher port', () => {
    expect(parseAdapterRequest('nats', {})).toEqual({ kind: 'nats', port: undefined, baseUrlEnv: undefined });
    expect(parseAdapterRequest('kafka', {})).toEqual({ kind: 'kafka', port: undefined, baseUrlEnv: undefined });
    expect(() => parseAdapterRequest('rabbitmq', { for: 'OrderRepository' })).toThrow(/--for applies to datastores and http, not to rabbitmq/);
    expect(() => parseAdapterRequest('nats', { for: 'OrderRepository' })).toThrow(/--for applies to datastores and http, not to nats/);
    expect(() => parseAdapterRequest('nats', { baseUrlEnv: 'X_URL' })).toThrow(/applies only to svc add adapter http/);
  });

  it('records --base-url-env in the history only when given', () => {
    expect(adapterCommand('http', 'PaymentGateway')).toBe('add adapter http --for PaymentGateway');
    expect(adapterCommand('http', 'PaymentGateway', 'PAYMENTS_URL')).toBe('add adapter http --for PaymentGateway --base-url-env PAYMENTS_URL');
    expect(adapterCommand('postgres', undefined)).toBe('add adapter postgres');
  });

  it('lets http serve any declared port and refuses one that is not there', () => {
    const ports = new Set(['OrderRepository', 'PaymentGateway']);
    expect(resolveHttpAdapterPort('PaymentGateway', ports, { portDir: 'internal/port' })).toBe('PaymentGateway');
    expect(() => resolveHttpAdapterPort('Ledger', ports, { portDir: 'internal/port' })).toThrow(/there is no port "Ledger" in internal\/port \(ports: OrderRepository, PaymentGateway\)/);
  });
});
