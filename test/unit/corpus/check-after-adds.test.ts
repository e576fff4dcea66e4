import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EditedService } from '../../corpus/edited-service.js';
import { checkAfterAdds, prepare } from '../../corpus/run-corpus.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

/** A base service of one file and a hand edit that adds a second one. */
function scenario(): { base: string; root: string; service: EditedService } {
  const work = makeTempDir('create-service-check-after-adds-');
  const base = path.join(work, 'base');
  fs.mkdirSync(base);
  fs.writeFileSync(path.join(base, 'main.go'), 'package main\n');
  const service: EditedService = {
    id: 'hand-edit',
    target: 'go',
    create: [],
    edit: 'adds notes.txt',
    apply: (files) => files.write('notes.txt', 'by hand\n'),
    adds: [],
  };
  const root = path.join(work, 'service');
  prepare(base, root, service);
  return { base, root, service };
}

/** Checks that fail wherever `bad` is a file, and record every folder they ran in. */
function checksFailingOn(bad: string, ranIn: string[]) {
  return async (dir: string) => {
    ranIn.push(dir);
    if (fs.existsSync(path.join(dir, bad))) throw new Error(`${bad} found in ${path.basename(dir)}`);
  };
}

describe('checkAfterAdds', () => {
  it('runs the checks once, on the service after its adds, when they pass', async () => {
    const { base, root, service } = scenario();
    const ranIn: string[] = [];
    await checkAfterAdds(root, base, service, checksFailingOn('nothing-matches', ranIn));
    expect(ranIn).toEqual([root]);
  });

  it('blames the adds when the hand edit alone passes, and removes its copy', async () => {
    const { base, root, service } = scenario();
    fs.writeFileSync(path.join(root, 'broken.go'), 'written by an add\n');
    const ranIn: string[] = [];
    const failure = checkAfterAdds(root, base, service, checksFailingOn('broken.go', ranIn));
    await expect(failure).rejects.toThrow(/the adds broke the service \(adds notes\.txt\)[\s\S]*broken\.go found in service/);
    expect(ranIn).toHaveLength(2);
    expect(ranIn[1]).toBe(`${root}-hand-edit-only`);
    expect(fs.existsSync(ranIn[1] ?? ''), 'the copy of the hand edit is removed').toBe(false);
  });

  it('blames the fixture when the hand edit alone already fails', async () => {
    const { base, root, service } = scenario();
    const failure = checkAfterAdds(root, base, service, checksFailingOn('notes.txt', []));
    await expect(failure).rejects.toThrow(/the hand edit alone already fails these checks; fix the corpus fixture[\s\S]*after the adds:/);
  });
});
