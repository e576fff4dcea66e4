import { UsageError } from '../errors.js';
import { namesOf } from '../choices/naming.js';
import type { ServiceSpec } from '../choices/service-spec.js';
import { MANIFEST_FILE, readManifest, type Manifest } from '../tree/manifest.js';
import { Tree } from '../tree/tree.js';
import { findProjectRoot } from './find-root.js';

export interface Project {
  spec: ServiceSpec;
  manifest: Manifest;
  tree: Tree;
}

/** Finds the service around `cwd` and rebuilds its spec from svc.json. */
export function loadProject(cwd: string): Project {
  const root = findProjectRoot(cwd);
  const tree = new Tree(root);
  let manifest: Manifest | undefined;
  try {
    manifest = readManifest(tree);
  } catch (error) {
    throw new UsageError(`${MANIFEST_FILE} in ${root} is not valid JSON: ${(error as Error).message}`, 'restore it from version control');
  }
  if (manifest?.tool !== 'create-service' || typeof manifest.name !== 'string' || typeof manifest.choices !== 'object') {
    throw new UsageError(`${MANIFEST_FILE} in ${root} was not written by create-service`, 'restore it from version control');
  }
  const spec: ServiceSpec = { root, name: namesOf(manifest.name), module: manifest.module, choices: manifest.choices };
  return { spec, manifest, tree };
}
