import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GO_SERVICES } from '../corpus/go-services.js';
import { checkAfterAdds, prepare, report, runAdds } from '../corpus/run-corpus.js';
import { runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * The promise of svc add on hand-edited Go services: every add either exits 0 and leaves a
 * service that is gofmt-clean and passes go vet and golangci-lint, or exits non-zero and leaves
 * every file byte-identical. Each service is built in the same folder in turn, so the Go build
 * and lint caches carry over from one to the next.
 */
const work = makeTempDir('create-service-corpus-go-');
const root = path.join(work, 'service', 'orders');
const bases = new Map<string, string>();

async function base(create: readonly string[]): Promise<string> {
  const key = create.join(' ');
  const existing = bases.get(key);
  if (existing !== undefined) return existing;
  const parent = path.join(work, `base-${bases.size}`);
  fs.mkdirSync(parent, { recursive: true });
  const created = await runCli('create-service', ['orders', '--yes', '--no-git', ...create], { cwd: parent });
  expect(created.exitCode, `create-service orders ${key}\n${created.stdout}\n${created.stderr}`).toBe(0);
  const dir = path.join(parent, 'orders');
  bases.set(key, dir);
  return dir;
}

async function checks(dir: string): Promise<void> {
  expect(await goTool(dir, 'gofmt', ['-l', '.'])).toBe('');
  await goTool(dir, 'go', ['vet', './...']);
  await goTool(dir, 'golangci-lint', ['run', './...']);
}

describe('svc add on hand-edited Go services', () => {
  it('has at least 20 of them, each with its own id', () => {
    expect(GO_SERVICES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(GO_SERVICES.map((service) => service.id)).size).toBe(GO_SERVICES.length);
  });

  it.each(GO_SERVICES.map((service) => [service.id, service] as const))('%s', async (_id, service) => {
    const from = await base(service.create);
    prepare(from, root, service);
    const outcomes = await runAdds(root, service, {});
    expect(report(outcomes), `after: ${service.edit}`).toBe('');
    await checkAfterAdds(root, from, service, checks);
  });
});
