import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addGoRequirements } from '../../src/targets/go/features/datastore/edits.js';
import { parseGoMod } from '../../src/targets/go/gomod/parse.js';
import { Tree } from '../../src/tree/tree.js';
import { BROKEN_GO_MODS, GO_MOD_SHAPES, type GoModShape } from '../helpers/gomod-shapes.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * Our go.mod edits against the Go toolchain's own reading of go.mod (golang.org/x/mod/modfile):
 * the result is what `go mod edit -fmt` prints for it (or, where the user's own lines are not in
 * that form, the edit commutes with it), and `go mod edit -json` lists the new requirements.
 */
const GO_ENV = { GOTOOLCHAIN: 'local', GOFLAGS: '', GOWORK: 'off' };

let root: string;
let count = 0;

/** A fresh module directory holding `text` as its go.mod. */
function moduleWith(text: string): string {
  const dir = path.join(root, String(count++));
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'go.mod'), text);
  return dir;
}

async function goModEdit(text: string, flag: '-fmt' | '-json'): Promise<string> {
  const dir = moduleWith(text);
  const result = await execa('go', ['mod', 'edit', flag], { cwd: dir, env: GO_ENV, reject: false, all: true });
  expect(result.exitCode, result.all).toBe(0);
  return flag === '-fmt' ? fs.readFileSync(path.join(dir, 'go.mod'), 'utf8') : result.stdout;
}

function added(text: string, shape: GoModShape): string {
  const tree = new Tree(moduleWith(text));
  addGoRequirements(tree, shape.add);
  return tree.read('go.mod') ?? '';
}

describe('go.mod edits agree with the Go toolchain', () => {
  beforeAll(() => {
    root = makeTempDir('gomod-edit-');
  });

  afterAll(() => {
    if (root !== undefined) fs.rmSync(root, { recursive: true, force: true });
  });

  it.each(GO_MOD_SHAPES.map((shape) => [shape.name, shape] as const))('%s', async (_name, shape) => {
    const ours = added(shape.before, shape);
    expect(ours).toBe(shape.after);
    const formattedBefore = await goModEdit(shape.before, '-fmt');
    const formattedOurs = await goModEdit(ours, '-fmt');
    expect(formattedBefore === shape.before).toBe(shape.beforeCanonical);
    if (shape.afterCanonical) expect(formattedOurs).toBe(ours);
    else expect(formattedOurs).toBe(added(formattedBefore, shape));
    const listed = JSON.parse(await goModEdit(ours, '-json')) as { Require: { Path: string; Version: string; Indirect?: boolean }[] | null };
    for (const requirement of shape.add) {
      const found = listed.Require?.filter((entry) => entry.Path === requirement.path) ?? [];
      expect(found, requirement.path).toHaveLength(1);
      const before = shape.before.includes(requirement.path);
      if (!before) expect(found[0]).toEqual({ Path: requirement.path, Version: requirement.version });
    }
  });

  it.each(BROKEN_GO_MODS.map((broken) => [broken.name, broken] as const))('refuses %s as go does', async (_name, broken) => {
    expect(() => parseGoMod(broken.text)).toThrow(broken.error);
    const dir = moduleWith(broken.text);
    const result = await execa('go', ['mod', 'edit', '-fmt'], { cwd: dir, env: GO_ENV, reject: false, all: true });
    expect(result.exitCode).not.toBe(0);
    // go names the file by its full path.
    expect(result.stderr).toContain(broken.error.replaceAll('go.mod:', `${path.join(dir, 'go.mod')}:`));
  });
});
