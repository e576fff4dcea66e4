import { describe, expect, it } from 'vitest';
import { IdempotencyKeyInFlightError, IdempotencyKeyReusedError, type StoredResponse } from '../../port/idempotency-store.js';
import { MemoryIdempotencyStore } from './idempotency-store.js';

const signal = new AbortController().signal;
const created: StoredResponse = { status: 201, headers: { location: '/v1/things/1' }, body: Buffer.from('{"id":"1"}') };

describe('MemoryIdempotencyStore', () => {
  it('runs once per key and replays the recorded response', async () => {
    const store = new MemoryIdempotencyStore(60_000);
    let runs = 0;
    const run = () => {
      runs += 1;
      return Promise.resolve(created);
    };
    expect(await store.do('k', 'f', signal, run)).toEqual({ response: created, replayed: false });
    expect(await store.do('k', 'f', signal, run)).toEqual({ response: created, replayed: true });
    expect(runs).toBe(1);
  });

  it('refuses a key reused for another request', async () => {
    const store = new MemoryIdempotencyStore(60_000);
    await store.do('k', 'f', signal, () => Promise.resolve(created));
    await expect(store.do('k', 'other', signal, () => Promise.resolve(created))).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('refuses a key in flight instead of queueing', async () => {
    const store = new MemoryIdempotencyStore(60_000);
    let finish = (_response: StoredResponse): void => undefined;
    const first = store.do('k', 'f', signal, () => new Promise<StoredResponse>((resolve) => (finish = resolve)));
    await expect(store.do('k', 'f', signal, () => Promise.resolve(created))).rejects.toBeInstanceOf(IdempotencyKeyInFlightError);
    finish(created);
    await expect(first).resolves.toMatchObject({ replayed: false });
  });

  it('records no failure: a retry runs again, also after a thrown error', async () => {
    const store = new MemoryIdempotencyStore(60_000);
    const failed = { status: 500, headers: {}, body: Buffer.alloc(0) };
    expect(await store.do('k', 'f', signal, () => Promise.resolve(failed))).toEqual({ response: failed, replayed: false });
    await expect(store.do('k', 'f', signal, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await store.do('k', 'f', signal, () => Promise.resolve(created))).toEqual({ response: created, replayed: false });
  });

  it('forgets a key after its TTL', async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore(1_000, () => now);
    await store.do('k', 'f', signal, () => Promise.resolve(created));
    now = 999;
    expect((await store.do('k', 'other', signal, () => Promise.resolve(created)).catch((error: unknown) => error)) instanceof IdempotencyKeyReusedError).toBe(true);
    now = 1_000;
    expect(await store.do('k', 'other', signal, () => Promise.resolve(created))).toEqual({ response: created, replayed: false });
  });

  it('keeps its records from the callers', async () => {
    const store = new MemoryIdempotencyStore(60_000);
    const response = { status: 201, headers: { location: '/a' }, body: Buffer.from('x') };
    await store.do('k', 'f', signal, () => Promise.resolve(response));
    response.headers.location = '/changed';
    response.body[0] = 0x79;
    expect((await store.do('k', 'f', signal, () => Promise.resolve(created))).response).toEqual({ status: 201, headers: { location: '/a' }, body: Buffer.from('x') });
  });
});
