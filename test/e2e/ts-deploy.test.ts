import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/cli.js';
import { makeTempDir } from '../helpers/temp-dir.js';

/**
 * The deployment files of generated TypeScript services, checked offline by real tools: yamllint
 * and actionlint on every YAML file, and deployvalidate (strict k8s.io/api decoding, a kustomize
 * build and the production invariants) on the Kubernetes manifests. deployvalidate's Dockerfile
 * and workflow checks expect a Go build, so only its k8s part applies here.
 */
const VALIDATOR_SOURCE = path.join(REPO_ROOT, 'test/tools/deployvalidate');
const TOOL_PATH = `${path.join(os.homedir(), 'go', 'bin')}:/usr/local/go/bin:${process.env.PATH ?? ''}`;

async function generate(args: string[]): Promise<string> {
  const cwd = makeTempDir('create-service-ts-');
  const created = await runCli('create-service', ['orders', '--lang', 'ts', '--yes', '--no-git', '--no-install', ...args], { cwd });
  expect(created.exitCode, created.stderr).toBe(0);
  return path.join(cwd, 'orders');
}

let validator: Promise<string> | undefined;

/** deployvalidate, built once per run. */
function buildValidator(): Promise<string> {
  validator ??= (async () => {
    const binary = path.join(makeTempDir('deployvalidate-'), 'deployvalidate');
    const built = await run('go', ['build', '-o', binary, '.'], VALIDATOR_SOURCE);
    expect(built.exitCode, built.output).toBe(0);
    return binary;
  })();
  return validator;
}

async function run(command: string, args: string[], cwd: string) {
  const result = await execa(command, args, { cwd, reject: false, all: true, env: { PATH: TOOL_PATH } });
  return { exitCode: result.exitCode, output: String(result.all ?? '') };
}

describe.each([
  ['default', [], []],
  ['postgres and redis', ['--datastore', 'postgres,redis'], []],
  // One replica on a PersistentVolumeClaim, replaced with Recreate, no autoscaler.
  ['sqlite and redis', ['--datastore', 'sqlite,redis'], ['-single-writer']],
])('TypeScript deployment files: %s', (_label, args, validatorFlags) => {
  it('pass yamllint and actionlint', async () => {
    const root = await generate(args);
    const k8s = fs.readdirSync(path.join(root, 'deploy/k8s')).map((file) => `deploy/k8s/${file}`);
    const yaml = ['compose.yaml', '.github/dependabot.yml', '.github/workflows/ci.yml', ...k8s];
    const lint = await run('yamllint', ['--strict', '--format', 'parsable', '--config-file', path.join(VALIDATOR_SOURCE, 'yamllint.yml'), ...yaml], root);
    expect(lint.output).toBe('');
    expect(lint.exitCode).toBe(0);
    const actions = await run('actionlint', ['-no-color', '.github/workflows/ci.yml'], root);
    expect(actions.output).toBe('');
    expect(actions.exitCode).toBe(0);
  });

  it('have Kubernetes manifests that decode strictly and keep the production invariants', async () => {
    const root = await generate([...args, '--deploy', 'k8s']);
    const result = await run(await buildValidator(), ['-name', 'orders', '-deploy', 'k8s', '-metrics', '-tracing', '-go-version', 'none', ...validatorFlags, root], root);
    expect(result.output).toMatch(/k8s\s+\d+ checks, 0 failed/);
    expect(result.exitCode, result.output).toBe(0);
  });
});
