import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { goRequirements } from '../../src/targets/go/go-modules.js';
import { verifyGo } from '../../src/targets/go/verify/verify-go.js';
import { verifyTs } from '../../src/targets/ts/verify/verify-ts.js';
import { Tree } from '../../src/tree/tree.js';
import type { VerifyOutcome } from '../../src/verify/verifier.js';
import { runCli } from '../helpers/cli.js';
import { goTool } from '../helpers/go.js';
import { makeTempDir, snapshot } from '../helpers/temp-dir.js';

/**
 * The pre-commit verification against real toolchains: the Go verifier on a generated service
 * (gofmt, go vet and compilation from a scratch overlay), the TypeScript verifier on a generated
 * TypeScript service without node_modules, and `svc add` refusing a change that cannot compile.
 */
const temps: string[] = [];
let goRoot = '';

async function create(args: string[]): Promise<string> {
  const cwd = makeTempDir('svc-verify-e2e-');
  temps.push(cwd);
  const created = await runCli('create-service', ['orders', '--yes', '--no-git', ...args], { cwd });
  expect(created.exitCode, `${created.stdout}\n${created.stderr}`).toBe(0);
  return path.join(cwd, 'orders');
}

/** A copy of the generated Go service, so each case starts from a service that builds. */
function goCopy(): string {
  const parent = makeTempDir('svc-verify-e2e-');
  temps.push(parent);
  const root = path.join(parent, 'orders');
  fs.cpSync(goRoot, root, { recursive: true });
  return root;
}

async function verify(root: string, edit: (tree: Tree) => void): Promise<VerifyOutcome> {
  const tree = new Tree(root);
  edit(tree);
  const before = snapshot(root);
  const outcome = await verifyGo(root, tree.changes());
  expect(snapshot(root), 'the verifier wrote into the service').toEqual(before);
  return outcome;
}

const appended = (tree: Tree, file: string, text: string) => tree.merge(file, `${tree.read(file) ?? ''}${text}`);
const messages = (outcome: VerifyOutcome) => (outcome.status === 'failed' ? outcome.messages.join('\n') : `(${outcome.status})`);

beforeAll(async () => {
  goRoot = await create([]);
  await goTool(goRoot, 'go', ['vet', './...']);
});

afterAll(() => {
  for (const dir of temps) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Go verifier', () => {
  it('fails a change that does not compile in an existing package, naming the file as in the service', async () => {
    const outcome = await verify(goCopy(), (tree) => appended(tree, 'internal/app/app.go', '\nfunc broken() int { return "x" }\n'));
    expect(outcome.status).toBe('failed');
    expect(messages(outcome)).toMatch(/^internal\/app\/app\.go:\d+:\d+: cannot use "x"/m);
    expect(messages(outcome)).not.toContain('create-service-verify-');
    expect(outcome).not.toHaveProperty('brokenBefore', true);
  });

  it('fails a new package whose test does not compile', async () => {
    const outcome = await verify(goCopy(), (tree) => {
      tree.write('internal/widget/widget.go', 'package widget\n\n// Size is the size of a widget.\nfunc Size() int { return 1 }\n');
      tree.write('internal/widget/widget_test.go', 'package widget\n\nimport "testing"\n\nfunc TestSize(t *testing.T) {\n\tvar s string = Size()\n\tt.Log(s)\n}\n');
    });
    expect(outcome.status).toBe('failed');
    expect(messages(outcome)).toMatch(/^internal\/widget\/widget_test\.go:6:17: cannot use Size\(\)/m);
  });

  it('passes a good change that adds a package an existing one imports', async () => {
    const outcome = await verify(goCopy(), (tree) => {
      tree.write('internal/widget/widget.go', 'package widget\n\n// Size is the size of a widget.\nfunc Size() int { return 1 }\n');
      tree.write('internal/widget/widget_test.go', 'package widget\n\nimport "testing"\n\nfunc TestSize(t *testing.T) {\n\tif Size() != 1 {\n\t\tt.Fatal("size")\n\t}\n}\n');
      tree.write('internal/app/widget.go', 'package app\n\nimport "example.com/orders/internal/widget"\n\n// WidgetSize is the size of a widget.\nfunc WidgetSize() int { return widget.Size() }\n');
    });
    expect(outcome).toEqual({ status: 'ok' });
  });

  it('lays every changed file over the service, so a new package can embed files the change adds', async () => {
    const outcome = await verify(goCopy(), (tree) => {
      tree.write('migrations/00001_init.sql', '-- +goose Up\nCREATE TABLE t (id int);\n');
      tree.write('migrations/migrations.go', 'package migrations\n\nimport "embed"\n\n// FS holds the migrations.\n//\n//go:embed *.sql\nvar FS embed.FS\n');
    });
    expect(outcome, messages(outcome)).toEqual({ status: 'ok' });
  });

  it('fails a change gofmt would rewrite', async () => {
    const outcome = await verify(goCopy(), (tree) => tree.write('internal/app/widget.go', 'package app\n\n// Widget is a widget.\ntype Widget struct{ size   int }\n'));
    expect(outcome.status).toBe('failed');
    expect(messages(outcome)).toContain('internal/app/widget.go: not gofmt-clean');
  });

  it('resolves a requirement the change adds to go.mod in the scratch dir, leaving go.mod and go.sum as they were', async () => {
    const root = goCopy();
    const goMod = fs.readFileSync(path.join(root, 'go.mod'), 'utf8');
    const goSum = fs.readFileSync(path.join(root, 'go.sum'), 'utf8');
    const redis = goRequirements.redis.find((requirement) => requirement.path === 'github.com/redis/go-redis/v9');
    expect(redis).toBeDefined();
    const outcome = await verify(root, (tree) => {
      tree.write('go.mod', `${goMod}\nrequire ${redis?.path} ${redis?.version}\n`);
      tree.write(
        'internal/cache/cache.go',
        'package cache\n\nimport "github.com/redis/go-redis/v9"\n\n// New returns a client for addr.\nfunc New(addr string) *redis.Client {\n\treturn redis.NewClient(&redis.Options{Addr: addr})\n}\n',
      );
    });
    expect(outcome, messages(outcome)).toEqual({ status: 'ok' });
    expect(fs.readFileSync(path.join(root, 'go.mod'), 'utf8')).toBe(goMod);
    expect(fs.readFileSync(path.join(root, 'go.sum'), 'utf8')).toBe(goSum);
  });

  it('says when the service did not build before the change either', async () => {
    const root = goCopy();
    fs.writeFileSync(path.join(root, 'internal/app/broken.go'), 'package app\n\nfunc broken() int { return "x" }\n');
    const outcome = await verify(root, (tree) => tree.write('internal/app/widget.go', 'package app\n\n// Widget is a widget.\ntype Widget struct{}\n'));
    expect(outcome.status).toBe('failed');
    expect(outcome).toHaveProperty('brokenBefore', true);
    expect(messages(outcome)).toMatch(/^internal\/app\/broken\.go:3:28: /m);
  });

  it('is skipped, with a reason, when go is not on PATH', async () => {
    const outcome = await verifyGo(goCopy(), [{ kind: 'create', path: 'internal/app/widget.go', content: 'package app\n' }], { ...process.env, PATH: '/nonexistent' });
    expect(outcome).toEqual({ status: 'skipped', reason: 'go not found on PATH: the change was not compiled' });
  });
});

describe('svc add with a change that cannot compile', () => {
  it('exits 1 with the compiler message and leaves every file as it was; --no-verify writes it', async () => {
    const root = goCopy();
    // A hand edit static checks cannot know about: ValidationError.Add is now Reject, which every
    // caller in the service uses, while a new use case's generated validate() calls Add.
    const rename = (file: string, pairs: [string, string][]) => {
      const full = path.join(root, file);
      fs.writeFileSync(full, pairs.reduce((text, [from, to]) => text.split(from).join(to), fs.readFileSync(full, 'utf8')));
    };
    for (const file of fs.readdirSync(path.join(root, 'internal/domain')).filter((name) => name.endsWith('.go'))) {
      rename(`internal/domain/${file}`, [
        [') Add(', ') Reject('],
        ['v.Add(', 'v.Reject('],
      ]);
    }
    rename('internal/adapter/http/problem_test.go', [['validation.Add(', 'validation.Reject(']]);
    await goTool(root, 'go', ['vet', './...']);

    const before = snapshot(root);
    for (const args of [['add', 'usecase', 'Foo'], ['add', 'usecase', 'Foo', '--dry-run']]) {
      const result = await runCli('svc', args, { cwd: root });
      expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(1);
      expect(result.stderr).toMatch(/^internal\/app\/foo\.go:\d+:\d+: v\.Add undefined/m);
      expect(result.stderr).toContain('nothing was written');
      expect(result.stderr).not.toContain('did not build before');
      expect(snapshot(root)).toEqual(before);
    }
    const forced = await runCli('svc', ['add', 'usecase', 'Foo', '--no-verify'], { cwd: root });
    expect(forced.exitCode, forced.stderr).toBe(0);
    expect(fs.existsSync(path.join(root, 'internal/app/foo.go'))).toBe(true);
  });
});

describe('the TypeScript verifier', () => {
  it('fails a new type error and passes over errors the service already had (without node_modules)', async () => {
    const root = await create(['--lang', 'ts', '--no-install']);
    const appFile = 'src/app/app.ts';
    // An error of the user's own, in the very file the change edits.
    fs.appendFileSync(path.join(root, appFile), '\nexport const userCount: number = "many";\n');
    const check = async (edit: (tree: Tree) => void) => {
      const tree = new Tree(root);
      edit(tree);
      const before = snapshot(root);
      const outcome = await verifyTs(root, tree.changes());
      expect(snapshot(root)).toEqual(before);
      return outcome;
    };

    const good = await check((tree) => {
      tree.merge(appFile, `// the add's edit moves the user's error down\n${tree.read(appFile) ?? ''}`);
      tree.write('src/app/widget.ts', 'export class Widget {\n  size(signal: AbortSignal): number {\n    signal.throwIfAborted();\n    return 1;\n  }\n}\n');
    });
    expect(good.status, messages(good)).toBe('ok');

    const bad = await check((tree) => {
      tree.write('src/app/widget.ts', "import { createApp } from './app.js';\n\nexport const widget: string = createApp;\n");
    });
    expect(bad.status).toBe('failed');
    expect(messages(bad)).toMatch(/^src\/app\/widget\.ts:3:14: error TS2322: /m);
    expect(messages(bad)).not.toContain('userCount');
  });
});
