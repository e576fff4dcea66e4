import fs from 'node:fs';
import module, { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { requireWithCodeCache, storeCodeCache } from '../../src/module-loading/code-cache.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/** A package under node_modules of a fresh folder, whose module counts its own evaluations. */
function fixture(): { from: string; file: string; cache: string } {
  const dir = makeTempDir();
  const file = path.join(dir, 'node_modules', 'cached-fixture', 'index.js');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(path.join(path.dirname(file), 'package.json'), '{"name":"cached-fixture","main":"index.js"}');
  fs.writeFileSync(file, 'globalThis.__fixtureRuns = (globalThis.__fixtureRuns ?? 0) + 1;\nexports.sum = (a, b) => a + b;\nexports.file = __filename;\n');
  return { from: path.join(dir, 'main.js'), file, cache: path.join(dir, 'cache') };
}

const savedCacheHome = process.env['XDG_CACHE_HOME'];
afterEach(() => {
  if (savedCacheHome === undefined) delete process.env['XDG_CACHE_HOME'];
  else process.env['XDG_CACHE_HOME'] = savedCacheHome;
});

// Node >= 22.1 caches compiled code itself (module.enableCompileCache), and requireWithCodeCache is a plain require there.
describe.skipIf(typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function')('V8 code cache for CommonJS dependencies (Node 20)', () => {
  it('runs the module as require() would, stores its code, and the next run uses it', () => {
    const { from, file, cache } = fixture();
    process.env['XDG_CACHE_HOME'] = cache;
    const first = requireWithCodeCache(from, 'cached-fixture') as { sum(a: number, b: number): number; file: string };
    expect(first.sum(2, 3)).toBe(5);
    expect(first.file).toBe(file);
    expect(storeCodeCache()).toBe(1);
    const stored = fs.readdirSync(cache, { recursive: true }).filter((name) => String(name).endsWith('.bin'));
    expect(stored).toHaveLength(1);

    delete createRequire(from).cache[file];
    const second = requireWithCodeCache(from, 'cached-fixture') as { sum(a: number, b: number): number };
    expect(second.sum(4, 5)).toBe(9);
    // Accepted by V8: nothing left to store.
    expect(storeCodeCache()).toBe(0);
    expect((globalThis as { __fixtureRuns?: number }).__fixtureRuns).toBe(2);
  });

  it('compiles afresh and stores anew when the cached data does not fit the source (a dependency updated in place)', () => {
    const { from, file, cache } = fixture();
    process.env['XDG_CACHE_HOME'] = cache;
    requireWithCodeCache(from, 'cached-fixture');
    storeCodeCache();
    fs.writeFileSync(file, `${fs.readFileSync(file, 'utf8')}exports.updated = true; // a longer source than the cached one\n`);
    delete createRequire(from).cache[file];
    expect((requireWithCodeCache(from, 'cached-fixture') as { sum(a: number, b: number): number }).sum(1, 1)).toBe(2);
    expect(storeCodeCache()).toBe(1);
  });
});
