import { describe, expect, it } from 'vitest';
import { circuitBreaker, withSignal } from './resilience.js';

describe('circuitBreaker', () => {
  it('passes calls through while the dependency answers', async () => {
    const breaker = circuitBreaker((_signal, value: number) => Promise.resolve(value * 2), { name: 'double', timeoutMs: 100 });
    expect(await breaker.fire(21)).toBe(42);
  });

  it('fails a call that exceeds the timeout, and aborts its signal', async () => {
    let aborted = false;
    const breaker = circuitBreaker(
      (signal) =>
        new Promise<void>((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            resolve();
          });
        }),
      { name: 'slow', timeoutMs: 20 },
    );
    await expect(breaker.fire()).rejects.toThrow(/Timed out/);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(aborted).toBe(true);
  });

  it('opens after repeated failures and then rejects without calling', async () => {
    let calls = 0;
    const breaker = circuitBreaker(
      () => {
        calls += 1;
        return Promise.reject(new Error('down'));
      },
      { name: 'down', timeoutMs: 100 },
    );
    for (let i = 0; i < 5; i += 1) await expect(breaker.fire()).rejects.toThrow('down');
    await expect(breaker.fire()).rejects.toThrow(/Breaker is open/);
    expect(calls).toBe(5);
    breaker.shutdown();
  });
});

describe('withSignal', () => {
  it('settles like the promise', async () => {
    expect(await withSignal(Promise.resolve(1), new AbortController().signal)).toBe(1);
  });

  it('rejects when the signal aborts first', async () => {
    const never = new Promise<never>(() => undefined);
    await expect(withSignal(never, AbortSignal.timeout(10))).rejects.toThrow(/timed out|aborted/i);
  });
});
