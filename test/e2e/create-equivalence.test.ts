import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

/**
 * create ≡ create + add: `create-service X --datastore postgres,redis` writes the same bytes as
 * `create-service X` then `svc add adapter postgres` then `svc add adapter redis` (and so for mysql and sqlite). Both paths run
 * the same feature modules; svc.json may differ only in its history. Compared as written
 * (--no-install on both paths), and go.mod/go.sum again after `go mod tidy` on both.
 */
const VARIANTS: { label: string; stores: string[]; args: string[]; tidy: boolean }[] = [
  { label: 'default options', stores: ['postgres', 'redis'], args: [], tidy: true },
  { label: 'zap, no metrics, no tracing, no sample, no deploy files', stores: ['postgres', 'redis'], args: ['--logger', 'zap', '--metrics', 'none', '--tracing', 'none', '--no-example', '--deploy', 'none'], tidy: false },
  { label: 'compose and k8s only, without tracing', stores: ['postgres', 'redis'], args: ['--tracing', 'none', '--deploy', 'compose,k8s,docker'], tidy: false },
];

/** Each SQL store with the cache in front, as create takes them and as they are added in turn. */
const STORE_SETS: readonly (readonly string[])[] = [
  ['postgres', 'redis'],
  ['mysql', 'redis'],
  ['sqlite', 'redis'],
];

const CASES = STORE_SETS.flatMap((stores) => VARIANTS.map((variant) => ({ ...variant, stores, list: stores.join(','), adds: stores.join(' + ') })));

async function created(args: readonly string[]): Promise<string> {
  const cwd = makeTempDir();
  const result = await runCli('create-service', ['orders', '--yes', '--no-git', '--no-install', ...args], { cwd });
  expect(result.exitCode, result.stderr).toBe(0);
  return path.join(cwd, 'orders');
}

function manifestWithoutHistory(root: string): unknown {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'svc.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.history;
  return manifest;
}

describe.each(CASES)('create --datastore $list ≡ create + svc add adapter $adds ($label)', ({ args, tidy, stores, list }) => {
  it('writes the same files, byte for byte', async () => {
    const direct = await created([...args, '--datastore', list]);
    const grown = await created(args);
    for (const kind of stores) {
      const added = await runCli('svc', ['add', 'adapter', kind, '--no-install'], { cwd: grown });
      expect(added.exitCode, added.stdout + added.stderr).toBe(0);
    }

    const { 'svc.json': directManifest, ...directFiles } = snapshot(direct);
    const { 'svc.json': grownManifest, ...grownFiles } = snapshot(grown);
    expect(Object.keys(grownFiles).sort()).toEqual(Object.keys(directFiles).sort());
    for (const file of Object.keys(directFiles)) expect(grownFiles[file], file).toBe(directFiles[file]);
    expect(directManifest).toBeDefined();
    expect(grownManifest).toBeDefined();
    expect(manifestWithoutHistory(grown)).toEqual(manifestWithoutHistory(direct));
    expect(JSON.parse(fs.readFileSync(path.join(grown, 'svc.json'), 'utf8')).history).toEqual(['create', ...stores.map((kind) => `add adapter ${kind}`)]);

    if (tidy) {
      await goTool(direct, 'go', ['mod', 'tidy']);
      await goTool(grown, 'go', ['mod', 'tidy']);
      for (const file of ['go.mod', 'go.sum']) {
        expect(fs.readFileSync(path.join(grown, file), 'utf8'), file).toBe(fs.readFileSync(path.join(direct, file), 'utf8'));
      }
    }
  });
});

/**
 * create --transport http,grpc ≡ create + svc add transport grpc, with the post-steps on both paths
 * (go mod tidy, buf generate): the generated Go, go.sum and tools/buf/go.sum are compared too, and
 * the grown service passes its own checks and buf lint.
 */
describe('create --transport http,grpc ≡ create + svc add transport grpc', () => {
  it('writes the same files, byte for byte, generated code included, and the result passes its checks', async () => {
    const install = async (args: readonly string[]) => {
      const cwd = makeTempDir();
      const result = await runCli('create-service', ['orders', '--yes', '--no-git', '--datastore', 'postgres', ...args], { cwd });
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      return path.join(cwd, 'orders');
    };
    const direct = await install(['--transport', 'http,grpc']);
    const grown = await install([]);
    const added = await runCli('svc', ['add', 'transport', 'grpc'], { cwd: grown });
    expect(added.exitCode, added.stdout + added.stderr).toBe(0);

    const { 'svc.json': _direct, ...directFiles } = snapshot(direct);
    const { 'svc.json': _grown, ...grownFiles } = snapshot(grown);
    expect(Object.keys(grownFiles).sort()).toEqual(Object.keys(directFiles).sort());
    for (const file of Object.keys(directFiles)) expect(grownFiles[file], file).toBe(directFiles[file]);
    expect(Object.keys(grownFiles)).toContain('internal/gen/orders/v1/orders_grpc.pb.go');
    expect(manifestWithoutHistory(grown)).toEqual(manifestWithoutHistory(direct));
    expect(JSON.parse(fs.readFileSync(path.join(grown, 'svc.json'), 'utf8')).history).toEqual(['create', 'add transport grpc']);

    await goTool(grown, 'go', ['tool', '-modfile=tools/buf/go.mod', 'buf', 'lint']);
    await goTool(grown, 'go', ['vet', './...']);
    // Against the PostgreSQL of the integration tests: REQUIRE_INTEGRATION makes a missing server fail.
    const env = { REQUIRE_INTEGRATION: '1', POSTGRES_TEST_URL: process.env.POSTGRES_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/test?sslmode=disable' };
    const output = await goTool(grown, 'go', ['test', '-count=1', '-v', '-run', 'GRPC|Health|Order|Status', './internal/adapter/grpc/', './cmd/orders/'], 900_000, env);
    expect(output).toContain('--- PASS: TestGRPCEndToEnd ');
    expect(output).toContain('--- PASS: TestCreateOrderInvalid ');
  });
});
