import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addUsecaseOperation } from '../../../src/targets/go/add/usecase.js';
import { addTsUsecaseOperation } from '../../../src/targets/ts/add/usecase.js';
import { makeTsService } from '../ts-edit/fixture.js';
import { makeService, read, runAdd, snapshot, write } from './fixture.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(path.dirname(root), { recursive: true, force: true });
});

async function service(lang: 'go' | 'ts'): Promise<string> {
  const root = lang === 'go' ? await makeService() : await makeTsService();
  roots.push(root);
  return root;
}

const add = (lang: 'go' | 'ts', name: string, http: string) => (lang === 'go' ? addUsecaseOperation(name, { http }) : addTsUsecaseOperation(name, { http }));

describe.each(['go', 'ts'] as const)('svc add usecase --http and api/openapi.yaml (%s)', (lang) => {
  it('adds the operation as one block of lines: what the user wrote elsewhere keeps every byte', async () => {
    const root = await service(lang);
    const generated = read(root, 'api/openapi.yaml');
    const edited = generated
      .replace('servers:\n', 'x-owner: {team: payments, slack: "#orders"}   #   who to ask\nservers:\n')
      .replace('      tags: [orders]\n      operationId: getOrder\n', '      tags: [ orders ]\n      operationId: getOrder    # read   one\n');
    expect(edited).not.toBe(generated);
    write(root, 'api/openapi.yaml', edited);
    const result = await runAdd(root, add(lang, 'CancelOrder', 'POST /v1/orders/{id}/cancel'));
    expect(result.code, result.all).toBe(0);
    const after = read(root, 'api/openapi.yaml');
    const start = after.indexOf('\n  /v1/orders/{id}/cancel:\n') + 1;
    const end = after.indexOf('\ncomponents:\n');
    expect(start).toBeGreaterThan(0);
    // The block is the new path item and the blank line that separates it; without it the file is what the user wrote.
    const block = after.slice(start, end + 1);
    expect(after.slice(0, start) + after.slice(end + 1)).toBe(edited);
    expect(block).toContain('    post:\n      tags: [orders]\n');
    expect(block).toContain("        '404':\n          $ref: '#/components/responses/NotFound'\n");
  });

  it('refuses a second route for a use case already served (exit 2), writing nothing and no second operationId', async () => {
    const root = await service(lang);
    const before = snapshot(root);
    const result = await runAdd(root, add(lang, 'CreateOrder', 'POST /v1/x'));
    expect(result.code, result.all).toBe(2);
    // Whichever check speaks first, the existing route or the operationId it owns, names POST /v1/orders.
    expect(result.all).toMatch(/served already, at POST \/v1\/orders|already served at POST \/v1\/orders|operationId createOrder is already used by POST \/v1\/orders/);
    expect(snapshot(root)).toEqual(before);
  });
});
