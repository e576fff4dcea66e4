import type { ServiceSpec } from '../../spec/service-spec.js';
import { choiceFlags } from '../../spec/choice-flags.js';
import { compareStrings } from '../../tree/compare.js';
import { VERSION } from '../../version.js';
import { NODE_VERSION, NPM_PACKAGES, type NpmPackageSet } from './npm-packages.js';

export interface NpmPackage {
  name: string;
  version: string;
}

/** The template context of the TypeScript target (docs/templates.md, "TypeScript template context"). */
export function tsTemplateContext(spec: ServiceSpec) {
  const { choices } = spec;
  const postgres = choices.datastore.includes('postgres');
  const redis = choices.datastore.includes('redis');
  // Orders live in PostgreSQL when it is chosen, else in memory; Redis is a cache in front of either.
  const datastore = { memory: !postgres, postgres, redis };
  const sets: NpmPackageSet[] = ['base'];
  if (choices.metrics === 'prometheus') sets.push('metrics-prometheus');
  if (choices.tracing === 'otel') sets.push('tracing-otel');
  if (datastore.postgres) sets.push('postgres');
  if (datastore.redis) sets.push('redis');
  return {
    name: spec.name.kebab,
    toolVersion: VERSION,
    nodeVersion: NODE_VERSION,
    names: spec.name,
    ...choiceFlags(choices),
    datastore: { ...datastore, any: datastore.postgres || datastore.redis },
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
