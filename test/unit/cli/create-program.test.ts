import { describe, expect, it } from 'vitest';
import { createProgram } from '../../../src/cli/create-program.js';
import type { CreateOptions } from '../../../src/choices/options.js';

async function parse(args: string[]): Promise<CreateOptions> {
  let captured: CreateOptions | undefined;
  const program = createProgram(async (options) => {
    captured = options;
    return 0;
  });
  program.configureOutput({ writeErr: () => {}, writeOut: () => {} });
  await program.parseAsync(['node', 'create-service', ...args]);
  if (!captured) throw new Error('handler not called');
  return captured;
}

describe('create-service flags', () => {
  it('leaves choices undefined when not given, so prompts or defaults decide', async () => {
    const options = await parse(['orders']);
    expect(options).toEqual({ directory: 'orders', yes: false, dryRun: false, git: true, install: true, force: false, json: false });
  });

  it('maps every flag', async () => {
    const options = await parse([
      'svc/orders', '--name', 'orders', '--module', 'github.com/acme/orders', '--lang', 'go',
      '--transport', 'http', '--datastore', 'memory', '--logger', 'zap', '--metrics', 'none', '--tracing', 'none',
      '--deploy', 'docker,k8s', '--deploy', 'compose', '--no-example', '-y', '--dry-run', '--no-git', '--no-install', '--force', '--json',
    ]);
    expect(options).toEqual({
      directory: 'svc/orders', name: 'orders', module: 'github.com/acme/orders', lang: 'go',
      transport: ['http'], datastore: ['memory'], logger: 'zap', metrics: 'none', tracing: 'none',
      deploy: ['docker,k8s', 'compose'], example: false, yes: true, dryRun: true, git: false, install: false, force: true, json: true,
    });
  });

  it('takes --example explicitly', async () => {
    expect((await parse(['x', '--example'])).example).toBe(true);
  });

  it('rejects unknown flags as a commander usage error', async () => {
    await expect(parse(['x', '--bogus'])).rejects.toMatchObject({ code: 'commander.unknownOption' });
  });
});
