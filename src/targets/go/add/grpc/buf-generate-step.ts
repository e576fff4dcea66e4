import type { PostStep } from '../../../../post-steps/post-step.js';
import { BUF_COMMAND } from '../../verify/verify-proto.js';

/**
 * Regenerates the Go code of the gRPC API after the .proto changed, with the buf the service pins
 * (the verification generated the same code in a scratch dir, so this only writes it in place).
 */
export const bufGenerate: PostStep = {
  title: 'buf generate',
  manual: `go ${BUF_COMMAND.join(' ')} generate`,
  needs: 'go',
  async run(cwd, signal) {
    const { execa } = await import('../../../../vendor/process-tools.js');
    await execa('go', [...BUF_COMMAND, 'generate'], { cwd, timeout: 600_000, cancelSignal: signal });
  },
};
