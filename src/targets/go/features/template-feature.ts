import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { ServiceSpec } from '../../../choices/service-spec.js';
import type { GoFeature, GoRequirementSet } from './feature.js';

/** A feature that is a folder of templates under templates/go/<id>/. */
export function templateFeature(
  id: string,
  enabled: (spec: ServiceSpec) => boolean,
  requires: (spec: ServiceSpec) => readonly GoRequirementSet[] = () => [],
): GoFeature {
  return {
    id,
    enabled,
    requires,
    apply: (tree, template) => renderTemplateFolder(tree, `go/${id}`, template),
  };
}
