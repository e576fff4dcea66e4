import { describe, expect, it } from 'vitest';
import type { PostStep } from '../../../src/post-steps/post-step.js';
import { runQuickSteps } from '../../../src/post-steps/run-quick-steps.js';
import { gofmtTouched } from '../../../src/targets/go/add/post-steps.js';
import { Tree } from '../../../src/tree/tree.js';
import { makeTempDir } from '../../helpers/temp-dir.js';
import { captureOutput, write } from './fixture.js';

const step = (title: string, run: () => Promise<void>, needs?: string): PostStep => ({ title, manual: `do ${title}`, quick: true, run, ...(needs ? { needs } : {}) });

describe('quick post-steps', () => {
  it('reports done, failed and a missing executable as skipped, and runs every step', async () => {
    const { out, text } = captureOutput();
    const missing = Object.assign(new Error('spawn nope ENOENT'), { code: 'ENOENT' });
    const results = await runQuickSteps(
      [step('ok', async () => {}), step('bad', async () => Promise.reject(new Error('boom'))), step('absent', async () => Promise.reject(missing), 'nope')],
      '.',
      out.stderr,
    );
    expect(results.map((r) => [r.title, r.status, r.detail])).toEqual([
      ['ok', 'done', undefined],
      ['bad', 'failed', 'boom'],
      ['absent', 'skipped', 'nope is not installed'],
    ]);
    expect(text().stderr).toContain('absent skipped: nope is not installed; run do absent yourself');
  });

  it('gofmt checks only the Go files the add wrote', async () => {
    const root = makeTempDir('svc-gofmt-');
    write(root, 'ugly.go', 'package x\nfunc  f( ) {}\n');
    write(root, 'ok.go', 'package x\n\nfunc g() {}\n');
    const tree = new Tree(root);
    tree.write('ok.go', 'package x\n\nfunc g() {}\n');
    tree.write('notes.md', '# hi\n');
    const clean = gofmtTouched(tree);
    expect(clean.manual).toBe('gofmt -l ok.go');
    await expect(clean.run(root)).resolves.toBeUndefined();
    tree.write('ugly.go', 'package x\nfunc  f( ) {}\n');
    await expect(gofmtTouched(tree).run(root)).rejects.toThrow('not gofmt-clean: ugly.go');
  });
});
