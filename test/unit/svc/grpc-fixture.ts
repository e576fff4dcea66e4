import { loadProject } from '../../../src/project/load-project.js';
import { renderTemplateFolder } from '../../../src/render/template-folder.js';
import { goTemplateContext } from '../../../src/targets/go/context.js';
import { commitChanges } from '../../../src/tree/commit.js';
import { MANIFEST_FILE } from '../../../src/tree/manifest.js';
import { makeService, read, write } from './fixture.js';

/**
 * A service with the gRPC layout of docs/grpc.md (the .proto, buf.yaml, buf.gen.yaml, the
 * grpcadapter Server and the sample's methods), rendered from the grpc templates onto a generated
 * service, with `grpc` among its transports. No go, no buf: the add's own checks are what is tested.
 */
export async function makeGrpcService(): Promise<string> {
  const root = await makeService();
  const project = loadProject(root);
  const context = { ...goTemplateContext(project.spec, []), example: true };
  renderTemplateFolder(project.tree, 'go/grpc/core', context);
  renderTemplateFolder(project.tree, 'go/grpc/orders', context);
  commitChanges(root, project.tree.changes());
  const manifest = JSON.parse(read(root, MANIFEST_FILE)) as { choices: { transport: string[] } };
  manifest.choices.transport = ['http', 'grpc'];
  write(root, MANIFEST_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
  return root;
}
