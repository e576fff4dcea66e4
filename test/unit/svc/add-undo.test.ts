import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { svcAddAction } from '../../../src/cli/svc-add-action.js';
import type { AddOperation } from '../../../src/target-contract/add-operation.js';
import { bufGenerate } from '../../../src/targets/go/add/grpc/buf-generate-step.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { captureOutput, makeService, read, snapshot, write } from './fixture.js';

describe('an add whose essential post-step fails', () => {
  it('is undone: updated files get their content back, created files go, the exit is 1', async () => {
    const root = await makeService();
    const before = snapshot(root);
    const operation: AddOperation = {
      command: 'add test',
      async apply(project) {
        project.tree.write('internal/app/app.go', `${project.tree.read('internal/app/app.go') ?? ''}\n// changed\n`);
        project.tree.write('internal/app/new_file.go', 'package app\n');
        return { postSteps: [{ title: 'regenerate', manual: 'regenerate', undoesAddOnFailure: true, run: () => Promise.reject(new Error('boom')) }] };
      },
    };
    const { out, text } = captureOutput();
    expect(await svcAddAction(operation, { verify: false }, root, out)).toBe(1);
    expect(text().stdout).toContain('regenerate did not complete, so the add was undone');
    expect(snapshot(root)).toEqual(before);
  });
});

describe('bufGenerate', () => {
  it('puts the generated code back as it was when buf fails', async () => {
    const root = makeTempDir('buf-generate-');
    write(root, 'internal/gen/orders/v1/orders.pb.go', 'package ordersv1\n');
    await expect(bufGenerate.run(root, new AbortController().signal)).rejects.toThrow();
    expect(read(root, 'internal/gen/orders/v1/orders.pb.go')).toBe('package ordersv1\n');
    expect(fs.readdirSync(path.join(root, 'internal/gen/orders/v1'))).toEqual(['orders.pb.go']);
  });
});
