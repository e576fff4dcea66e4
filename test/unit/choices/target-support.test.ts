import { afterEach, describe, expect, it } from 'vitest';
import { UNSUPPORTED_CHOICES, type UnsupportedChoice } from '../../../src/choices/catalog.js';
import { resolveSpec } from '../../../src/choices/resolve-spec.js';
import { offers, offersValue, parseTransportToAdd, refuseUnsupported } from '../../../src/choices/target-support.js';
import { exitCodeOf, UsageError } from '../../../src/errors.js';

const original = UNSUPPORTED_CHOICES.ts;
afterEach(() => {
  UNSUPPORTED_CHOICES.ts = original;
});

/** Adds one catalog entry for ts, as a target lacking a new value would. */
function refuseForTs(entry: UnsupportedChoice): void {
  UNSUPPORTED_CHOICES.ts = [...original, entry];
}

describe('choices a target does not offer, from the catalog', () => {
  it('refuses a value the target lacks with one catalog entry: exit 2, naming the target and the value', () => {
    refuseForTs({ flag: 'datastore', values: ['redis'], why: 'no Redis cache for TypeScript yet' });
    const resolve = () => resolveSpec({ directory: 'orders', lang: 'ts', datastore: ['postgres,redis'] }, '/work');
    expect(resolve).toThrow(UsageError);
    expect(resolve).toThrow('--datastore redis does not apply to --lang ts: --datastore redis (no Redis cache for TypeScript yet)');
    let code = 0;
    try {
      resolve();
    } catch (error) {
      code = exitCodeOf(error);
    }
    expect(code).toBe(2);
  });

  it('lets the values the target offers through, and leaves the other target alone', () => {
    refuseForTs({ flag: 'datastore', values: ['redis'], why: 'no Redis cache for TypeScript yet' });
    expect(resolveSpec({ directory: 'orders', lang: 'ts', datastore: ['postgres'] }, '/work').choices.datastore).toEqual(['postgres']);
    expect(resolveSpec({ directory: 'orders', lang: 'go', datastore: ['redis'] }, '/work').choices.datastore).toEqual(['redis']);
  });

  it('names every refused choice in one message', () => {
    expect(() => refuseUnsupported({ lang: 'ts', module: 'example.com/orders', logger: 'zap' }, 'ts')).toThrow(
      /^--module and --logger do not apply to --lang ts: --module \(the Go module path; .*\); --logger \(ts services always log with pino/,
    );
  });

  it('a flag with no value offered does not apply: the target neither asks it nor records it', () => {
    expect(offers('ts', 'logger')).toBe(false);
    expect(offers('ts', 'module')).toBe(false);
    expect(offers('go', 'logger')).toBe(true);
    refuseForTs({ flag: 'datastore', values: ['redis'], why: 'not yet' });
    expect(offers('ts', 'datastore')).toBe(true);
  });

  it('both targets offer every datastore, sqlite included, alone or with redis', () => {
    for (const lang of ['go', 'ts'] as const) {
      for (const store of ['memory', 'postgres', 'mysql', 'sqlite', 'redis']) expect(offersValue(lang, 'datastore', store)).toBe(true);
      expect(resolveSpec({ directory: 'orders', lang, datastore: ['sqlite,redis'] }, '/work').choices.datastore).toEqual(['sqlite', 'redis']);
    }
    expect(offersValue('ts', 'logger', 'zap')).toBe(false);
  });
});

describe('gRPC, a Go transport', () => {
  it('refuses --lang ts --transport grpc with exit 2, saying it is not yet for TypeScript', () => {
    const resolve = () => resolveSpec({ directory: 'orders', lang: 'ts', transport: ['http,grpc'] }, '/work');
    expect(resolve).toThrow(/--transport grpc does not apply to --lang ts: .*not yet for TypeScript/);
    let code = 0;
    try {
      resolve();
    } catch (error) {
      code = exitCodeOf(error);
    }
    expect(code).toBe(2);
    expect(resolveSpec({ directory: 'orders', lang: 'go', transport: ['grpc'] }, '/work').choices.transport).toEqual(['grpc']);
  });

  it('svc add transport takes grpc for Go only, and never http', () => {
    expect(parseTransportToAdd('go', 'grpc', 'Go')).toBe('grpc');
    expect(() => parseTransportToAdd('ts', 'grpc', 'TypeScript')).toThrow(/not available in a TypeScript service: gRPC is not yet for TypeScript/);
    expect(() => parseTransportToAdd('go', 'http', 'Go')).toThrow(/HTTP is chosen at create/);
    expect(() => parseTransportToAdd('go', 'soap', 'Go')).toThrow(UsageError);
  });
});
