import fs from 'node:fs';
import path from 'node:path';
import type { CreateOptions } from '../../../src/choices/options.js';
import { resolveSpec } from '../../../src/choices/resolve-spec.js';
import { generateGoService } from '../../../src/targets/go/generate.js';
import { commitChanges } from '../../../src/tree/commit.js';
import { writeManifest } from '../../../src/tree/manifest.js';
import { Tree } from '../../../src/tree/tree.js';
import { VERSION } from '../../../src/version.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const templates = new Map<string, string>();
const made: string[] = [];

/** A generated service `orders` on disk (no go, no git), generated once per option set and copied; removed by removeServices. */
export async function freshService(options: Partial<CreateOptions> = {}): Promise<string> {
  const key = JSON.stringify(options);
  let template = templates.get(key);
  if (template === undefined) {
    const parent = makeTempDir('adapters-template-');
    made.push(parent);
    const spec = resolveSpec({ directory: path.join(parent, 'orders'), yes: true, git: false, install: false, ...options }, parent);
    const tree = new Tree(spec.root);
    await generateGoService(tree, spec);
    writeManifest(tree, { tool: 'create-service', version: VERSION, name: spec.name.kebab, module: spec.module, choices: spec.choices, history: ['create'] });
    commitChanges(spec.root, tree.changes());
    template = spec.root;
    templates.set(key, template);
  }
  const parent = makeTempDir('adapters-edited-');
  made.push(parent);
  const copy = path.join(parent, 'orders');
  fs.cpSync(template, copy, { recursive: true });
  return copy;
}

export function removeServices(): void {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  templates.clear();
}
