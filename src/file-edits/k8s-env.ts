import { isMap, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import type { Tree } from '../tree/tree.js';
import { addContainerEnv, addMapEntry, editYamlFile } from './yaml-file.js';

export const DEPLOYMENT_FILE = 'deploy/k8s/deployment.yaml';
export const KUSTOMIZATION_FILE = 'deploy/k8s/kustomization.yaml';

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

/**
 * The SQLite file on a PersistentVolumeClaim: the Deployment becomes one replica replaced with
 * Recreate (one writer, and a ReadWriteOnce volume attaches to one node), the pod's fsGroup owns the
 * volume, SQLITE_PATH points into it, and kustomization.yaml lists the claim in place of the
 * autoscaler, which would start a second writer.
 */
export function addK8sSqliteVolume(tree: Tree, name: string, dataDir: string): void {
  editYamlFile(tree, DEPLOYMENT_FILE, (doc) => {
    const containers = doc.getIn(['spec', 'template', 'spec', 'containers'], true);
    if (!isSeq(containers)) return;
    const index = containers.items.findIndex((item) => isMap(item) && item.get('name') === name);
    if (index === -1) return;
    const spec = doc.get('spec', true);
    if (!isMap(spec)) return;
    const replicas = spec.items.find((pair) => isScalar(pair.key) && pair.key.value === 'replicas');
    if (replicas !== undefined && isScalar(replicas.value) && replicas.value.value !== 1) {
      replicas.value.value = 1;
      // The comment above the first key of a map belongs to the map.
      commentAbove(spec, replicas, ' One replica: SQLite has one writer, on a volume one node mounts at a time. Scale out with PostgreSQL instead.');
    }
    const strategy = spec.items.find((pair) => isScalar(pair.key) && pair.key.value === 'strategy');
    if (strategy !== undefined && isMap(strategy.value) && strategy.value.get('type') === 'RollingUpdate') {
      strategy.value = doc.createNode({ type: 'Recreate' });
      commentAbove(spec, strategy, ' The old pod releases the volume before the new one mounts it.');
    }
    addMapEntry(doc, ['spec', 'template', 'spec', 'securityContext'], 'fsGroup', 65532);
    addContainerEnv(doc, name, { name: 'SQLITE_PATH', value: `${dataDir}/${name}.db` }, ' The SQLite database, on the data volume below.');
    addSeqEntry(doc, ['spec', 'template', 'spec', 'containers', index, 'volumeMounts'], { name: 'data', mountPath: dataDir });
    addSeqEntry(doc, ['spec', 'template', 'spec', 'volumes'], { name: 'data', persistentVolumeClaim: { claimName: `${name}-data` } });
  });
  if (!tree.exists(KUSTOMIZATION_FILE)) return;
  if (!tree.exists(PVC_FILE)) tree.write(PVC_FILE, PVC(name));
  editYamlFile(tree, KUSTOMIZATION_FILE, (doc) => {
    const resources = doc.getIn(['resources'], true);
    if (!isSeq(resources)) return;
    const hpa = resources.items.findIndex((item) => isScalar(item) && item.value === 'hpa.yaml');
    if (hpa !== -1) resources.items.splice(hpa, 1);
    if (!resources.items.some((item) => isScalar(item) && item.value === 'pvc.yaml')) {
      const pvc = doc.createNode('pvc.yaml');
      if (hpa !== -1) pvc.commentBefore = ' No hpa.yaml: a SQLite service runs one replica.';
      resources.items.push(pvc);
    }
  });
}

/** Sets the comment above `pair` of `map`, in place of the one there. */
function commentAbove(map: YAMLMap, pair: Pair, comment: string): void {
  if (map.items[0] === pair) map.commentBefore = comment;
  else if (isScalar(pair.key)) pair.key.commentBefore = comment;
}

/** Appends `entry` to the sequence at `path` (created when missing) unless an entry of its name is there. */
function addSeqEntry(doc: Document, path: readonly (string | number)[], entry: { name: string } & Record<string, unknown>): void {
  if (!doc.hasIn(path)) doc.setIn(path, doc.createNode([]));
  const seq = doc.getIn(path, true);
  if (!isSeq(seq) || seq.items.some((item) => isMap(item) && item.get('name') === entry.name)) return;
  seq.items.push(doc.createNode(entry));
}

const PVC_FILE = 'deploy/k8s/pvc.yaml';

const PVC = (name: string) => `# The SQLite database of ${name}. ReadWriteOnce: one node mounts it, for the one replica.
# Back it up with volume snapshots (VolumeSnapshot) of your storage class.
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}-data
  labels:
    app.kubernetes.io/name: ${name}
    app.kubernetes.io/component: server
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
`;
