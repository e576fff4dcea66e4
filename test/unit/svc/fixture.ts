import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, onTestFinished } from 'vitest';
import type { AddFlags } from '../../../src/cli/svc-add-action.js';
import type { AddOperation } from '../../../src/target-contract/add-operation.js';
import { svcAddAction } from '../../../src/cli/svc-add-action.js';
import { exitCodeOf } from '../../../src/errors.js';
import type { CreateOptions } from '../../../src/choices/options.js';
import { resolveSpec } from '../../../src/choices/resolve-spec.js';
import { generateGoService } from '../../../src/targets/go/generate.js';
import { commitChanges } from '../../../src/tree/commit.js';
import { writeManifest } from '../../../src/tree/manifest.js';
import { Tree } from '../../../src/tree/tree.js';
import type { Output } from '../../../src/ui/output.js';
import { VERSION } from '../../../src/version.js';
import { makeTempDir, snapshot } from '../../helpers/temp-dir.js';

export { snapshot };

const cache = new Map<string, string>();
// The generated templates live as long as the test file; each copy only as long as its test.
afterAll(() => {
  for (const template of cache.values()) fs.rmSync(path.dirname(template), { recursive: true, force: true });
  cache.clear();
});

/** A freshly generated service (no go, no git) in a temp dir; generated once per option set, then copied. */
export async function makeService(options: Partial<CreateOptions> = {}, name = 'orders'): Promise<string> {
  const key = JSON.stringify(options);
  let template = cache.get(key);
  if (template === undefined) {
    const parent = makeTempDir('svc-fixture-');
    const spec = resolveSpec({ directory: path.join(parent, name), yes: true, git: false, install: false, ...options }, parent);
    const tree = new Tree(spec.root);
    await generateGoService(tree, spec);
    writeManifest(tree, { tool: 'create-service', version: VERSION, name: spec.name.kebab, module: spec.module, choices: spec.choices, history: ['create'] });
    commitChanges(spec.root, tree.changes());
    template = spec.root;
    cache.set(key, template);
  }
  const parent = makeTempDir('svc-unit-');
  onTestFinished(() => fs.rmSync(parent, { recursive: true, force: true }));
  const copy = path.join(parent, name);
  fs.cpSync(template, copy, { recursive: true });
  return copy;
}

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
  error?: Error;
  /** stdout, stderr and the error message together. */
  all: string;
}

export function captureOutput(json = false): { out: Output; text: () => { stdout: string; stderr: string } } {
  let stdout = '';
  let stderr = '';
  const stream = (append: (chunk: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const out: Output = { stdout: stream((c) => (stdout += c)), stderr: stream((c) => (stderr += c)), json };
  return { out, text: () => ({ stdout, stderr }) };
}

/** Runs one add as the CLI would (without post-steps' processes), mapping errors to exit codes. */
export async function runAdd(root: string, operation: AddOperation, flags: AddFlags = {}): Promise<Captured> {
  const { out, text } = captureOutput();
  const noPostSteps: AddOperation = {
    command: operation.command,
    async apply(project) {
      await operation.apply(project);
      return { postSteps: [] };
    },
  };
  let code: number;
  let error: Error | undefined;
  try {
    code = await svcAddAction(noPostSteps, flags, root, out);
  } catch (caught) {
    error = caught as Error;
    code = exitCodeOf(caught);
  }
  const { stdout, stderr } = text();
  return { code, stdout, stderr, ...(error === undefined ? {} : { error }), all: `${stdout}\n${stderr}\n${error?.message ?? ''}\n${(error as { hint?: string } | undefined)?.hint ?? ''}` };
}

export function read(root: string, file: string): string {
  return fs.readFileSync(path.join(root, file), 'utf8');
}

export function write(root: string, file: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
}

/**
 * The first line of `before` that is missing from `after` (in order), or null when all are there.
 * Alignment padding inside a line is ignored: gofmt re-pads a column when a longer row joins it.
 */
export function keepsLinesInOrder(before: string, after: string): string | null {
  const pad = (line: string) => line.replace(/(\S)[ \t]+/g, '$1 ');
  const lines = after.split('\n').map(pad);
  let at = 0;
  for (const line of before.split('\n')) {
    const found = lines.indexOf(pad(line), at);
    if (found === -1) return line;
    at = found + 1;
  }
  return null;
}
