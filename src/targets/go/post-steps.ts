import path from 'node:path';
import { gitInit } from '../../post-steps/git-init.js';
import type { PostStep } from '../../post-steps/post-step.js';
import { execa } from '../../vendor/process-tools.js';
import { GENERATED_GO_ROOT, PROTO_ROOT } from '../../choices/proto-names.js';

export interface GoPostStepOptions {
  install: boolean;
  git: boolean;
  /** The files create writes, the only ones the first commit may hold. */
  files?: readonly string[];
  /** The service has a .proto to generate Go from (docs/grpc.md); create tells by `files`. */
  generate?: boolean;
}

/**
 * gofmt check, go mod tidy, git init + first commit — in that order, so the commit includes go.sum.
 * With gRPC, buf generates the Go of the .proto between a tolerant tidy (the generated package does
 * not exist yet; the plugins need their go.sum lines) and the final one, and the commit holds it.
 */
export function goPostSteps(options: GoPostStepOptions): PostStep[] {
  const files = options.files ?? [];
  const generate = options.generate ?? files.includes('buf.gen.yaml');
  const steps: PostStep[] = [gofmtCheck];
  if (options.install && generate) steps.push(goModTidy(['-e']), bufModTidy, bufGenerate);
  if (options.install) steps.push(goModTidy([]));
  if (options.git) steps.push(gitInit([...files, 'go.sum', ...(generate ? ['tools/buf/go.sum', ...generatedGoFiles(files)] : [])]));
  return steps;
}

/** The files `buf generate` writes for the .proto files create wrote (paths=source_relative). */
function generatedGoFiles(files: readonly string[]): string[] {
  return files
    .filter((file) => file.startsWith(`${PROTO_ROOT}/`) && file.endsWith('.proto'))
    .flatMap((file) => {
      const relative = file.slice(PROTO_ROOT.length + 1, -'.proto'.length);
      return [`${GENERATED_GO_ROOT}/${relative}.pb.go`, `${GENERATED_GO_ROOT}/${relative}_grpc.pb.go`];
    });
}

const gofmtCheck: PostStep = {
  title: 'gofmt',
  manual: 'gofmt -l .',
  needs: 'go',
  async run(cwd, signal) {
    const { stdout } = await execa('gofmt', ['-l', '.'], { cwd, cancelSignal: signal });
    if (stdout.trim() !== '') throw new Error(`not gofmt-clean: ${stdout.trim().split('\n').join(', ')}`);
  },
};

function goModTidy(flags: readonly string[]): PostStep {
  return {
    title: `go mod tidy${flags.length > 0 ? ` ${flags.join(' ')}` : ''}`,
    manual: 'go mod tidy',
    needs: 'go',
    async run(cwd, signal) {
      await execa('go', ['mod', 'tidy', ...flags], { cwd, timeout: 600_000, cancelSignal: signal });
    },
  };
}

const BUF_MODULE = 'tools/buf';

const bufModTidy: PostStep = {
  title: 'go mod tidy (tools/buf)',
  manual: `go -C ${BUF_MODULE} mod tidy`,
  needs: 'go',
  async run(cwd, signal) {
    await execa('go', ['mod', 'tidy'], { cwd: path.join(cwd, BUF_MODULE), timeout: 600_000, cancelSignal: signal });
  },
};

/** The first run compiles buf into the Go build cache (about two minutes on two cores); later runs reuse it. */
const bufGenerate: PostStep = {
  title: 'buf generate',
  manual: 'make generate',
  needs: 'go',
  async run(cwd, signal) {
    await execa('go', ['tool', `-modfile=${BUF_MODULE}/go.mod`, 'buf', 'generate'], { cwd, timeout: 900_000, cancelSignal: signal });
  },
};
