import type { Project } from '../../../project/load-project.js';
import { addTextBlock } from '../features/block-order.js';
import { renderTemplateFolder } from '../../../render/template-folder.js';
import { goTemplateContext } from '../context.js';
import { addConfigSection } from '../features/datastore/config-section.js';
import type { ConsumerBroker } from '../features/consumer-broker.js';
import { addWorkerTestHelper } from '../features/worker-test-helper.js';

/** port.Inbox and memory.Inbox, which the consumers of every broker share. */
const INBOX_TEMPLATE = 'go/consumer-inbox/core';

/**
 * On the first consumer: the broker's consumer runtime with its integration tests, the inbox,
 * the consumers' config section (validated), internal/bootstrap/consumers.go, and the settings in
 * .env.example and README.md.
 */
export async function addConsumerRuntime(project: Project, broker: ConsumerBroker): Promise<void> {
  const { tree, spec } = project;
  if (!tree.exists(broker.runtimeFile)) {
    const context = goTemplateContext(spec, []);
    renderTemplateFolder(tree, INBOX_TEMPLATE, context);
    renderTemplateFolder(tree, broker.runtimeTemplate, context);
    addWorkerTestHelper(tree, context);
  }
  await addConfigSection(tree, broker.configSection);
  const docs = broker.docs(spec.name.kebab, spec.name.constant);
  addTextBlock(tree, '.env.example', docs.envExample);
  addTextBlock(tree, 'README.md', docs.readme);
}
