import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerAdmission } from './admission.js';

describe('admission control', () => {
  let server: FastifyInstance;
  let base: string;
  let shed: number;
  let entered: number;
  let release: () => void;

  async function start(limit: number): Promise<void> {
    server = Fastify();
    registerAdmission(server, limit, () => {
      shed += 1;
    });
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.get('/slow', async () => {
      entered += 1;
      await gate;
      return { ok: true };
    });
    server.get('/healthz', () => ({ status: 'ok' }));
    base = await server.listen({ host: '127.0.0.1', port: 0 });
  }

  async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  beforeEach(() => {
    shed = 0;
    entered = 0;
  });
  afterEach(async () => {
    release();
    await server.close();
  });

  it('sheds requests past the limit with 503 and Retry-After, counts them, and exempts probes', async () => {
    await start(2);
    const admitted = [fetch(`${base}/slow`), fetch(`${base}/slow`)];
    await until(() => entered === 2);

    const refused = await fetch(`${base}/slow`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await refused.json()).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(shed).toBe(1);
    expect(entered).toBe(2);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);

    release();
    expect((await Promise.all(admitted)).map((response) => response.status)).toEqual([200, 200]);
    // The slots are free again.
    expect((await fetch(`${base}/slow`)).status).toBe(200);
  });

  it('admits everything with a limit of 0', async () => {
    await start(0);
    const requests = Array.from({ length: 5 }, () => fetch(`${base}/slow`));
    await until(() => entered === 5);
    release();
    expect((await Promise.all(requests)).map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(shed).toBe(0);
  });
});
