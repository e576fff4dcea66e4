import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { affectedPackages, importersOf, parsePackages, type GoPackage } from '../../../src/targets/go/verify/package-graph.js';
import { makeScratch } from '../../../src/targets/go/verify/scratch.js';
import { goWorkFile } from '../../../src/targets/go/verify/workspace.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const pkg = (importPath: string, dir: string, imports: string[] = []): GoPackage => ({ importPath, dir, imports });
const m = 'example.com/orders';
const graph = [
  pkg(`${m}/cmd/orders`, 'cmd/orders', [`${m}/internal/bootstrap`, 'fmt']),
  pkg(`${m}/internal/bootstrap`, 'internal/bootstrap', [`${m}/internal/app`, `${m}/internal/adapter/http`]),
  pkg(`${m}/internal/adapter/http`, 'internal/adapter/http', [`${m}/internal/app`, `${m}/internal/domain`]),
  pkg(`${m}/internal/app`, 'internal/app', [`${m}/internal/domain`, `${m}/internal/port`]),
  pkg(`${m}/internal/domain`, 'internal/domain', ['errors']),
  pkg(`${m}/internal/platform/config`, 'internal/platform/config', ['os']),
  // A package only its own tests import something of ours from.
  pkg(`${m}/internal/platform/health`, 'internal/platform/health', ['context', `${m}/internal/app`]),
];

describe('the Go verifier: which packages a change reaches', () => {
  it('reads go list lines', () => {
    const root = path.join(path.sep, 'srv', 'orders');
    const output = [`${m}\t${root}\tfmt os fmt testing `, `${m}/internal/app\t${path.join(root, 'internal', 'app')}\tcontext  errors`, ''].join('\n');
    expect(parsePackages(output, root)).toEqual([pkg(m, '.', ['fmt', 'os', 'fmt', 'testing']), pkg(`${m}/internal/app`, 'internal/app', ['context', 'errors'])]);
  });

  it('takes the changed packages and everything importing them, transitively', () => {
    const names = (list: GoPackage[]) => list.map((entry) => entry.importPath.slice(m.length + 1)).sort();
    expect(names(affectedPackages(graph, new Set(['internal/app']), false))).toEqual(['cmd/orders', 'internal/adapter/http', 'internal/app', 'internal/bootstrap', 'internal/platform/health']);
    expect(names(affectedPackages(graph, new Set(['internal/platform/config']), false))).toEqual(['internal/platform/config']);
    expect(names(affectedPackages(graph, new Set(['internal/nowhere']), false))).toEqual([]);
    // go.mod changed: every package.
    expect(affectedPackages(graph, new Set(), true)).toHaveLength(graph.length);
  });

  it('finds the importers of new packages (which go vet cannot vet)', () => {
    const withNew = [...graph, pkg(`${m}/internal/adapter/redis`, 'internal/adapter/redis', ['context']), pkg(`${m}/internal/bootstrap2`, 'internal/bootstrap2', [`${m}/internal/adapter/redis`])];
    expect([...importersOf(withNew, [withNew[withNew.length - 2] as GoPackage])]).toEqual([`${m}/internal/bootstrap2`]);
  });
});

describe('the Go verifier: scratch dir', () => {
  it('writes copies and an overlay outside the service, maps tool output back to service paths, and removes itself', async () => {
    const root = fs.realpathSync(makeTempDir('verify-unit-'));
    try {
      const before = fs.readdirSync(root);
      const scratch = await makeScratch(root, new Map([['internal/app/widget.go', 'package app\n']]));
      const copy = path.join(scratch.dir, 'tree', 'internal', 'app', 'widget.go');
      expect(fs.readFileSync(copy, 'utf8')).toBe('package app\n');
      expect(scratch.copies).toEqual([copy]);
      expect(JSON.parse(fs.readFileSync(scratch.overlayFile, 'utf8'))).toEqual({ Replace: { [path.join(root, 'internal', 'app', 'widget.go')]: copy } });
      const modFile = await scratch.writeModFile('', 'module example.com/orders\n', 'sums\n');
      expect(path.dirname(modFile)).toBe(scratch.dir);
      expect(scratch.toServicePaths(`${copy}:3:1: bad\n${path.relative(root, copy)}:4:2: worse\n${path.join(root, 'internal', 'domain', 'x.go')}:1:1: old\n${modFile}: parse`)).toBe(
        ['internal/app/widget.go:3:1: bad', 'internal/app/widget.go:4:2: worse', 'internal/domain/x.go:1:1: old', 'go.mod: parse'].join('\n').split('/').join(path.sep),
      );
      await scratch.remove();
      expect(fs.existsSync(scratch.dir)).toBe(false);
      expect(fs.readdirSync(root)).toEqual(before);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it('finds the go.work the toolchain would use', () => {
    const parent = makeTempDir('verify-unit-');
    try {
      const root = path.join(parent, 'orders');
      fs.mkdirSync(root);
      expect(goWorkFile(root, {})).toBeUndefined();
      fs.writeFileSync(path.join(parent, 'go.work'), 'go 1.26.0\n\nuse ./orders\n');
      expect(goWorkFile(root, {})).toBe(path.join(parent, 'go.work'));
      expect(goWorkFile(root, { GOWORK: 'off' })).toBeUndefined();
      expect(goWorkFile(root, { GOWORK: '/elsewhere/go.work' })).toBe('/elsewhere/go.work');
    } finally {
      fs.rmSync(parent, { recursive: true, force: true });
    }
  });
});
