import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { ServiceSpec } from '../../../choices/service-spec.js';
import type { TsFeature } from './feature.js';
import { tsMysqlFeature } from './mysql.js';
import { tsPostgresFeature } from './postgres.js';
import { dockerContext } from './datastore/dockerfile.js';
import type { TsContext } from './datastore/context.js';
import { tsRedisFeature } from './redis.js';
import { tsSqliteFeature } from './sqlite.js';

/** A feature that is a folder of templates under templates/ts/<id>/. */
function templateFeature(id: string, enabled: (spec: ServiceSpec) => boolean): TsFeature {
  return { id, enabled, apply: (tree, template) => renderTemplateFolder(tree, `ts/${id}`, template) };
}

/**
 * Every TypeScript feature in the order it is applied. A new feature is one entry here plus its
 * folder. Datastores render their folder and edit the wiring through ts-morph, the very code
 * `svc add adapter` runs, so create --datastore X gives the bytes of create + add.
 */
export const TS_FEATURES: readonly TsFeature[] = [
  templateFeature('base', () => true),
  templateFeature('example', (spec) => spec.choices.example),
  // Without the native SQLite driver: the sqlite feature adds it as `svc add adapter sqlite` does.
  {
    id: 'docker',
    enabled: (spec) => spec.choices.deploy.includes('docker'),
    apply: (tree, template) => renderTemplateFolder(tree, 'ts/docker', dockerContext(template as TsContext, false)),
  },
  templateFeature('compose', (spec) => spec.choices.deploy.includes('compose')),
  templateFeature('k8s', (spec) => spec.choices.deploy.includes('k8s')),
  templateFeature('github-actions', (spec) => spec.choices.deploy.includes('github-actions')),
  tsPostgresFeature,
  tsMysqlFeature,
  tsSqliteFeature,
  tsRedisFeature,
];
