import { renderTemplateFolder } from '../../../render/template-folder.js';
import type { Tree } from '../../../tree/tree.js';

const WORKERTEST_FILE = 'internal/platform/workertest/workertest.go';

/**
 * The package the tests of every worker (outbox relay, consumers, inbox pruner) prove the stop
 * contract with. Written by the first feature that brings a worker; never again, so that a user's
 * change to it stays.
 */
export function addWorkerTestHelper(tree: Tree, context: object): void {
  if (!tree.exists(WORKERTEST_FILE)) renderTemplateFolder(tree, 'go/worker', context);
}
