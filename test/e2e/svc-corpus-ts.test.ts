import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TS_SERVICES } from '../corpus/ts-services.js';
import { checkAfterAdds, prepare, report, runAdds } from '../corpus/run-corpus.js';
import { runCli } from '../helpers/cli.js';
import { tool } from '../helpers/node-tools.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * The promise of svc add on hand-edited TypeScript services: every add either exits 0 and leaves
 * a service that passes tsc and ESLint, or exits non-zero and leaves every file byte-identical.
 * One npm install (of a service with every datastore and an HTTP adapter) serves all of them through a symlinked
 * node_modules, so the adds run with --no-install.
 */
const NPM_ENV = { npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
const work = makeTempDir('create-service-corpus-ts-');
const root = path.join(work, 'service', 'orders');
const bases = new Map<string, string>();
let modules = '';

beforeAll(async () => {
  const parent = path.join(work, 'modules');
  fs.mkdirSync(parent, { recursive: true });
  const created = await runCli('create-service', ['orders', '--lang', 'ts', '--yes', '--no-git', '--datastore', 'postgres,redis'], { cwd: parent, env: NPM_ENV });
  expect(created.exitCode, `${created.stdout}\n${created.stderr}`).toBe(0);
  // The packages of an outbound HTTP adapter too (undici, cockatiel): the corpus grows one.
  for (const args of [
    ['add', 'port', 'PaymentGateway', '--method', 'charge(orderId: string, amount: number, signal: AbortSignal): Promise<string>'],
    ['add', 'adapter', 'http', '--for', 'PaymentGateway'],
  ]) {
    const added = await runCli('svc', args, { cwd: path.join(parent, 'orders'), env: NPM_ENV });
    expect(added.exitCode, `svc ${args.join(' ')}\n${added.stdout}\n${added.stderr}`).toBe(0);
  }
  modules = path.join(parent, 'orders', 'node_modules');
});

async function base(create: readonly string[]): Promise<string> {
  const key = create.join(' ');
  const existing = bases.get(key);
  if (existing !== undefined) return existing;
  const parent = path.join(work, `base-${bases.size}`);
  fs.mkdirSync(parent, { recursive: true });
  const created = await runCli('create-service', ['orders', '--lang', 'ts', '--yes', '--no-git', '--no-install', ...create], { cwd: parent });
  expect(created.exitCode, `create-service orders --lang ts ${key}\n${created.stdout}\n${created.stderr}`).toBe(0);
  const dir = path.join(parent, 'orders');
  fs.symlinkSync(modules, path.join(dir, 'node_modules'), 'dir');
  bases.set(key, dir);
  return dir;
}

async function checks(dir: string): Promise<void> {
  await tool(dir, 'node_modules/.bin/tsc', ['--noEmit']);
  await tool(dir, 'node_modules/.bin/eslint', ['--max-warnings=0', '.']);
}

describe('svc add on hand-edited TypeScript services', () => {
  it('has at least 10 of them, each with its own id', () => {
    expect(TS_SERVICES.length).toBeGreaterThanOrEqual(10);
    expect(new Set(TS_SERVICES.map((service) => service.id)).size).toBe(TS_SERVICES.length);
  });

  it.each(TS_SERVICES.map((service) => [service.id, service] as const))('%s', async (_id, service) => {
    const from = await base(service.create);
    prepare(from, root, service);
    const outcomes = await runAdds(root, service, {});
    expect(report(outcomes), `after: ${service.edit}`).toBe('');
    await checkAfterAdds(root, from, service, checks);
  });
});
