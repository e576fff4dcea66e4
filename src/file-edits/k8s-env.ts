import type { Tree } from '../tree/tree.js';
import { addContainerEnv, editYamlFile } from './yaml-file.js';

export const DEPLOYMENT_FILE = 'deploy/k8s/deployment.yaml';

/**
 * POSTGRES_URL from a Secret in the Deployment, with how to create that Secret and how to migrate
 * in a separate step (`migrateCommand`: the target's way to run the migrations).
 */
export function addK8sPostgresEnv(tree: Tree, name: string, migrateCommand: string): void {
  editYamlFile(tree, DEPLOYMENT_FILE, (doc) => {
    addContainerEnv(
      doc,
      name,
      { name: 'POSTGRES_URL', valueFrom: { secretKeyRef: { name: `${name}-postgres`, key: 'url' } } },
      [
        ' The connection string (with its password) comes from a Secret, e.g.',
        `   kubectl create secret generic ${name}-postgres \\`,
        `     --from-literal=url='postgres://USER:PASSWORD@HOST:5432/${name}?sslmode=verify-full'`,
        ' Migrations run at start, under an advisory lock. To migrate in a separate step, run',
        ` \`${migrateCommand}\` (e.g. in a Job) first and set POSTGRES_MIGRATE_ON_START to "false".`,
      ].join('\n'),
    );
  });
}
