import type { Tree } from '../../../tree/tree.js';
import { placeTextBlock, type BlockOrder } from '../../../file-edits/text-block.js';
import { ENV_EXAMPLE_ORDER, README_ORDER } from './feature-order.js';

const ORDERS: Record<string, BlockOrder> = {
  'README.md': { firsts: README_ORDER, extent: 'heading' },
  '.env.example': { firsts: ENV_EXAMPLE_ORDER, extent: 'paragraph' },
};

/** A feature's block in README.md or .env.example, at its place whatever order the features came in. */
export function addTextBlock(tree: Tree, file: 'README.md' | '.env.example', block: string): void {
  placeTextBlock(tree, file, block, ORDERS[file] ?? null);
}
