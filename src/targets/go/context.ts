import type { ServiceSpec } from '../../spec/service-spec.js';
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
    transport: { http: choices.transport.includes('http') },
    datastore: { memory: choices.datastore.includes('memory') },
    logger: { slog: choices.logger === 'slog', zap: choices.logger === 'zap' },
    metrics: { prometheus: choices.metrics === 'prometheus' },
    tracing: { otel: choices.tracing === 'otel' },
    deploy: {
      docker: choices.deploy.includes('docker'),
      compose: choices.deploy.includes('compose'),
      k8s: choices.deploy.includes('k8s'),
      githubActions: choices.deploy.includes('github-actions'),
      any: choices.deploy.length > 0,
    },
    example: choices.example,
    requires: requirementsOf(requirementSets),
    tools: GO_TOOLS,
  };
}

function requirementsOf(sets: readonly GoRequirementSet[]): GoRequirement[] {
  const byPath = new Map<string, GoRequirement>();
  for (const set of sets) for (const requirement of goRequirements[set]) byPath.set(requirement.path, requirement);
  return [...byPath.values()].sort((a, b) => compareStrings(a.path, b.path));
}
