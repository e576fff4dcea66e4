import type { ServiceSpec } from '../../../choices/service-spec.js';
import type { Tree } from '../../../tree/tree.js';

/** One feature of a TypeScript service: when it applies and how it changes the tree. */
export interface TsFeature {
  id: string;
  enabled(spec: ServiceSpec): boolean;
  apply(tree: Tree, template: object): void | Promise<void>;
}
