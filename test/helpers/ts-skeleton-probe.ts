import fs from 'node:fs';
import path from 'node:path';

/** One request to a generated service and the answer a skeleton use case gives it. */
export interface SkeletonRequest {
  method: string;
  url: string;
  payload?: Record<string, string>;
  status: number;
  /** The field a 422 names. */
  field?: string;
}

/**
 * Writes test/skeleton-probe.test.ts into a generated TypeScript service (after its own lint ran):
 * the whole HTTP server, built as bootstrap builds it, answers each request as a skeleton must —
 * 501 problem+json for a valid input, 422 naming a blank path parameter, body or query field.
 * Returns the file, relative to the service.
 */
export function writeSkeletonProbe(root: string, requests: readonly SkeletonRequest[]): string {
  const file = 'test/skeleton-probe.test.ts';
  const cases = requests
    .map(
      (request) => `  {
    const response = await server.inject(${JSON.stringify({ method: request.method, url: request.url, ...(request.payload === undefined ? {} : { payload: request.payload }) })});
    expect(response.statusCode, ${JSON.stringify(`${request.method} ${request.url}`)}).toBe(${request.status});
    expect(response.headers['content-type']).toMatch(/^application\\/problem\\+json/);
${request.field === undefined ? '' : `    expect(response.json()).toMatchObject({ errors: [{ field: ${JSON.stringify(request.field)} }] });\n`}  }`,
    )
    .join('\n');
  fs.writeFileSync(
    path.join(root, file),
    `import { pino } from 'pino';
import { expect, it } from 'vitest';
import { buildServer } from '../src/adapter/http/server.js';
import { createApp, type Ports } from '../src/app/app.js';
import { Health } from '../src/platform/health.js';
import { Metrics } from '../src/platform/metrics.js';

const http = { host: '127.0.0.1', port: 0, requestTimeoutMs: 1000, readTimeoutMs: 1000, keepAliveTimeoutMs: 1000, maxBodyBytes: 1024 };

it('the new use cases answer as skeletons through the whole server', async () => {
  // The skeletons call no port: an empty Ports is enough.
  const server = buildServer({ config: { http }, logger: pino({ level: 'silent' }), app: createApp({} as Ports), health: new Health(), metrics: new Metrics({ name: 'probe', version: 'probe' }) });
${cases}
  await server.close();
});
`,
  );
  return file;
}
