import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/cli.js';

/** ts-morph costs ~300 ms to load: no module may import it statically; only the TS edit session loads it, on demand with require(). */
describe('ts-morph is imported lazily', () => {
  it('appears in src only as `import type` or as the one on-demand require of the edit session', () => {
    const src = path.join(REPO_ROOT, 'src');
    const files = (fs.readdirSync(src, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts'));
    const offenders: string[] = [];
    const dynamic: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(path.join(src, file), 'utf8');
      for (const match of text.matchAll(/^\s*import\s+(?!type\b)[^;]*from\s+'ts-morph'/gm)) offenders.push(`${file}: ${match[0].trim()}`);
      if (/(?<!typeof )import\('ts-morph'\)|'ts-morph'\) as TsMorph/.test(text)) dynamic.push(file);
    }
    expect(offenders).toEqual([]);
    expect(dynamic.map((file) => file.split(path.sep).join('/'))).toEqual(['targets/ts/edit/session.ts']);
  });

  it('commands reach the TypeScript target only through the registry, which loads it with import()', () => {
    const main = fs.readFileSync(path.join(REPO_ROOT, 'src/cli/svc-main.ts'), 'utf8');
    expect(main).not.toMatch(/^import .*targets\//m);
    expect(main).toContain("import('../targets/registry.js')");
    const registry = fs.readFileSync(path.join(REPO_ROOT, 'src/targets/registry.ts'), 'utf8');
    expect(registry).not.toMatch(/^import .*\.\/ts\//m);
    expect(registry).toContain("import('./ts/target.js')");
    const target = fs.readFileSync(path.join(REPO_ROOT, 'src/targets/ts/target.ts'), 'utf8');
    expect(target).not.toMatch(/^import (?!type\b)/m);
    expect(target).toContain("import('./add/usecase.js')");
  });
});
