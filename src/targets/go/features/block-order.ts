import type { Tree } from '../../../tree/tree.js';
import { placeTextBlock, type BlockOrder } from '../../../file-edits/text-block.js';

// The order create applies its features in (stores, brokers, the outbox that needs both, gRPC),
// then the consumers': the same order as the sections of config.go (datastore/config-section.ts).
const README: BlockOrder = {
  firsts: [
    '## PostgreSQL',
    '## MySQL',
    '## SQLite',
    '## Redis',
    '## Events (NATS',
    '## Events (Kafka',
    '## Events (RabbitMQ',
    '## Transactional outbox',
    '## gRPC',
    '## Event consumers (NATS',
    '## Event consumers (Kafka',
    '## Event consumers (RabbitMQ',
    '## Processed events in PostgreSQL',
  ],
  extent: 'heading',
};

const ENV_EXAMPLE: BlockOrder = {
  firsts: [
    '# PostgreSQL (required)',
    '# MySQL or MariaDB',
    '# SQLite:',
    '# Redis (',
    '# NATS JetStream (required)',
    '# Kafka (required)',
    '# RabbitMQ (required)',
    '# Transactional outbox',
    '# gRPC server',
    '# Event consumers (NATS',
    '# Event consumers (Kafka',
    '# Event consumers (RabbitMQ',
    '# Processed events:',
  ],
  extent: 'paragraph',
};

const ORDERS: Record<string, BlockOrder> = { 'README.md': README, '.env.example': ENV_EXAMPLE };

/** A feature's block in README.md or .env.example, at its place whatever order the features came in. */
export function addTextBlock(tree: Tree, file: 'README.md' | '.env.example', block: string): void {
  placeTextBlock(tree, file, block, ORDERS[file] ?? null);
}
