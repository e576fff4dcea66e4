import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import type { AddFlags } from '../../../src/cli/svc-add-action.js';
import type { AddOperation } from '../../../src/target-contract/add-operation.js';
import { svcAddAction } from '../../../src/cli/svc-add-action.js';
import type { Change } from '../../../src/tree/change.js';
import type { Verifier, VerifyOutcome } from '../../../src/verify/verifier.js';
import { captureOutput, makeService, read, snapshot } from './fixture.js';

/** A verifier that answers `outcome` and records the changes it was shown. */
function fakeVerifier(outcome: VerifyOutcome): Verifier & { calls: Change[][] } {
  const calls: Change[][] = [];
  return {
    title: 'fake check',
    calls,
    async verify(_root, changes) {
      calls.push([...changes]);
      return outcome;
    },
  };
}

/** An add that creates one Go file and edits another, handing the frame `verifier`. */
const addWith = (verifier: Verifier): AddOperation => ({
  command: 'test add Widget',
  async apply(project) {
    project.tree.write('internal/app/widget.go', 'package app\n\n// Widget is new.\ntype Widget struct{}\n');
    project.tree.merge('internal/app/app.go', `${project.tree.read('internal/app/app.go') ?? ''}\n// edited\n`);
    return { postSteps: [], verifier };
  },
});

const roots: string[] = [];
async function service(): Promise<string> {
  const root = await makeService();
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(path.dirname(root), { recursive: true, force: true });
});

async function run(root: string, operation: AddOperation, flags: AddFlags = {}) {
  const { out, text } = captureOutput();
  const code = await svcAddAction(operation, flags, root, out);
  return { code, ...text() };
}

describe('verification in the add frame', () => {
  it('a failed verification writes nothing, prints the messages and exits 1', async () => {
    const root = await service();
    const before = snapshot(root);
    const manifest = read(root, 'svc.json');
    const verifier = fakeVerifier({ status: 'failed', messages: ['internal/app/widget.go:4:6: Widget redeclared in this block'] });
    const result = await run(root, addWith(verifier));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('internal/app/widget.go:4:6: Widget redeclared in this block');
    expect(result.stderr).toContain('nothing was written');
    expect(result.stderr).toContain('--no-verify');
    expect(result.stdout).not.toMatch(/^(CREATE|UPDATE) /m);
    expect(snapshot(root)).toEqual(before);
    expect(read(root, 'svc.json')).toBe(manifest);
    // It saw exactly what the commit would have written.
    expect(verifier.calls).toHaveLength(1);
    expect(verifier.calls[0]?.map((change) => `${change.kind} ${change.path}`)).toEqual(['update internal/app/app.go', 'create internal/app/widget.go', 'update svc.json']);
  });

  it('says plainly when the service did not build before the add either', async () => {
    const root = await service();
    const before = snapshot(root);
    const result = await run(root, addWith(fakeVerifier({ status: 'failed', messages: ['internal/domain/order.go:3:1: syntax error'], brokenBefore: true })));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('internal/domain/order.go:3:1: syntax error');
    expect(result.stderr).toContain('the service did not build before this add either');
    expect(result.stderr).toContain('fix the build first, or rerun with --no-verify');
    expect(snapshot(root)).toEqual(before);
  });

  it('runs on --dry-run too: a dry run tells whether the add would succeed', async () => {
    const root = await service();
    const before = snapshot(root);
    const failing = fakeVerifier({ status: 'failed', messages: ['boom'] });
    expect((await run(root, addWith(failing), { dryRun: true })).code).toBe(1);
    expect(failing.calls).toHaveLength(1);

    const passing = fakeVerifier({ status: 'ok' });
    const result = await run(root, addWith(passing), { dryRun: true });
    expect(result.code).toBe(0);
    expect(passing.calls).toHaveLength(1);
    expect(result.stderr).toMatch(/verified \(fake check\)/);
    expect(result.stdout).toContain('Dry run: nothing was written.');
    expect(snapshot(root)).toEqual(before);
  });

  it('--no-verify skips it and writes the change', async () => {
    const root = await service();
    const verifier = fakeVerifier({ status: 'failed', messages: ['boom'] });
    const result = await run(root, addWith(verifier), { verify: false });
    expect(result.code).toBe(0);
    expect(verifier.calls).toHaveLength(0);
    expect(result.stderr).not.toContain('boom');
    expect(read(root, 'internal/app/widget.go')).toContain('type Widget struct{}');
  });

  it('a skipped verification prints its reason on one line and the add goes on', async () => {
    const root = await service();
    const result = await run(root, addWith(fakeVerifier({ status: 'skipped', reason: 'go not found on PATH: the change was not compiled' })));
    expect(result.code).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line.includes('go not found on PATH'))).toEqual(['! go not found on PATH: the change was not compiled']);
    expect(read(root, 'internal/app/widget.go')).toContain('type Widget struct{}');
  });

  it('is not run when there is nothing to do or when a conflict stops the add', async () => {
    const root = await service();
    const verifier = fakeVerifier({ status: 'ok' });
    const nothing: AddOperation = { command: 'test nothing', apply: async () => ({ postSteps: [], verifier }) };
    expect((await run(root, nothing)).code).toBe(0);
    fs.appendFileSync(path.join(root, 'internal/domain/order.go'), '// mine\n');
    const overwrite: AddOperation = {
      command: 'test overwrite',
      async apply(project) {
        project.tree.write('internal/domain/order.go', 'package domain\n');
        return { postSteps: [], verifier };
      },
    };
    expect((await run(root, overwrite)).code).toBe(1);
    expect(verifier.calls).toHaveLength(0);
  });
});
