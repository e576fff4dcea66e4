import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { duplicateMember, registerJsonBody } from './json-body.js';

describe('duplicateMember', () => {
  it.each([
    ['{"a":1,"a":2}', 'a'],
    ['{"a":1,"b":{"c":1,"c":2}}', 'c'],
    ['{"\\u0061":1,"a":2}', 'a'],
    ['[{"x":1},{"y":1,"y":2}]', 'y'],
  ])('finds the duplicate in %s', (text, name) => {
    expect(duplicateMember(text)).toBe(name);
  });

  it.each([['{"a":1,"b":{"a":2}}'], ['[{"a":1},{"a":1}]'], ['{"a":"\\"a\\":","b":["a","a"]}'], ['{"A":1,"a":2}'], ['"a"'], ['{}']])(
    'accepts %s',
    (text) => {
      expect(duplicateMember(text)).toBeUndefined();
    },
  );
});

describe('the JSON body parser', () => {
  let server: FastifyInstance;

  beforeEach(() => {
    server = Fastify();
    registerJsonBody(server);
    server.post('/echo', (request) => request.body);
  });
  afterEach(() => server.close());

  const post = (payload: string | Buffer) => server.inject({ method: 'POST', url: '/echo', headers: { 'content-type': 'application/json' }, payload });

  it('passes valid JSON on unchanged', async () => {
    const response = await post('{"name":"café","items":[{"n":1},{"n":1}]}');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ name: 'café', items: [{ n: 1 }, { n: 1 }] });
  });

  it.each([
    ['a duplicate member', '{"customer_id":"a","customer_id":"b"}'],
    ['invalid UTF-8', Buffer.concat([Buffer.from('{"name":"caf'), Buffer.from([0xe9]), Buffer.from('"}')])],
    ['malformed JSON', '{"name":'],
    ['a __proto__ key', '{"__proto__":{"admin":true}}'],
  ])('answers 400 for %s', async (_label, payload) => {
    expect((await post(payload)).statusCode).toBe(400);
  });
});
