import { isMap, isScalar, isSeq, type Document } from 'yaml';
import type { Tree } from '../tree/tree.js';
import { DEPLOYMENT_FILE } from './k8s-env.js';
import { addContainerEnv, addMapEntry, editYamlFile } from './yaml-file.js';

const GRPC_PORT = 50051;
const COMPOSE_FILE = 'compose.yaml';
const SERVICE_FILE = 'deploy/k8s/service.yaml';

/** The gRPC port published by compose (on loopback, as HTTP's) and GRPC_ADDR in the service's environment. */
export function addComposeGrpc(tree: Tree, name: string): void {
  editYamlFile(tree, COMPOSE_FILE, (doc) => {
    const ports = doc.getIn(['services', name, 'ports'], true);
    const mapping = `127.0.0.1:${GRPC_PORT}:${GRPC_PORT}`;
    if (isSeq(ports) && !ports.items.some((item) => isScalar(item) && item.value === mapping)) {
      const node = doc.createNode(mapping);
      node.type = 'QUOTE_DOUBLE';
      ports.items.push(node);
    }
    addMapEntry(doc, ['services', name, 'environment'], 'GRPC_ADDR', `:${GRPC_PORT}`, { quoted: true });
  });
}

/**
 * The Deployment's gRPC container port and GRPC_ADDR, readiness through Kubernetes' native gRPC
 * probe (the health service answers with /readyz's checks) in place of the generated httpGet of
 * /readyz, and the Service's grpc port (h2c).
 */
export function addK8sGrpc(tree: Tree, name: string): void {
  editYamlFile(tree, DEPLOYMENT_FILE, (doc) => {
    const index = containerIndex(doc, name);
    if (index === -1) return;
    const container = ['spec', 'template', 'spec', 'containers', index];
    const ports = doc.getIn([...container, 'ports'], true);
    if (isSeq(ports) && !ports.items.some((item) => isMap(item) && item.get('name') === 'grpc')) {
      ports.items.push(doc.createNode({ name: 'grpc', containerPort: GRPC_PORT, protocol: 'TCP' }));
    }
    addContainerEnv(doc, name, { name: 'GRPC_ADDR', value: `:${GRPC_PORT}` });
    // Quoted, as the template writes HTTP_ADDR.
    const env = doc.getIn([...container, 'env'], true);
    const entry = isSeq(env) ? env.items.find((item) => isMap(item) && item.get('name') === 'GRPC_ADDR') : undefined;
    const value = isMap(entry) ? entry.get('value', true) : undefined;
    if (isScalar(value)) value.type = 'QUOTE_DOUBLE';
    const probe = doc.getIn([...container, 'readinessProbe'], true);
    if (isMap(probe) && doc.getIn([...container, 'readinessProbe', 'httpGet', 'path']) === '/readyz') {
      probe.delete('httpGet');
      const grpc = doc.createPair('grpc', { port: GRPC_PORT });
      if (isScalar(grpc.key)) grpc.key.commentBefore = ' The gRPC health service answers with the readiness checks of /readyz.';
      probe.items.unshift(grpc);
    }
  });
  editYamlFile(tree, SERVICE_FILE, (doc) => {
    const ports = doc.getIn(['spec', 'ports'], true);
    if (!isSeq(ports) || ports.items.some((item) => isMap(item) && item.get('name') === 'grpc')) return;
    ports.items.push(doc.createNode({ name: 'grpc', port: GRPC_PORT, targetPort: 'grpc', protocol: 'TCP', appProtocol: 'kubernetes.io/h2c' }));
  });
}

function containerIndex(doc: Document, name: string): number {
  const containers = doc.getIn(['spec', 'template', 'spec', 'containers'], true);
  if (!isSeq(containers)) return -1;
  return containers.items.findIndex((item) => isMap(item) && item.get('name') === name);
}
