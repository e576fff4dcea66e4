import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FailureError } from '../../../src/errors.js';
import { commitChanges } from '../../../src/tree/commit.js';
import { Tree } from '../../../src/tree/tree.js';
import { makeTempDir, snapshot } from '../../helpers/temp-dir.js';

function fixture(): string {
  const root = makeTempDir();
  fs.writeFileSync(path.join(root, 'keep.txt'), 'user line 1\nuser line 2\n');
  fs.writeFileSync(path.join(root, 'blocker'), 'a file where a directory would be needed');
  fs.mkdirSync(path.join(root, 'occupied'));
  fs.writeFileSync(path.join(root, 'occupied', 'inside.txt'), 'x');
  return root;
}

describe('commitChanges', () => {
  it('writes creates and updates, creating directories', () => {
    const root = fixture();
    const tree = new Tree(root);
    tree.write('deep/er/new.txt', 'hello é\n');
    tree.write('keep.txt', 'user line 1\nuser line 2\nadded\n');
    commitChanges(root, tree.changes());
    expect(fs.readFileSync(path.join(root, 'deep/er/new.txt'), 'utf8')).toBe('hello é\n');
    expect(fs.readFileSync(path.join(root, 'keep.txt'), 'utf8')).toBe('user line 1\nuser line 2\nadded\n');
    expect(fs.readdirSync(root).some((name) => name.endsWith('.tmp'))).toBe(false);
  });

  it('leaves every byte as it was when staging fails part-way', () => {
    const root = fixture();
    const before = snapshot(root);
    const tree = new Tree(root);
    tree.write('a-first/new.txt', 'created first');
    tree.write('keep.txt', 'overwritten');
    tree.write('blocker/child.txt', 'cannot exist: blocker is a file');
    expect(() => commitChanges(root, tree.changes())).toThrow(FailureError);
    expect(snapshot(root)).toEqual(before);
  });

  it('restores renamed files when a later rename fails', () => {
    const root = fixture();
    const before = snapshot(root);
    const tree = new Tree(root);
    tree.write('a-created.txt', 'created');
    tree.write('keep.txt', 'overwritten');
    // A non-empty directory cannot be replaced by a file: the last rename fails.
    tree.write('occupied', 'a file over a directory');
    expect(() => commitChanges(root, tree.changes())).toThrow(/nothing was changed/);
    expect(snapshot(root)).toEqual(before);
  });

  it('removes a project directory it created when the commit fails', () => {
    const root = path.join(makeTempDir(), 'new-project');
    const tree = new Tree(root);
    tree.write('ok.txt', 'ok');
    tree.write('sub/x.txt', 'x');
    // Needs ok.txt to be a directory, so renaming the file ok.txt into place fails.
    tree.write('ok.txt/child.txt', 'conflicts');
    expect(() => commitChanges(root, tree.changes())).toThrow(FailureError);
    expect(fs.existsSync(root)).toBe(false);
  });
});
