import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addUsecaseOperation } from '../../../src/targets/go/add/usecase.js';
import {
  commonRequest,
  comparePathsAndMethods,
  conflictsWith,
  MuxPatternError,
  parseMuxPattern,
  type Relationship,
} from '../../../src/targets/go/add/route-conflicts.js';
import { PATTERN_PAIRS, PATTERN_VALIDITY } from '../../helpers/mux-pattern-cases.js';
import { makeService as makeFixtureService, read, runAdd, snapshot, write } from './fixture.js';

const services: string[] = [];
afterAll(() => {
  for (const root of services) fs.rmSync(path.dirname(root), { recursive: true, force: true });
});

async function makeService(): Promise<string> {
  const root = await makeFixtureService();
  services.push(root);
  return root;
}

const inverse: Record<Relationship, Relationship> = {
  equivalent: 'equivalent',
  disjoint: 'disjoint',
  overlaps: 'overlaps',
  moreGeneral: 'moreSpecific',
  moreSpecific: 'moreGeneral',
};

describe('ServeMux patterns as net/http decides them', () => {
  it.each(PATTERN_PAIRS.map((pair) => [pair.rule, pair] as const))('%s', (_rule, { p1, p2, relationship, conflict }) => {
    const a = parseMuxPattern(p1);
    const b = parseMuxPattern(p2);
    expect(comparePathsAndMethods(a, b)).toBe(relationship);
    expect(comparePathsAndMethods(b, a)).toBe(inverse[relationship]);
    expect(conflictsWith(a, b)).toBe(conflict);
    expect(conflictsWith(b, a)).toBe(conflict);
  });

  it.each(PATTERN_VALIDITY)('parses %j: %s', (pattern, valid) => {
    if (valid) expect(() => parseMuxPattern(pattern)).not.toThrow();
    else expect(() => parseMuxPattern(pattern)).toThrow(MuxPatternError);
  });

  it('reads method, host and segments as pattern.go represents them', () => {
    expect(parseMuxPattern('GET example.com/a/{id}/')).toEqual({
      text: 'GET example.com/a/{id}/',
      method: 'GET',
      host: 'example.com',
      segments: [
        { s: 'a', wild: false, multi: false },
        { s: 'id', wild: true, multi: false },
        { s: '', wild: true, multi: true },
      ],
    });
    expect(parseMuxPattern('/files/{path...}').segments.at(-1)).toEqual({ s: 'path', wild: true, multi: true });
    expect(parseMuxPattern('/a/{$}').segments.at(-1)).toEqual({ s: '/', wild: false, multi: false });
  });

  it('says why a pattern is refused, with the offset Go reports', () => {
    expect(() => parseMuxPattern('GET /{x}/{x}')).toThrow('parsing "GET /{x}/{x}": at offset 9: duplicate wildcard name "x"');
    expect(() => parseMuxPattern('GET /a/../b')).toThrow('at offset 4: non-CONNECT pattern with unclean path can never match');
  });

  it('names a request both conflicting patterns match', () => {
    const request = (p1: string, p2: string) => commonRequest(parseMuxPattern(p1), parseMuxPattern(p2));
    expect(request('GET /v1/orders/{id}', 'GET /v1/{kind}/abc')).toBe('GET /v1/orders/abc');
    expect(request('/v1/orders/latest', 'HEAD /v1/orders/{id}')).toBe('HEAD /v1/orders/latest');
    expect(request('GET /a/{x}/c/', 'GET /a/b/{y...}')).toBe('GET /a/b/c/');
    expect(request('GET /v1/{rest...}', 'GET /{x}/orders/{id}')).toBe('GET /v1/orders/id');
    expect(request('GET /v1/%zz', 'GET /v1/%25zz')).toBe('GET /v1/%25zz');
    expect(request('example.com/{a}', 'example.com/b')).toBe('GET example.com/b');
  });
});

describe('svc add usecase --http refuses routes net/http would refuse to register', () => {
  const usecase = (name: string, http: string) => addUsecaseOperation(name, { http });

  it('a route that overlaps GET /v1/orders/{id}: exit 2, naming the route, its handler, a shared request and a free path', async () => {
    const root = await makeService();
    const before = snapshot(root);
    const result = await runAdd(root, usecase('ListKinds', 'GET /v1/{kind}/abc'));
    expect(result.code, result.all).toBe(2);
    expect(result.all).toContain('route GET /v1/{kind}/abc conflicts with GET /v1/orders/{id}, served by getOrder(log, a.GetOrder) in internal/adapter/http/router.go');
    expect(result.all).toContain('both match GET /v1/orders/abc');
    expect(result.all).toContain('--http "GET /v1/kind/{kind}/abc"');
    expect(snapshot(root)).toEqual(before);
    // The suggestion is itself accepted.
    expect((await runAdd(root, usecase('ListKinds', 'GET /v1/kind/{kind}/abc'))).code).toBe(0);
  });

  it('the same route under other wildcard names', async () => {
    const root = await makeService();
    const result = await runAdd(root, usecase('FetchOrder', 'GET /v1/orders/{orderID}'));
    expect(result.code).toBe(2);
    expect(result.all).toContain('route GET /v1/orders/{orderID} is already served by getOrder(log, a.GetOrder) in internal/adapter/http/router.go (as GET /v1/orders/{id}, which matches the same requests)');
  });

  it('a route the user registered by hand, in any shape, and skips one net/http itself would refuse', async () => {
    const root = await makeService();
    const router = read(root, 'internal/adapter/http/router.go');
    const edited = router.replace(
      '\tmux.Handle("GET /v1/orders/{id}"',
      '\tmux.HandleFunc(`/v1/reports/{$}`, func(http.ResponseWriter, *http.Request) {})\n\tmux.Handle("GET /v1/broken/{x}/{x}", nil)\n\tmux.Handle("GET /v1/orders/{id}"',
    );
    expect(edited).not.toBe(router);
    write(root, 'internal/adapter/http/router.go', edited);
    const before = snapshot(root);
    const result = await runAdd(root, usecase('RecentReports', 'GET /v1/{kind}/{$}'));
    expect(result.code).toBe(2);
    expect(result.all).toContain('conflicts with /v1/reports/{$}, served by func(http.ResponseWriter, *http.Request) {}');
    expect(result.all).toContain('both match GET /v1/reports/');
    expect(snapshot(root)).toEqual(before);
    expect((await runAdd(root, usecase('ListThings', 'GET /v1/things/{x}/{y}'))).code).toBe(0);
  });

  it('a more specific route is fine', async () => {
    const root = await makeService();
    const result = await runAdd(root, usecase('LatestOrder', 'GET /v1/orders/latest'));
    expect(result.code, result.all).toBe(0);
    expect(read(root, 'internal/adapter/http/router.go')).toContain('mux.Handle("GET /v1/orders/latest", latestOrder(log, a.LatestOrder))');
  });

  it('a path net/http refuses outright', async () => {
    const root = await makeService();
    const result = await runAdd(root, usecase('Climb', 'GET /v1/a/../b'));
    expect(result.code).toBe(2);
    expect(result.all).toContain('net/http refuses it (non-CONNECT pattern with unclean path can never match)');
  });
});
