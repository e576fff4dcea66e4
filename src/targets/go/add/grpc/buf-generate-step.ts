import fs from 'node:fs';
import path from 'node:path';
import { GENERATED_GO_ROOT } from '../../../../choices/proto-names.js';
import type { PostStep } from '../../../../post-steps/post-step.js';
import { BUF_COMMAND } from '../../verify/verify-proto.js';

/**
 * Regenerates the Go code of the gRPC API after the .proto changed, with the buf the service pins
 * (the verification generated the same code in a scratch dir, so this only writes it in place).
 * The add is not done without it: on failure the generated code is put back as it was (buf.gen.yaml's
 * `clean` may have removed it) and the frame undoes the add.
 */
export const bufGenerate: PostStep = {
  title: 'buf generate',
  manual: `go ${BUF_COMMAND.join(' ')} generate`,
  needs: 'go',
  undoesAddOnFailure: true,
  async run(cwd, signal) {
    const { execa } = await import('../../../../vendor/process-tools.js');
    const generated = path.join(cwd, GENERATED_GO_ROOT);
    const before = snapshot(generated);
    try {
      await execa('go', [...BUF_COMMAND, 'generate'], { cwd, timeout: 600_000, cancelSignal: signal });
    } catch (error) {
      fs.rmSync(generated, { recursive: true, force: true });
      for (const [file, content] of before) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
      }
      throw error;
    }
  },
};

function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!fs.existsSync(dir)) return files;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(path.join(entry.parentPath, entry.name), fs.readFileSync(path.join(entry.parentPath, entry.name)));
  }
  return files;
}
