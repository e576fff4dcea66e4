import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { startService } from '../helpers/service-process.js';
import { createService, svc } from '../helpers/orders-service.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

/**
 * `svc add adapter sqlite` through the CLI: dry-run, the add, its idempotence, the one-SQL-store
 * rule, and the point of SQLite: orders written by the built binary are there after a restart.
 * The adapter's own tests need no server (a temporary file each); the matrix runs them for
 * sqlite and sqlite+redis.
 */
describe('svc add adapter sqlite', () => {
  it('--dry-run prints the changes and writes nothing; the add wires it; a second add has nothing to do', async () => {
    const root = await createService(['--deploy', 'compose,k8s']);
    const before = snapshot(root);
    const dry = await svc(root, 'add', 'adapter', 'sqlite', '--dry-run');
    expect(dry.exitCode, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/CREATE internal\/adapter\/sqlite\/sqlite\.go/);
    expect(dry.stdout).toMatch(/CREATE deploy\/k8s\/pvc\.yaml/);
    expect(dry.stdout).toContain('-\t\tOrders: memory.NewOrderRepository(),\n+\t\tOrders: sqlite.NewOrderRepository(db),\n');
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(snapshot(root)).toEqual(before);

    const added = await svc(root, 'add', 'adapter', 'sqlite', '--no-install');
    expect(added.exitCode, added.stdout + added.stderr).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'svc.json'), 'utf8')) as { choices: { datastore: string[] } };
    expect(manifest.choices.datastore).toEqual(['sqlite']);
    const after = snapshot(root);
    const again = await svc(root, 'add', 'adapter', 'sqlite', '--no-install');
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing to do: add adapter sqlite is already in place');
    expect(snapshot(root)).toEqual(after);
  });

  it('keeps compose.yaml and the k8s manifests valid for one writer (deployvalidate -single-writer, yamllint --strict)', async () => {
    const root = await createService(['--datastore', 'sqlite,redis']);
    const validator = path.join(makeTempDir('deployvalidate-'), 'deployvalidate');
    const built = await execa('go', ['build', '-o', validator, '.'], {
      cwd: path.join(REPO_ROOT, 'test/tools/deployvalidate'),
      reject: false,
      all: true,
      env: { GOFLAGS: '-mod=readonly -buildvcs=false' },
    });
    expect(built.exitCode, String(built.all)).toBe(0);
    const args = ['-name', 'orders', '-metrics', '-tracing', '-deploy', 'docker,compose,k8s,github-actions', root];
    const validated = await execa(validator, ['-single-writer', ...args], { reject: false, all: true });
    expect(String(validated.all)).toMatch(/^k8s +\d+ checks, 0 failed/m);
    expect(validated.exitCode, String(validated.all)).toBe(0);
    // The multi-replica rules do not hold, and the validator says so: the flag is what passes it.
    const asUsual = await execa(validator, args, { reject: false, all: true });
    expect(String(asUsual.all)).toContain('FAIL [k8s] Deployment runs at least 2 replicas');
    const files = ['compose.yaml', ...fs.readdirSync(path.join(root, 'deploy/k8s')).map((file) => `deploy/k8s/${file}`)];
    const linted = await execa('yamllint', ['--strict', '--config-file', path.join(REPO_ROOT, 'test/tools/deployvalidate/yamllint.yml'), ...files], { cwd: root, reject: false, all: true });
    expect(linted.exitCode, String(linted.all)).toBe(0);
  });

  it('refuses a second SQL store with exit 2 and writes nothing, on add and on create', async () => {
    const root = await createService(['--datastore', 'sqlite']);
    const before = snapshot(root);
    const postgres = await svc(root, 'add', 'adapter', 'postgres', '--no-install');
    expect(postgres.exitCode).toBe(2);
    expect(postgres.stderr).toContain('sqlite and postgres cannot both be the datastore of one service');
    expect(snapshot(root)).toEqual(before);

    const cwd = makeTempDir();
    const created = await runCli('create-service', ['orders', '--yes', '--no-git', '--no-install', '--datastore', 'postgres,sqlite'], { cwd });
    expect(created.exitCode).toBe(2);
    expect(created.stderr).toContain('postgres and sqlite cannot both be the datastore of one service');
    expect(fs.readdirSync(cwd)).toEqual([]);
  });

  it('the built service keeps its orders in the file across a restart, and closes it cleanly', async () => {
    const root = await createService(['--datastore', 'sqlite', '--deploy', 'none', '--tracing', 'none']);
    await goTool(root, 'go', ['mod', 'tidy']);
    const binary = path.join(root, 'orders-bin');
    await goTool(root, 'go', ['build', '-o', binary, './cmd/orders'], 900_000, { CGO_ENABLED: '0' });
    const env = { SQLITE_PATH: path.join(makeTempDir(), 'data', 'orders.db') };

    const first = await startService(binary, env);
    let id: string;
    try {
      const created = await fetch(`${first.baseUrl}/v1/orders`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ customer_id: 'c-1', items: [{ sku: 'BOOK-1', quantity: 2, unit_price: 1250 }] }),
      });
      expect(created.status).toBe(201);
      id = ((await created.json()) as { id: string }).id;
      expect((await fetch(`${first.baseUrl}/readyz`)).status).toBe(200);
    } finally {
      first.child.kill('SIGTERM');
    }
    expect((await first.exited).code).toBe(0);
    expect(first.logs.join('\n')).not.toMatch(/"level":"ERROR"/);

    const second = await startService(binary, env);
    try {
      const read = await fetch(`${second.baseUrl}/v1/orders/${id}`);
      expect(read.status).toBe(200);
      expect(await read.json()).toMatchObject({ id, customer_id: 'c-1', total: 2500, items: [{ sku: 'BOOK-1', quantity: 2, unit_price: 1250 }] });
    } finally {
      second.child.kill('SIGTERM');
    }
    expect((await second.exited).code).toBe(0);
  });
});
