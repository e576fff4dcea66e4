import type { ServiceSpec } from '../../choices/service-spec.js';
import { choiceFlags } from '../../choices/choice-flags.js';
import { protoNamesOf } from '../../choices/proto-names.js';
import { compareStrings } from '../../tree/compare.js';
import { VERSION } from '../../version.js';
import type { GoRequirementSet } from './features/feature.js';
import { GO_DIRECTIVE, GO_TOOLS, goRequirements, type GoRequirement } from './go-modules.js';

/** The template context of docs/templates.md. */
export function goTemplateContext(spec: ServiceSpec, requirementSets: readonly GoRequirementSet[]) {
  const { choices } = spec;
  return {
    name: spec.name.kebab,
    module: spec.module,
    goVersion: GO_DIRECTIVE,
    toolVersion: VERSION,
    names: spec.name,
    proto: protoNamesOf(spec.name.kebab, spec.module),
    ...choiceFlags(choices),
    datastore: { memory: choices.datastore.includes('memory') },
    logger: { slog: choices.logger === 'slog', zap: choices.logger === 'zap' },
    requires: requirementsOf(requirementSets),
    tools: GO_TOOLS,
  };
}

function requirementsOf(sets: readonly GoRequirementSet[]): GoRequirement[] {
  const byPath = new Map<string, GoRequirement>();
  for (const set of sets) for (const requirement of goRequirements[set]) byPath.set(requirement.path, requirement);
  return [...byPath.values()].sort((a, b) => compareStrings(a.path, b.path));
}
