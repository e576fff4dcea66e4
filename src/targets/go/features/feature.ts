import type { ServiceSpec } from '../../../choices/service-spec.js';
import type { Tree } from '../../../tree/tree.js';
import type { goRequirements } from '../go-modules.js';

export type GoRequirementSet = keyof typeof goRequirements;

/** One feature of a Go service: when it applies, the Go modules it needs, and how it changes the tree. */
export interface GoFeature {
  id: string;
  enabled(spec: ServiceSpec): boolean;
  /** Keys into the pinned table of go-modules.ts. */
  requires(spec: ServiceSpec): readonly GoRequirementSet[];
  /** Async when it edits Go through the syntax tree (the parser loads wasm). */
  apply(tree: Tree, template: object): void | Promise<void>;
}
