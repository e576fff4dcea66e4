import { describe, expect, it } from 'vitest';
import { replayCommand } from '../../../src/cli/replay-command.js';
import { resolveSpec } from '../../../src/choices/resolve-spec.js';

describe('replayCommand for --lang ts', () => {
  it('replays without the Go-only flags, so the command it prints is accepted', () => {
    const options = { directory: 'orders', lang: 'ts', datastore: ['postgres'] };
    const command = replayCommand(resolveSpec(options, '/work'), options);
    expect(command).toBe(
      'create-service orders --name orders --lang ts --transport http --datastore postgres --metrics prometheus --tracing otel --messaging none --deploy docker,compose,k8s,github-actions --example --yes',
    );
  });
});
