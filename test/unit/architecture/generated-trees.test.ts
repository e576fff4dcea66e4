/**
 * Proof that a refactor changed no generated output: every tree below is generated in memory
 * (no Go, no npm, no network, nothing on disk) and hashed whole (every path and its content);
 * the hashes must equal the committed golden file.
 *
 * A deliberate change to templates or generators changes hashes. Regenerate the golden, review
 * the diff of the generated files it stands for, and commit both:
 *
 *   UPDATE_GOLDEN=1 npx vitest run test/unit/architecture/generated-trees.test.ts
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Project } from '../../../src/project/load-project.js';
import type { CreateOptions } from '../../../src/choices/options.js';
import { resolveSpec } from '../../../src/choices/resolve-spec.js';
import type { AddOperation } from '../../../src/target-contract/add-operation.js';
import type { Target } from '../../../src/target-contract/target.js';
import { loadTarget } from '../../../src/targets/registry.js';
import type { Manifest } from '../../../src/tree/manifest.js';
import { Tree } from '../../../src/tree/tree.js';

const GOLDEN = path.join(import.meta.dirname, 'generated-trees.golden.json');

/** A root that does not exist: every read falls through to the staged files only. */
const NOWHERE = path.join(os.tmpdir(), 'create-service-golden-trees-that-do-not-exist');

type AddStep = (target: Target) => Promise<AddOperation>;

interface Case {
  options: Partial<CreateOptions>;
  adds?: AddStep[];
}

const none = { metrics: 'none', tracing: 'none', deploy: ['none'], example: false } satisfies Partial<CreateOptions>;
const everything = { datastore: ['postgres', 'redis'], metrics: 'prometheus', tracing: 'otel', deploy: ['docker', 'compose', 'k8s', 'github-actions'], example: true } satisfies Partial<CreateOptions>;

const goUsecase: AddStep = (target) => target.addUsecase('CancelOrder', { uses: 'Orders', http: 'POST /v1/orders/{id}/cancel' });
const goPort: AddStep = (target) => target.addPort('PaymentGateway', { methods: ['Charge(ctx context.Context, amount int64) error'] });
const tsUsecase: AddStep = (target) => target.addUsecase('CancelOrder', { uses: 'orders', http: 'POST /v1/orders/{id}/cancel' });
const tsPort: AddStep = (target) => target.addPort('PaymentGateway', { methods: ['charge(amount: number, signal: AbortSignal): Promise<void>'] });
const postgres: AddStep = (target) => target.addAdapter('postgres', { install: false });

const CASES: Record<string, Case> = {
  'go-minimal': { options: { lang: 'go', ...none } },
  'go-default': { options: { lang: 'go' } },
  'go-everything': { options: { lang: 'go', ...everything, logger: 'zap' } },
  'go-zap': { options: { lang: 'go', logger: 'zap' } },
  'go-no-example': { options: { lang: 'go', example: false } },
  'go-module': { options: { lang: 'go', module: 'github.com/acme/orders' } },
  'go-adds': { options: { lang: 'go' }, adds: [goPort, goUsecase, postgres] },
  'go-mysql': { options: { lang: 'go', ...everything, datastore: ['mysql', 'redis'] } },
  'ts-minimal': { options: { lang: 'ts', ...none } },
  'ts-default': { options: { lang: 'ts' } },
  'ts-everything': { options: { lang: 'ts', ...everything } },
  'ts-no-example': { options: { lang: 'ts', example: false } },
  'ts-adds': { options: { lang: 'ts' }, adds: [tsPort, tsUsecase, postgres] },
  'ts-mysql': { options: { lang: 'ts', ...everything, datastore: ['mysql', 'redis'] } },
  'ts-sqlite': { options: { lang: 'ts', ...everything, datastore: ['sqlite', 'redis'] } },
};

async function generatedTree(testCase: Case): Promise<Tree> {
  const spec = resolveSpec({ directory: 'orders', yes: true, git: false, install: false, ...testCase.options }, NOWHERE);
  const target = await loadTarget(spec.choices.lang);
  const tree = new Tree(spec.root);
  await target.generate(tree, spec);
  const manifest: Manifest = { tool: 'create-service', version: '0.0.0', name: spec.name.kebab, module: spec.module, choices: spec.choices, files: {}, history: ['create'] };
  const project: Project = { spec, manifest, tree };
  for (const add of testCase.adds ?? []) {
    const operation = await add(target);
    await operation.apply(project);
    manifest.history.push(operation.command);
  }
  return tree;
}

/** sha256 over every staged file, sorted by path: a change to any path or any byte changes it. */
function treeHash(tree: Tree): { files: number; sha256: string } {
  const hash = createHash('sha256');
  const changes = tree.changes();
  for (const change of changes) hash.update(`${change.path}\0${change.content}\0`);
  return { files: changes.length, sha256: hash.digest('hex') };
}

describe('generated trees', () => {
  it('are byte-identical to the golden hashes (UPDATE_GOLDEN=1 to regenerate after a deliberate change)', async () => {
    const actual: Record<string, { files: number; sha256: string }> = {};
    for (const [name, testCase] of Object.entries(CASES)) actual[name] = treeHash(await generatedTree(testCase));
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, `${JSON.stringify(actual, null, 2)}\n`);
    const golden = JSON.parse(fs.readFileSync(GOLDEN, 'utf8')) as unknown;
    expect(actual).toEqual(golden);
  }, 120_000);
});
