import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Tree } from '../../../src/tree/tree.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

describe('Tree', () => {
  it('reads through to disk, prefers pending writes, and never writes', () => {
    const root = makeTempDir();
    fs.writeFileSync(path.join(root, 'a.txt'), 'disk');
    const tree = new Tree(root);
    expect(tree.read('a.txt')).toBe('disk');
    tree.write('a.txt', 'memory');
    expect(tree.read('a.txt')).toBe('memory');
    expect(fs.readFileSync(path.join(root, 'a.txt'), 'utf8')).toBe('disk');
    expect(tree.read('missing.txt')).toBeUndefined();
  });

  it('reports creates and updates sorted by path and leaves out unchanged files', () => {
    const root = makeTempDir();
    fs.writeFileSync(path.join(root, 'same.txt'), 'same');
    fs.writeFileSync(path.join(root, 'old.txt'), 'before');
    const tree = new Tree(root);
    tree.write('z/new.txt', 'new');
    tree.write('same.txt', 'same');
    tree.write('old.txt', 'after');
    expect(tree.changes()).toEqual([
      { kind: 'update', path: 'old.txt', content: 'after', before: 'before' },
      { kind: 'create', path: 'z/new.txt', content: 'new' },
    ]);
  });

  it('refuses paths that escape the project', () => {
    const tree = new Tree(makeTempDir());
    expect(() => tree.write('../evil.txt', 'x')).toThrow(/escapes the project/);
    expect(() => tree.write('/etc/passwd', 'x')).toThrow(/escapes the project/);
    expect(() => tree.write('a/../../evil.txt', 'x')).toThrow(/escapes the project/);
  });
});
