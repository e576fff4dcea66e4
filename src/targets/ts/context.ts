import type { ServiceSpec } from '../../choices/service-spec.js';
import { choiceFlags } from '../../choices/choice-flags.js';
import { compareStrings } from '../../tree/compare.js';
import { VERSION } from '../../version.js';
import { NODE_VERSION, NPM_PACKAGES, type NpmPackageSet } from './npm-packages.js';

export interface NpmPackage {
  name: string;
  version: string;
}

/**
 * The template context of the TypeScript target (docs/templates.md, "TypeScript template context").
 * Datastores are not in it: their features add their packages and wiring by editing the files.
 */
export function tsTemplateContext(spec: ServiceSpec) {
  const { choices } = spec;
  const sets: NpmPackageSet[] = ['base'];
  if (choices.metrics === 'prometheus') sets.push('metrics-prometheus');
  if (choices.tracing === 'otel') sets.push('tracing-otel');
  return {
    name: spec.name.kebab,
    toolVersion: VERSION,
    nodeVersion: NODE_VERSION,
    names: spec.name,
    ...choiceFlags(choices),
    dependencies: rows(sets, 'dependencies'),
    devDependencies: rows(sets, 'devDependencies'),
  };
}

function rows(sets: readonly NpmPackageSet[], kind: 'dependencies' | 'devDependencies'): (NpmPackage & { last: boolean })[] {
  const byName = new Map<string, string>();
  for (const set of sets) for (const [name, version] of Object.entries(NPM_PACKAGES[set][kind])) byName.set(name, version);
  const sorted = [...byName].sort(([a], [b]) => compareStrings(a, b));
  return sorted.map(([name, version], index) => ({ name, version, last: index === sorted.length - 1 }));
}
