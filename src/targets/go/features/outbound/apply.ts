import { namesOf } from '../../../../choices/naming.js';
import { appendTextBlock } from '../../../../file-edits/text-block.js';
import { addContainerEnv, addMapEntry, editYamlFile } from '../../../../file-edits/yaml-file.js';
import { renderTemplateFolder } from '../../../../render/template-folder.js';
import type { Tree } from '../../../../tree/tree.js';
import { goRequirements } from '../../go-modules.js';
import { addConfigSection } from '../datastore/config-section.js';
import type { GoContext } from '../datastore/context.js';
import { addGoRequirements, editGoFile } from '../datastore/edits.js';
import { addRequiredVar, END_TO_END_TESTS } from '../datastore/test-env.js';
import { httpAdapterCode, type HttpPort } from './adapter-code.js';
import { ENV_EXAMPLE, README } from './docs.js';
import { wireHttpAdapter } from './wiring.js';

export const OUTBOUND_DIR = 'internal/platform/outbound';
export const HTTPCLIENT_DIR = 'internal/adapter/httpclient';

/**
 * `svc add adapter http --for Port`: the shared internal/platform/outbound package and the
 * httpclient package's own files (each written once, when missing), the port's adapter, its test
 * and its config section (written when missing: a re-add after `add adapter memory` keeps the
 * user's routes), the section in Config and its validation, the requirements, a valid value of
 * the base URL in the tests' environments, deployment env and docs; then the composition root
 * serves the port from the adapter (wiring.ts).
 */
export async function applyHttpAdapter(tree: Tree, context: GoContext, port: HttpPort, baseUrlEnv: string): Promise<void> {
  const prometheus = context.metrics.prometheus;
  const prefix = port.name.constant;
  if (!tree.exists(`${OUTBOUND_DIR}/client.go`)) renderTemplateFolder(tree, 'go/outbound/platform', context);
  if (!tree.exists(`${HTTPCLIENT_DIR}/doc.go`)) renderTemplateFolder(tree, 'go/outbound/adapter-package', context);
  const portContext = { ...context, port: port.name, baseUrlEnv, prefix };
  if (!tree.exists(`${HTTPCLIENT_DIR}/${port.name.snake}.go`)) {
    renderTemplateFolder(tree, 'go/outbound/adapter', { ...portContext, ...httpAdapterCode(context.module, port, prometheus) });
  }
  if (!tree.exists(`internal/platform/config/${port.name.snake}.go`)) renderTemplateFolder(tree, 'go/outbound/config', portContext);
  addGoRequirements(tree, [...goRequirements.outbound, ...(context.tracing.otel ? goRequirements['outbound-otel'] : [])]);
  await addConfigSection(tree, port.name.pascal);
  await addRequiredVar(tree, baseUrlEnv, 'http://localhost:8081');
  await addEndToEndVar(tree, context.name, baseUrlEnv);
  await wireHttpAdapter(tree, context.module, port.name.pascal, prometheus);

  const placeholder = `http://${namesOf(port.name.pascal).kebab}`;
  editYamlFile(tree, 'compose.yaml', (doc) => {
    if (doc.hasIn(['services', context.name])) addMapEntry(doc, ['services', context.name, 'environment'], baseUrlEnv, placeholder);
  });
  editYamlFile(tree, 'deploy/k8s/deployment.yaml', (doc) => {
    addContainerEnv(doc, context.name, { name: baseUrlEnv, value: placeholder }, ` Base URL of the service behind the ${port.name.pascal} port.`);
  });
  appendTextBlock(tree, '.env.example', ENV_EXAMPLE(port.name, baseUrlEnv, placeholder));
  appendTextBlock(tree, 'README.md', README(port, baseUrlEnv, prometheus));
}

/** The base URL in the environment of every end-to-end test (HTTP's, gRPC's): never called there, but required to start. */
async function addEndToEndVar(tree: Tree, name: string, key: string): Promise<void> {
  for (const test of END_TO_END_TESTS) {
    const file = `cmd/${name}/${test.file}`;
    if (!tree.exists(file)) continue;
    await editGoFile(tree, file, [{ kind: 'keyed-element', func: test.func, type: 'map[string]string', key: JSON.stringify(key), value: JSON.stringify('http://127.0.0.1:9') }]);
  }
}
