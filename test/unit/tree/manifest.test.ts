import { describe, expect, it } from 'vitest';
import { hashContent, readManifest, writeManifest } from '../../../src/tree/manifest.js';
import { Tree } from '../../../src/tree/tree.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const CHOICES = {
  lang: 'go' as const,
  transport: ['http' as const],
  datastore: ['memory' as const],
  logger: 'slog' as const,
  metrics: 'none' as const,
  tracing: 'none' as const,
  deploy: [],
  example: false,
};

describe('manifest', () => {
  it('hashes every written file except toolchain-owned ones, sorted by path', () => {
    const tree = new Tree(makeTempDir());
    tree.write('z.go', 'package z\n');
    tree.write('a.go', 'package a\n');
    tree.write('go.mod', 'module x\n');
    writeManifest(tree, { tool: 'create-service', version: '1.2.3', name: 'x', module: 'example.com/x', choices: CHOICES, history: ['create'] });
    const manifest = readManifest(tree);
    expect(manifest?.version).toBe('1.2.3');
    expect(Object.keys(manifest?.files ?? {})).toEqual(['a.go', 'z.go']);
    expect(manifest?.files['a.go']).toBe(hashContent('package a\n'));
    expect(hashContent('package a\n')).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(tree.read('svc.json')?.endsWith('}\n')).toBe(true);
  });

  it('keeps files an earlier run owned', () => {
    const tree = new Tree(makeTempDir());
    tree.write('new.go', 'package n\n');
    const previous = { tool: 'create-service' as const, version: '1', name: 'x', module: 'm.com/x', choices: CHOICES, history: ['create'], files: { 'old.go': 'sha256:abc' } };
    writeManifest(tree, { ...previous, history: ['create', 'add'] }, previous);
    expect(readManifest(tree)?.files).toEqual({ 'new.go': hashContent('package n\n'), 'old.go': 'sha256:abc' });
  });
});
