import type { ServiceSpec } from '../../choices/service-spec.js';
import type { Tree } from '../../tree/tree.js';
import { goTemplateContext } from './context.js';
import { GO_FEATURES } from './features/catalog.js';

/** Writes a complete Go service for the spec into the tree. Pure: no disk writes, no prompts, no output. */
export async function generateGoService(tree: Tree, spec: ServiceSpec): Promise<void> {
  const features = GO_FEATURES.filter((feature) => feature.enabled(spec));
  const template = goTemplateContext(spec, features.flatMap((feature) => feature.requires(spec)));
  for (const feature of features) await feature.apply(tree, template);
}
