import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { ServiceSpec } from '../../../spec/service-spec.js';
import type { TsFeature } from './feature.js';

/** A feature that is a folder of templates under templates/ts/<id>/. */
function templateFeature(id: string, enabled: (spec: ServiceSpec) => boolean): TsFeature {
  return { id, enabled, apply: (tree, template) => renderTemplateFolder(tree, `ts/${id}`, template) };
}

const uses = (spec: ServiceSpec, store: string) => (spec.choices.datastore as readonly string[]).includes(store);

/**
 * Every TypeScript feature in the order it is applied. A new feature is one entry here plus its
 * folder. Datastores are folders today; `svc add adapter` for TypeScript will render the same
 * folders and edit the wiring files with ts-morph.
 */
export const TS_FEATURES: readonly TsFeature[] = [
  templateFeature('base', () => true),
  templateFeature('example', (spec) => spec.choices.example),
  templateFeature('docker', (spec) => spec.choices.deploy.includes('docker')),
  templateFeature('compose', (spec) => spec.choices.deploy.includes('compose')),
  templateFeature('k8s', (spec) => spec.choices.deploy.includes('k8s')),
  templateFeature('github-actions', (spec) => spec.choices.deploy.includes('github-actions')),
  templateFeature('postgres', (spec) => uses(spec, 'postgres')),
  templateFeature('redis', (spec) => uses(spec, 'redis')),
  templateFeature('integration', (spec) => uses(spec, 'postgres') || uses(spec, 'redis')),
];
