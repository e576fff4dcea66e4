import { describe, expect, it } from 'vitest';
import { fastifyPatterns, parseTsRoute } from '../../../src/targets/ts/add/fastify-route.js';
import { conflictingRoute } from '../../../src/targets/ts/add/served-routes.js';

/**
 * Each pair registered one after the other on a find-my-way 9.10.2 router (Fastify 5.12.8's):
 * whether the second `on('GET', …)` threw "already declared". Recorded from the library itself.
 */
const FIND_MY_WAY: readonly (readonly [string, string, boolean])[] = [
  ['/v1/orders/:id', '/v1/orders/:orderId', true],
  ['/v1/:kind/abc', '/v1/orders/:id', false],
  ['/v1/orders/:id(\\d+)', '/v1/orders/:id(^[a-z]+$)', true],
  ['/v1/orders/:id(\\d+)', '/v1/orders/:id', false],
  ['/v1/orders/:id.json', '/v1/orders/:x.json', true],
  ['/v1/orders/:from-:to', '/v1/orders/:a-:b', true],
  ['/v1/orders/*', '/v1/orders/:id', false],
  ['/v1/orders/*', '/v1/orders/*', true],
  ['/v1/orders/:id?', '/v1/orders', true],
  ['/v1/orders::cancel', '/v1/orders::cancel', true],
  ['/v1/orders::cancel', '/v1/orders:cancel', false],
  ['/v1/Orders', '/v1/orders', false],
  ['/v1/orders/', '/v1/orders', false],
  ['/v1/a%20b', '/v1/a%20b', true],
  ['/v1/:a/:b', '/v1/:c/:d', true],
];

describe('find-my-way patterns', () => {
  it.each(FIND_MY_WAY)('%s then %s: refused at registration = %s', (first, second, refused) => {
    const served = [{ method: 'GET', path: first, file: 'src/adapter/http/x.ts' }];
    expect(conflictingRoute(served, 'GET', second) !== undefined).toBe(refused);
  });

  it('files a path under the pattern find-my-way reports in its error', () => {
    expect(fastifyPatterns('/v1/orders/:id')).toEqual(['/v1/orders/:']);
    expect(fastifyPatterns('/v1/orders/:id(\\d+)')).toEqual(['/v1/orders/:()']);
    expect(fastifyPatterns('/v1/orders/:from-:to')).toEqual(['/v1/orders/:()-()']);
    expect(fastifyPatterns('/v1/orders/:id?')).toEqual(['/v1/orders/:', '/v1/orders']);
  });

  it('another method is never a conflict', () => {
    expect(conflictingRoute([{ method: 'GET', path: '/v1/orders/:id', file: 'x.ts' }], 'DELETE', '/v1/orders/:orderId')).toBeUndefined();
  });
});

describe('--http for a TypeScript service', () => {
  it('writes {name} as :name and doubles a literal colon', () => {
    expect(parseTsRoute('POST /v1/orders/{id}/refund').fastifyPath).toBe('/v1/orders/:id/refund');
    expect(parseTsRoute('POST /v1/orders:batch').fastifyPath).toBe('/v1/orders::batch');
  });

  it.each(['GET /v1/files/{path...}', 'GET /v1/{$}', 'GET /v1/a*b'])('refuses %s (exit 2)', (value) => {
    expect(() => parseTsRoute(value)).toThrow(expect.objectContaining({ exitCode: 2 }) as Error);
  });
});
