import type { ServiceSpec } from '../../../choices/service-spec.js';
import type { GoFeature, GoRequirementSet } from './feature.js';

/**
 * A feature whose code (the edit engine, YAML editing) is imported only when it applies, so a
 * create without it never pays for loading tree-sitter or yaml.
 */
export function lazyFeature(
  id: string,
  enabled: (spec: ServiceSpec) => boolean,
  requires: readonly GoRequirementSet[],
  load: () => Promise<GoFeature>,
): GoFeature {
  return {
    id,
    enabled,
    requires: () => requires,
    apply: async (tree, template) => (await load()).apply(tree, template),
  };
}
