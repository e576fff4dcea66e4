import type { ServiceSpec } from '../../choices/service-spec.js';
import type { Tree } from '../../tree/tree.js';
import { tsTemplateContext } from './context.js';
import { TS_FEATURES } from './features/catalog.js';

/** Writes a complete TypeScript service for the spec into the tree. Pure: no disk writes, no prompts, no output. */
export async function generateTsService(tree: Tree, spec: ServiceSpec): Promise<void> {
  const template = tsTemplateContext(spec);
  for (const feature of TS_FEATURES.filter((candidate) => candidate.enabled(spec))) await feature.apply(tree, template);
}
