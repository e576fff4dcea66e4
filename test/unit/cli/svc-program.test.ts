import { describe, expect, it } from 'vitest';
import { svcProgram } from '../../../src/cli/svc-program.js';

type AdapterFlags = { for?: string; baseUrlEnv?: string; install?: boolean; dryRun?: boolean; force?: boolean; verify?: boolean };

async function parseAdapter(args: string[]): Promise<{ kind: string; flags: AdapterFlags }> {
  let captured: { kind: string; flags: AdapterFlags } | undefined;
  const unused = async () => 0;
  const program = svcProgram({
    addUsecase: unused,
    addPort: unused,
    addEvent: unused,
    addConsumer: unused,
    async addAdapter(kind, flags) {
      captured = { kind, flags };
      return 0;
    },
    addTransport: unused,
    list: unused,
    doctor: unused,
  });
  program.configureOutput({ writeErr: () => {}, writeOut: () => {} });
  await program.parseAsync(['node', 'svc', 'add', 'adapter', ...args]);
  if (!captured) throw new Error('handler not called');
  return captured;
}

describe('svc add adapter flags', () => {
  it('passes --for and --base-url-env to the target', async () => {
    const { kind, flags } = await parseAdapter(['http', '--for', 'PaymentGateway', '--base-url-env', 'PAYMENTS_URL', '--dry-run']);
    expect(kind).toBe('http');
    expect(flags).toMatchObject({ for: 'PaymentGateway', baseUrlEnv: 'PAYMENTS_URL', dryRun: true, install: true });
  });

  it('leaves baseUrlEnv undefined when not given, so the default applies and history stays short', async () => {
    expect((await parseAdapter(['http', '--for', 'PaymentGateway'])).flags.baseUrlEnv).toBeUndefined();
  });
});
