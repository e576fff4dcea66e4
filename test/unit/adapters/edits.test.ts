import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { withDatastore } from '../../../src/choices/catalog.js';
import { addGoRequirements } from '../../../src/targets/go/features/datastore/edits.js';
import { addContainerEnv, addMapEntry, editYamlFile } from '../../../src/file-edits/yaml-file.js';
import { appendTextBlock, placeTextBlock, type BlockOrder } from '../../../src/file-edits/text-block.js';
import { Tree } from '../../../src/tree/tree.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const pgx = { path: 'github.com/jackc/pgx/v5', version: 'v5.12.0' };
const goose = { path: 'github.com/pressly/goose/v3', version: 'v3.29.0' };

function treeWith(files: Record<string, string>): Tree {
  const tree = new Tree(makeTempDir());
  for (const [file, content] of Object.entries(files)) tree.write(file, content);
  return tree;
}

describe('addGoRequirements', () => {
  const goMod = (...rows: string[]) => ['module example.com/orders', '', 'go 1.26.0', '', 'require (', ...rows, ')', ''].join('\n');

  it('inserts each requirement in sorted position of the first require block, as the template renders it', () => {
    const tree = treeWith({ 'go.mod': goMod('\tgithub.com/caarlos0/env/v11 v11.4.2', '\tgo.opentelemetry.io/otel v1.47.0') });
    addGoRequirements(tree, [pgx, goose]);
    expect(tree.read('go.mod')).toBe(
      goMod('\tgithub.com/caarlos0/env/v11 v11.4.2', '\tgithub.com/jackc/pgx/v5 v5.12.0', '\tgithub.com/pressly/goose/v3 v3.29.0', '\tgo.opentelemetry.io/otel v1.47.0'),
    );
  });

  it('leaves a module that is already required, even indirectly or at another version, to go mod tidy', () => {
    const text = [
      'module example.com/orders',
      '',
      'go 1.26.0',
      '',
      'require github.com/pressly/goose/v3 v3.30.0',
      '',
      'require (',
      '\tgithub.com/caarlos0/env/v11 v11.4.2',
      ')',
      '',
      'require (',
      '\tgithub.com/jackc/pgx/v5 v5.11.0 // indirect',
      ')',
      '',
    ].join('\n');
    const tree = treeWith({ 'go.mod': text });
    addGoRequirements(tree, [pgx, goose]);
    expect(tree.read('go.mod')).toBe(text);
    expect(tree.changes()).toHaveLength(1); // only the write of the fixture itself
  });

  it('adds a require block to a go.mod without one, or one line for one module, as go mod edit -fmt writes them', () => {
    const tree = treeWith({ 'go.mod': 'module example.com/orders\n\ngo 1.26.0\n' });
    addGoRequirements(tree, [pgx, goose]);
    expect(tree.read('go.mod')).toBe('module example.com/orders\n\ngo 1.26.0\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.12.0\n\tgithub.com/pressly/goose/v3 v3.29.0\n)\n');
    const single = treeWith({ 'go.mod': 'module example.com/orders\n\ngo 1.26.0\n' });
    addGoRequirements(single, [pgx]);
    expect(single.read('go.mod')).toBe('module example.com/orders\n\ngo 1.26.0\n\nrequire github.com/jackc/pgx/v5 v5.12.0\n');
  });
});

describe('YAML edits', () => {
  const compose = [
    '# Local stack: docker compose up --build',
    'name: orders',
    '',
    'services:',
    '  orders:',
    '    image: orders:dev',
    '    environment:',
    '      HTTP_ADDR: ":8080" # the listen address',
    '    # keep this comment',
    '    restart: unless-stopped',
    '',
  ].join('\n');

  it('adds keys, services and comments, keeping the comments and quoting of the file', () => {
    const tree = treeWith({ 'compose.yaml': compose });
    editYamlFile(tree, 'compose.yaml', (doc) => {
      addMapEntry(doc, ['services', 'orders', 'environment'], 'POSTGRES_URL', 'postgres://orders@postgres:5432/orders');
      addMapEntry(doc, ['services', 'orders', 'depends_on'], 'postgres', { condition: 'service_healthy' });
      addMapEntry(doc, ['services'], 'postgres', { image: 'postgres:17' }, { spaced: true, comment: ' PostgreSQL' });
    });
    const after = tree.read('compose.yaml') ?? '';
    expect(after).toContain('      HTTP_ADDR: ":8080" # the listen address\n      POSTGRES_URL: postgres://orders@postgres:5432/orders\n');
    expect(after).toContain('    # keep this comment\n');
    expect(after).toContain('    depends_on:\n      postgres:\n        condition: service_healthy\n');
    expect(after).toContain('\n\n  # PostgreSQL\n  postgres:\n    image: postgres:17\n');
    expect(after.startsWith('# Local stack: docker compose up --build\n')).toBe(true);
  });

  it('never changes a key the user set, and is idempotent', () => {
    const tree = treeWith({ 'compose.yaml': compose });
    const edit = () =>
      editYamlFile(tree, 'compose.yaml', (doc) => {
        addMapEntry(doc, ['services', 'orders', 'environment'], 'HTTP_ADDR', ':9999');
        addMapEntry(doc, ['services'], 'redis', { image: 'redis:7.4' }, { spaced: true });
      });
    edit();
    const once = tree.read('compose.yaml');
    edit();
    expect(tree.read('compose.yaml')).toBe(once);
    expect(once).toContain('HTTP_ADDR: ":8080"');
  });

  it('adds an env entry to the named container of a Deployment once', () => {
    const deployment = parseDocument(
      ['spec:', '  template:', '    spec:', '      containers:', '        - name: orders', '          env:', '            - name: LOG_LEVEL', '              value: info', ''].join('\n'),
    );
    const entry = { name: 'POSTGRES_URL', valueFrom: { secretKeyRef: { name: 'orders-postgres', key: 'url' } } };
    addContainerEnv(deployment, 'orders', entry, ' from a Secret');
    addContainerEnv(deployment, 'orders', entry, ' from a Secret');
    const text = deployment.toString({ lineWidth: 0 });
    expect(text.match(/POSTGRES_URL/g)).toHaveLength(1);
    expect(text).toContain('            # from a Secret\n            - name: POSTGRES_URL\n              valueFrom:\n                secretKeyRef:\n');
    addContainerEnv(deployment, 'other', entry);
    expect(deployment.toString({ lineWidth: 0 })).toBe(text);
  });

  it('leaves a missing file alone and refuses a broken one', () => {
    const tree = treeWith({ 'broken.yaml': 'a: [\n' });
    editYamlFile(tree, 'absent.yaml', () => {
      throw new Error('not called');
    });
    expect(() => editYamlFile(tree, 'broken.yaml', () => undefined)).toThrow(/broken\.yaml is not valid YAML/);
  });
});

describe('appendTextBlock', () => {
  it('appends once, after one blank row', () => {
    const tree = treeWith({ '.env.example': 'LOG_LEVEL=info\n\n\n' });
    appendTextBlock(tree, '.env.example', '# PostgreSQL\nPOSTGRES_URL=x\n');
    appendTextBlock(tree, '.env.example', '# PostgreSQL\nPOSTGRES_URL=x\n');
    expect(tree.read('.env.example')).toBe('LOG_LEVEL=info\n\n# PostgreSQL\nPOSTGRES_URL=x\n');
  });
});

describe('placeTextBlock', () => {
  const order: BlockOrder = { firsts: ['# A', '# B', '# C'], extent: 'paragraph' };
  const block = (name: string) => `# ${name}\n${name}=1\n`;

  it('gives the same file whichever order the known blocks come in, and never moves the user\'s', () => {
    const results = [
      ['A', 'B', 'C'],
      ['C', 'A', 'B'],
      ['B', 'C', 'A'],
      ['C', 'B', 'A'],
    ].map((names) => {
      const tree = treeWith({ '.env.example': 'LOG_LEVEL=info\n' });
      for (const name of names) placeTextBlock(tree, '.env.example', block(name), order);
      return tree.read('.env.example');
    });
    expect(new Set(results)).toEqual(new Set(['LOG_LEVEL=info\n\n# A\nA=1\n\n# B\nB=1\n\n# C\nC=1\n']));

    const tree = treeWith({ '.env.example': 'LOG_LEVEL=info\n\n# C\nC=1\n\n# Mine\nMINE=1\n' });
    placeTextBlock(tree, '.env.example', block('A'), order);
    placeTextBlock(tree, '.env.example', block('B'), order);
    expect(tree.read('.env.example')).toBe('LOG_LEVEL=info\n\n# A\nA=1\n\n# B\nB=1\n\n# C\nC=1\n\n# Mine\nMINE=1\n');
  });

  it('ends a README section at the next heading', () => {
    const readme: BlockOrder = { firsts: ['## A', '## B'], extent: 'heading' };
    const tree = treeWith({ 'README.md': '# S\n\n## A\n\nabout a\n\n## Ours\n\nmine\n' });
    placeTextBlock(tree, 'README.md', '## B\n\nabout b\n', readme);
    expect(tree.read('README.md')).toBe('# S\n\n## A\n\nabout a\n\n## B\n\nabout b\n\n## Ours\n\nmine\n');
  });
});

describe('withDatastore', () => {
  it('records memory only while nothing else is there, in catalog order', () => {
    expect(withDatastore(['memory'], 'memory')).toEqual(['memory']);
    expect(withDatastore(['memory'], 'redis')).toEqual(['redis']);
    expect(withDatastore(['redis'], 'postgres')).toEqual(['postgres', 'redis']);
    expect(withDatastore(['memory', 'postgres'], 'postgres')).toEqual(['postgres']);
  });
});
