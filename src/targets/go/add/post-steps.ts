import { spawnSync } from 'node:child_process';
import type { PostStep } from '../../../post-steps/post-step.js';
import type { Tree } from '../../../tree/tree.js';

/**
 * The gofmt check of an add, on the Go files it wrote: the edit engine and the templates produce
 * gofmt-clean code, and this proves it without blaming the add for the rest of the project (and
 * without a cost that grows with the project).
 */
export function gofmtTouched(tree: Tree): PostStep {
  const files = () => tree.written().filter((file) => file.endsWith('.go'));
  return {
    title: 'gofmt',
    get manual() {
      return `gofmt -l ${files().join(' ')}`;
    },
    needs: 'gofmt',
    async skipReason() {
      return files().length === 0 ? 'no Go file changed' : undefined;
    },
    quick: true,
    async run(cwd) {
      const result = spawnSync('gofmt', ['-l', ...files()], { cwd, encoding: 'utf8', timeout: 60_000 });
      if (result.error !== undefined) throw result.error;
      if (result.status !== 0) throw new Error(`gofmt failed: ${result.stderr.trim()}`);
      if (result.stdout.trim() !== '') throw new Error(`not gofmt-clean: ${result.stdout.trim().split('\n').join(', ')}`);
    },
  };
}
