import type { Relationship } from '../../src/targets/go/add/route-conflicts.js';

/**
 * ServeMux pattern pairs with what net/http decides for them: the unit tests check our port
 * against this table, and an e2e test checks the table against a real http.ServeMux.
 */
export interface PatternPair {
  rule: string;
  p1: string;
  p2: string;
  /** p1 compared to p2 on method and path (hosts aside). */
  relationship: Relationship;
  /** Registering both on one mux panics. */
  conflict: boolean;
}

export const PATTERN_PAIRS: readonly PatternPair[] = [
  { rule: 'wildcard against literal both ways (issue 8)', p1: 'GET /v1/orders/{id}', p2: 'GET /v1/{kind}/abc', relationship: 'overlaps', conflict: true },
  { rule: 'two wildcards crossing', p1: 'GET /v1/a/{x}', p2: 'GET /v1/{y}/b', relationship: 'overlaps', conflict: true },
  { rule: 'identical', p1: 'POST /v1/orders', p2: 'POST /v1/orders', relationship: 'equivalent', conflict: true },
  { rule: 'equal but for wildcard names', p1: 'GET /v1/orders/{id}', p2: 'GET /v1/orders/{orderID}', relationship: 'equivalent', conflict: true },
  { rule: 'blanks after the method', p1: 'GET\t/x', p2: 'GET   /x', relationship: 'equivalent', conflict: true },
  { rule: 'literal more specific than wildcard', p1: 'GET /v1/orders/{id}', p2: 'GET /v1/orders/latest', relationship: 'moreGeneral', conflict: false },
  { rule: 'different lengths', p1: 'GET /v1/orders/{id}', p2: 'GET /v1/orders/{id}/cancel', relationship: 'disjoint', conflict: false },
  { rule: 'different methods', p1: 'GET /v1/orders/{id}', p2: 'POST /v1/orders/{id}', relationship: 'disjoint', conflict: false },
  { rule: 'extension methods', p1: 'PURGE /cache/{key}', p2: 'PURGE /cache/{k}', relationship: 'equivalent', conflict: true },
  { rule: 'extension method against GET', p1: 'PURGE /x', p2: 'GET /x', relationship: 'disjoint', conflict: false },
  { rule: 'GET also matches HEAD', p1: 'GET /v1/orders/{id}', p2: 'HEAD /v1/orders/{id}', relationship: 'moreGeneral', conflict: false },
  { rule: 'GET more methods, HEAD more paths', p1: 'GET /v1/orders/latest', p2: 'HEAD /v1/orders/{id}', relationship: 'overlaps', conflict: true },
  { rule: 'HEAD fewer methods, more paths', p1: 'HEAD /{x}', p2: 'GET /a', relationship: 'overlaps', conflict: true },
  { rule: 'no method matches every method', p1: '/v1/orders/{id}', p2: 'GET /v1/orders/{id}', relationship: 'moreGeneral', conflict: false },
  { rule: 'no method, more specific path', p1: '/v1/orders/latest', p2: 'GET /v1/orders/{id}', relationship: 'overlaps', conflict: true },
  { rule: 'no method on both', p1: '/v1/{a}/x', p2: '/v1/y/{b}', relationship: 'overlaps', conflict: true },
  { rule: 'no method against HEAD', p1: '/x', p2: 'HEAD /{y}', relationship: 'overlaps', conflict: true },
  { rule: 'a host wins over no host', p1: 'example.com/v1/orders/{id}', p2: '/v1/{kind}/abc', relationship: 'overlaps', conflict: false },
  { rule: 'same host', p1: 'example.com/v1/orders/{id}', p2: 'example.com/v1/{kind}/abc', relationship: 'overlaps', conflict: true },
  { rule: 'different hosts', p1: 'a.example.com/x', p2: 'b.example.com/x', relationship: 'equivalent', conflict: false },
  { rule: 'host with methods crossing', p1: 'GET example.com/{y}', p2: 'example.com/x', relationship: 'overlaps', conflict: true },
  { rule: 'host with both more specific', p1: 'GET example.com/x', p2: 'example.com/{y}', relationship: 'moreSpecific', conflict: false },
  { rule: 'a word before the path is a host', p1: 'GET v1/x', p2: 'GET /x', relationship: 'equivalent', conflict: false },
  { rule: 'trailing slash matches deeper paths', p1: 'GET /v1/orders/', p2: 'GET /v1/orders/{id}', relationship: 'moreGeneral', conflict: false },
  { rule: 'trailing slash crossing a wildcard', p1: 'GET /v1/orders/', p2: 'GET /v1/{kind}/abc', relationship: 'overlaps', conflict: true },
  { rule: 'trailing slash not the bare path', p1: 'GET /v1/orders', p2: 'GET /v1/orders/', relationship: 'disjoint', conflict: false },
  { rule: 'trailing slash and {x...} are the same', p1: 'GET /v1/{rest...}', p2: 'GET /v1/', relationship: 'equivalent', conflict: true },
  { rule: 'multi wildcards with other names', p1: 'GET /v1/{a}/{b...}', p2: 'GET /v1/{c}/', relationship: 'equivalent', conflict: true },
  { rule: '{x...} more general than a longer path', p1: 'GET /v1/{rest...}', p2: 'GET /v1/orders/{id}', relationship: 'moreGeneral', conflict: false },
  { rule: '{x...} crossing a wildcard', p1: 'GET /v1/{rest...}', p2: 'GET /{x}/orders/{id}', relationship: 'overlaps', conflict: true },
  { rule: 'longer against {x...}', p1: 'GET /a/{x}/c', p2: 'GET /a/{y...}', relationship: 'moreSpecific', conflict: false },
  { rule: 'wildcard then literal against literal then {x...}', p1: 'GET /a/{x}/c/', p2: 'GET /a/b/{y...}', relationship: 'overlaps', conflict: true },
  { rule: '{$} only the trailing slash', p1: 'GET /v1/orders/{$}', p2: 'GET /v1/orders/', relationship: 'moreSpecific', conflict: false },
  { rule: '{$} is not a single wildcard', p1: 'GET /v1/orders/{$}', p2: 'GET /v1/orders/{id}', relationship: 'disjoint', conflict: false },
  { rule: '{$} under {x...}', p1: 'GET /files/{path...}', p2: 'GET /files/{$}', relationship: 'moreGeneral', conflict: false },
  { rule: 'root {$} against root', p1: 'GET /{$}', p2: 'GET /', relationship: 'moreSpecific', conflict: false },
  { rule: 'root {$} against a wildcard', p1: 'GET /{x}', p2: 'GET /{$}', relationship: 'disjoint', conflict: false },
  { rule: 'root with and without method', p1: 'GET /', p2: '/', relationship: 'moreSpecific', conflict: false },
  { rule: 'escaped literal equals plain', p1: 'GET /v1/caf%C3%A9', p2: 'GET /v1/café', relationship: 'equivalent', conflict: true },
  { rule: 'escaped slash is one segment', p1: 'GET /v1/a%2Fb', p2: 'GET /v1/a%2fb', relationship: 'equivalent', conflict: true },
  { rule: 'escaped brace is a literal', p1: 'GET /v1/orders/%7Bid%7D', p2: 'GET /v1/orders/{id}', relationship: 'moreSpecific', conflict: false },
  { rule: 'bad escape kept as written', p1: 'GET /v1/%zz', p2: 'GET /v1/%25zz', relationship: 'equivalent', conflict: true },
  { rule: 'CONNECT keeps an unclean path', p1: 'CONNECT /a/../b', p2: 'CONNECT /a/{x}/b', relationship: 'moreSpecific', conflict: false },
];

/** Patterns net/http accepts (true) or refuses (false) to register. */
export const PATTERN_VALIDITY: readonly [string, boolean][] = [
  ['', false],
  ['GET', false],
  ['/', true],
  [' /x', true],
  ['GET v1/x', true],
  ['GET /x y', true],
  ['G@T /x', false],
  ['GET /a/../b', false],
  ['GET /a/./b', false],
  ['GET /a//b', false],
  ['/a/../b', true],
  ['CONNECT /a/../b', true],
  ['GET /{x}/{x}', false],
  ['GET /{x...}/a', false],
  ['GET /{$}/a', false],
  ['GET /a{x}', false],
  ['GET /{x', false],
  ['GET /{}', false],
  ['GET /{...}', false],
  ['GET /{1x}', false],
  ['GET /{x1}', true],
  ['GET /{ñ}', true],
  ['GET /{x-y}', false],
  ['GET {x}.example.com/a', false],
  ['GET /{$}', true],
  ['GET /a/{$}', true],
  ['GET /a/{rest...}', true],
  ['GET /%zz', true],
];
