import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';
import { handEdits, PORTS, readFile, tidyWiring, type HandEditName } from '../unit/adapters/edited-fixtures.js';

/**
 * `svc add adapter postgres|redis` through the real CLI on services a team has edited by hand
 * (test/unit/adapters/edited-fixtures.ts): every add either exits 0 and the service builds and
 * vets (tests included), or exits non-zero and leaves every file byte-identical. Building needs
 * neither PostgreSQL nor Redis.
 */
const made: string[] = [];
afterAll(() => {
  for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

async function editedService(edits: readonly HandEditName[]): Promise<string> {
  const cwd = makeTempDir('svc-adapters-edited-');
  made.push(cwd);
  const created = await runCli('create-service', ['orders', '--yes', '--no-git', '--no-install'], { cwd });
  expect(created.exitCode, created.stderr).toBe(0);
  const root = path.join(cwd, 'orders');
  for (const edit of edits) handEdits[edit](root);
  return root;
}

async function addAdapter(root: string, store: string): Promise<CliResult> {
  return runCli('svc', ['add', 'adapter', store, '--no-install'], { cwd: root });
}

async function buildsAndVets(root: string): Promise<void> {
  expect(await goTool(root, 'gofmt', ['-l', '.'])).toBe('');
  await goTool(root, 'go', ['mod', 'tidy']);
  await goTool(root, 'go', ['build', './...']);
  await goTool(root, 'go', ['vet', './...']);
}

describe('svc add adapter on hand-edited services', () => {
  it('renamed parameters, ports in a variable, aliased imports, renamed validate and run: postgres then redis build and vet', async () => {
    const root = await editedService(['renamedParams', 'portsInAVariable', 'aliasedImports', 'renamedValidate', 'renamedRunParams']);
    for (const store of ['postgres', 'redis']) {
      const added = await addAdapter(root, store);
      expect(added.exitCode, added.stdout + added.stderr).toBe(0);
    }
    expect(readFile(root, PORTS)).toContain('Orders: redis.NewOrderCache(postgres.NewOrderRepository(db), rdb, logger),');
    await buildsAndVets(root);
  });

  it('renamed parameters, ports in a variable, aliased imports, renamed validate and run: mysql then redis build and vet', async () => {
    const root = await editedService(['renamedParams', 'portsInAVariable', 'aliasedImports', 'renamedValidate', 'renamedRunParams']);
    for (const store of ['mysql', 'redis']) {
      const added = await addAdapter(root, store);
      expect(added.exitCode, added.stdout + added.stderr).toBe(0);
    }
    expect(readFile(root, PORTS)).toContain('Orders: redis.NewOrderCache(mysql.NewOrderRepository(db), rdb, logger),');
    await buildsAndVets(root);
  });

  it('the literal in another file of a renamed function, user variables and packages named like the adapters: redis then postgres build and vet', async () => {
    const root = await editedService(['renamedFunction', 'userVariables', 'userPackagesNamedLikeAdapters', 'literalInAnotherFile']);
    for (const store of ['redis', 'postgres']) {
      const added = await addAdapter(root, store);
      expect(added.exitCode, added.stdout + added.stderr).toBe(0);
    }
    expect(readFile(root, 'internal/bootstrap/adapters.go')).toContain(
      'Orders: redisadapter.NewOrderCache(postgresadapter.NewOrderRepository(postgresDB), redisClient, log),',
    );
    await buildsAndVets(root);
  });

  it('Orders in a variable: redis wraps it and builds; postgres then refuses and changes no byte', async () => {
    const root = await editedService(['ordersInAVariable']);
    const cached = await addAdapter(root, 'redis');
    expect(cached.exitCode, cached.stdout + cached.stderr).toBe(0);
    const before = snapshot(root);
    const refused = await addAdapter(root, 'postgres');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('Orders: postgres.NewOrderRepository(db),');
    expect(snapshot(root)).toEqual(before);
    await buildsAndVets(root);
  });

  it('after the wiring was tidied by hand, a re-run has nothing to do, and the service still builds', async () => {
    const root = await editedService([]);
    const added = await addAdapter(root, 'postgres');
    expect(added.exitCode, added.stdout + added.stderr).toBe(0);
    tidyWiring(root, PORTS, 'postgres', 'db');
    const before = snapshot(root);
    const again = await addAdapter(root, 'postgres');
    expect(again.exitCode, again.stderr).toBe(0);
    expect(again.stdout).toContain('nothing to do: add adapter postgres is already in place');
    expect(snapshot(root)).toEqual(before);
    await buildsAndVets(root);
  });
});
