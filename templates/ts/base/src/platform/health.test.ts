import { describe, expect, it, vi } from 'vitest';
import { Health } from './health.js';

describe('Health', () => {
  it('is ready when every check passes', async () => {
    const health = new Health();
    health.add('db', () => Promise.resolve());
    expect(await health.readiness(vi.fn())).toEqual({ status: 'ok', checks: { db: { status: 'ok' } } });
  });

  it('reports a failing check and hands its error to the caller', async () => {
    const health = new Health();
    const onError = vi.fn();
    health.add('db', () => Promise.reject(new Error('connection refused')));
    health.add('cache', () => Promise.resolve());
    const readiness = await health.readiness(onError);
    expect(readiness).toEqual({ status: 'failing', checks: { db: { status: 'failing' }, cache: { status: 'ok' } } });
    expect(onError).toHaveBeenCalledWith('db', expect.objectContaining({ message: 'connection refused' }));
  });

  it('bounds a check that hangs', async () => {
    const health = new Health(20);
    health.add(
      'slow',
      (signal) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            reject(signal.reason as Error);
          });
        }),
    );
    expect((await health.readiness(vi.fn())).status).toBe('failing');
  });

  it('reports a failing optional check as degraded, still ready, without logging it', async () => {
    const health = new Health();
    const onError = vi.fn();
    health.add('db', () => Promise.resolve());
    health.addOptional('cache', () => Promise.reject(new Error('connection refused')));
    expect(await health.readiness(onError)).toEqual({ status: 'degraded', checks: { db: { status: 'ok' }, cache: { status: 'degraded' } } });
    expect(onError).not.toHaveBeenCalled();
    health.add('db', () => Promise.reject(new Error('down')));
    expect((await health.readiness(onError)).status).toBe('failing');
  });

  it('bounds a check that ignores its signal', async () => {
    const health = new Health(20);
    health.add('stuck', () => new Promise(() => undefined));
    expect((await health.readiness(vi.fn())).status).toBe('failing');
  });

  it('says which optional dependencies are in use', () => {
    const health = new Health();
    let up = true;
    health.addOptional('cache', () => Promise.resolve(), () => up);
    health.add('db', () => Promise.resolve());
    expect(health.optionalAvailability()).toEqual(new Map([['cache', true]]));
    up = false;
    expect(health.optionalAvailability()).toEqual(new Map([['cache', false]]));
  });

  it('reports draining once a shutdown began', async () => {
    const health = new Health();
    health.drain();
    expect((await health.readiness(vi.fn())).status).toBe('draining');
  });

  it('reports starting, without running a check, until the startup is done', async () => {
    const health = new Health();
    const check = vi.fn(() => Promise.resolve());
    health.add('db', check);
    health.beginStartup();
    expect(await health.readiness(vi.fn())).toEqual({ status: 'starting', checks: {} });
    expect(check).not.toHaveBeenCalled();
    health.started();
    expect((await health.readiness(vi.fn())).status).toBe('ok');
  });
});
