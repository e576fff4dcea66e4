import fs from 'node:fs';
import path from 'node:path';
import type { CreateOptions } from '../../../src/choices/options.js';
import { resolveSpec } from '../../../src/choices/resolve-spec.js';
import { generateTsService } from '../../../src/targets/ts/generate.js';
import { commitChanges } from '../../../src/tree/commit.js';
import { writeManifest } from '../../../src/tree/manifest.js';
import { Tree } from '../../../src/tree/tree.js';
import { VERSION } from '../../../src/version.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const cache = new Map<string, string>();

/** A freshly generated TypeScript service (no install, no git) in a temp dir; generated once per option set, then copied. */
export async function makeTsService(options: Partial<CreateOptions> = {}, name = 'orders'): Promise<string> {
  const key = JSON.stringify(options);
  let template = cache.get(key);
  if (template === undefined) {
    const parent = makeTempDir('ts-svc-fixture-');
    const spec = resolveSpec({ directory: path.join(parent, name), yes: true, git: false, install: false, lang: 'ts', ...options }, parent);
    const tree = new Tree(spec.root);
    await generateTsService(tree, spec);
    writeManifest(tree, { tool: 'create-service', version: VERSION, name: spec.name.kebab, module: spec.module, choices: spec.choices, history: ['create'] });
    commitChanges(spec.root, tree.changes());
    template = spec.root;
    cache.set(key, template);
  }
  const copy = path.join(makeTempDir('ts-svc-unit-'), name);
  fs.cpSync(template, copy, { recursive: true });
  return copy;
}
