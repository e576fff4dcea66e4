import { describe, expect, it } from 'vitest';
import { addAdapterOperation } from '../../../src/targets/go/add/add-adapter.js';
import { addConsumerOperation } from '../../../src/targets/go/add/consumer.js';
import { keepsLinesInOrder, makeService, read, runAdd, write } from './fixture.js';

const CONFIG = 'internal/platform/config/config.go';

/** The order of the lines of `text` that start with one of `starts`. */
function order(text: string, starts: readonly string[]): string[] {
  return text.split('\n').filter((line) => starts.some((start) => line.startsWith(start)));
}

describe('sections and blocks go in one order, whichever add comes first', () => {
  it('puts postgres, added after a consumer, where create would have, around what the user wrote', async () => {
    const root = await makeService({ messaging: 'nats' });
    expect((await runAdd(root, addConsumerOperation('OrderPlaced', { handler: 'ReserveStock' }))).code).toBe(0);
    // The user's own section, block and variable, after the consumer's.
    const config = read(root, CONFIG)
      .replace('\tNATSConsumer NATSConsumer\n}', '\tNATSConsumer NATSConsumer\n\tFeatures     Features\n}')
      .concat('\n// Features switches features on.\ntype Features struct {\n\tBeta bool `env:"FEATURE_BETA"`\n}\n');
    expect(config).toContain('\tFeatures     Features\n}');
    write(root, CONFIG, config);
    const readme = `${read(root, 'README.md')}\n## Our notes\n\nKept where we wrote it.\n`;
    write(root, 'README.md', readme);
    const env = `${read(root, '.env.example')}\n# Beta features.\nFEATURE_BETA=false\n`;
    write(root, '.env.example', env);

    const result = await runAdd(root, addAdapterOperation('postgres', { install: false }));
    expect(result.code, result.all).toBe(0);
    const after = { config: read(root, CONFIG), readme: read(root, 'README.md'), env: read(root, '.env.example') };
    for (const [before, now] of [[config, after.config], [readme, after.readme], [env, after.env]] as const) expect(keepsLinesInOrder(before, now)).toBeNull();

    const fields = ['\tPostgres ', '\tNATS ', '\tOutbox ', '\tNATSConsumer ', '\tInbox ', '\tFeatures '];
    expect(order(after.config, fields).map((line) => line.trim().split(' ')[0])).toEqual(['Postgres', 'NATS', 'Outbox', 'NATSConsumer', 'Inbox', 'Features']);
    const checks = ['\tif err := c.'];
    expect(order(after.config, checks).map((line) => line.split('.')[1])).toEqual(['Idempotency', 'Postgres', 'NATS', 'Outbox', 'NATSConsumer', 'Inbox']);
    expect(order(after.readme, ['## ']).slice(-6)).toEqual([
      '## PostgreSQL',
      '## Events (NATS JetStream)',
      '## Transactional outbox',
      '## Event consumers (NATS JetStream)',
      '## Processed events in PostgreSQL',
      '## Our notes',
    ]);
    expect(after.readme.endsWith('## Our notes\n\nKept where we wrote it.\n')).toBe(true);
    expect(order(after.env, ['# PostgreSQL', '# NATS JetStream', '# Transactional', '# Event consumers', '# Processed events:', '# Beta'])).toEqual([
      expect.stringMatching(/^# PostgreSQL/),
      expect.stringMatching(/^# NATS JetStream/),
      expect.stringMatching(/^# Transactional outbox/),
      expect.stringMatching(/^# Event consumers/),
      expect.stringMatching(/^# Processed events/),
      '# Beta features.',
    ]);
    expect(after.env).toMatch(/\n\n# Beta features\.\nFEATURE_BETA=false\n$/);
  }, 120_000);
});
