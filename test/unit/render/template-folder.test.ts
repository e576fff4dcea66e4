import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTemplateFolder } from '../../../src/render/template-folder.js';
import { Tree } from '../../../src/tree/tree.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

function templates(files: Record<string, string>): string {
  const root = makeTempDir('templates-');
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, 'feature', file)), { recursive: true });
    fs.writeFileSync(path.join(root, 'feature', file), content);
  }
  return root;
}

describe('renderTemplateFolder', () => {
  const context = { name: 'orders', enabled: false, literal: '<b>&"' };

  it('renders .hbs files and paths, copies others verbatim, maps dot- and drops empty output', () => {
    const root = templates({
      'cmd/{{name}}/main.go.hbs': 'package main // {{name}} {{literal}}\n',
      'raw.txt': 'kept {{as-is}}\n',
      'dot-gitignore': 'bin/\n',
      'dot-github/workflows/ci.yml.hbs': 'run: echo $\\{{ github.sha }} {{name}}\n',
      'optional.go.hbs': '{{#if enabled}}package x{{/if}}\n',
    });
    const tree = new Tree(makeTempDir());
    renderTemplateFolder(tree, 'feature', context, root);
    expect(Object.fromEntries(tree.written().map((file) => [file, tree.read(file)]))).toEqual({
      'cmd/orders/main.go': 'package main // orders <b>&"\n',
      'raw.txt': 'kept {{as-is}}\n',
      '.gitignore': 'bin/\n',
      '.github/workflows/ci.yml': 'run: echo ${{ github.sha }} orders\n',
    });
  });

  it('fails on a key the context does not have (strict mode), naming the template', () => {
    const root = templates({ 'x.go.hbs': '{{missing}}\n' });
    expect(() => renderTemplateFolder(new Tree(makeTempDir()), 'feature', context, root)).toThrow(/feature\/x\.go\.hbs.*missing/s);
  });
});
