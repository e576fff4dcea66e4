import type { Tree } from '../tree/tree.js';
import { addContainerEnv, editYamlFile } from './yaml-file.js';

export const DEPLOYMENT_FILE = 'deploy/k8s/deployment.yaml';

/**
 * POSTGRES_URL from a Secret in the Deployment, with how to create that Secret and how to migrate
 * in a separate step (`migrateCommand`: the target's way to run the migrations).
 */
export function addK8sPostgresEnv(tree: Tree, name: string, migrateCommand: string): void {
  addK8sDatabaseUrl(tree, name, migrateCommand, { prefix: 'POSTGRES', store: 'postgres', url: `postgres://USER:PASSWORD@HOST:5432/${name}?sslmode=verify-full`, lock: 'an advisory lock' });
}

/** MYSQL_URL from a Secret in the Deployment, as addK8sPostgresEnv does for PostgreSQL. */
export function addK8sMysqlEnv(tree: Tree, name: string, migrateCommand: string): void {
  addK8sDatabaseUrl(tree, name, migrateCommand, { prefix: 'MYSQL', store: 'mysql', url: `mysql://USER:PASSWORD@HOST:3306/${name}`, lock: 'a named lock (GET_LOCK)' });
}

function addK8sDatabaseUrl(tree: Tree, name: string, migrateCommand: string, store: { prefix: string; store: string; url: string; lock: string }): void {
  editYamlFile(tree, DEPLOYMENT_FILE, (doc) => {
    addContainerEnv(
      doc,
      name,
      { name: `${store.prefix}_URL`, valueFrom: { secretKeyRef: { name: `${name}-${store.store}`, key: 'url' } } },
      [
        ' The connection string (with its password) comes from a Secret, e.g.',
        `   kubectl create secret generic ${name}-${store.store} \\`,
        `     --from-literal=url='${store.url}'`,
        ` Migrations run at start, under ${store.lock}. To migrate in a separate step, run`,
        ` \`${migrateCommand}\` (e.g. in a Job) first and set ${store.prefix}_MIGRATE_ON_START to "false".`,
      ].join('\n'),
    );
  });
}
