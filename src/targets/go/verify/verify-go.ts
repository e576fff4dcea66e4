import fs from 'node:fs';
import path from 'node:path';
import type { Change } from '../../../tree/change.js';
import type { VerifyOutcome } from '../../../verify/verifier.js';
import { affectedPackages, importersOf, LIST_FORMAT, parsePackages, type GoPackage } from './package-graph.js';
import { runTool } from './run-tool.js';
import { makeScratch, type Scratch } from './scratch.js';
import { goWorkFile } from './workspace.js';

const MODULE_HINT = 'the change adds module requirements: if a module could not be downloaded, check the network (or GOPROXY) and retry, or rerun with --no-verify and run go mod tidy later';

/**
 * Compiles the Go files an add would write, from a scratch overlay, before anything is written:
 * gofmt -l on the changed files; `go vet -overlay` on the changed packages that exist on disk and
 * every package importing them; packages in new directories (vet cannot chdir into a directory
 * that exists only in the overlay), and those importing them, are compiled with their tests by
 * `go list -export -test -overlay`. The toolchain never writes the service: go.mod and go.sum are
 * copied to the scratch dir and used through -modfile, with -mod=mod so that requirements an add
 * introduces are resolved there. `env` is the user's (GOFLAGS and all); our flags come last and win.
 */
export async function verifyGo(serviceRoot: string, changes: readonly Change[], env: NodeJS.ProcessEnv = process.env): Promise<VerifyOutcome> {
  const goMod = changes.find((change) => change.path === 'go.mod')?.content;
  if (goMod === undefined && !changes.some((change) => change.path.endsWith('.go'))) return { status: 'ok' };
  // Every changed file goes in the overlay, not only .go files: a package may //go:embed the others (migrations/*.sql).
  const overlaid = new Map(changes.filter((change) => change.path !== 'go.mod' && change.path !== 'go.sum').map((change) => [change.path, change.content]));
  const root = fs.realpathSync(serviceRoot);
  const diskGoMod = readOptional(path.join(root, 'go.mod'));
  if (goMod === undefined && diskGoMod === undefined) return { status: 'skipped', reason: 'no go.mod in the service root: the change was not compiled' };
  const workFile = goWorkFile(root, env);
  // In a workspace the toolchain refuses -modfile and would resolve new requirements into go.work.sum.
  if (workFile !== undefined && goMod !== undefined) return { status: 'skipped', reason: `go.mod changed inside the Go workspace ${workFile}: the change was not compiled` };

  const scratch = await makeScratch(root, overlaid);
  try {
    const toolEnv = { ...env, PWD: root };
    const go = (args: readonly string[]) => runTool('go', args, root, toolEnv);
    const goSum = changes.find((change) => change.path === 'go.sum')?.content ?? readOptional(path.join(root, 'go.sum'));
    const modFlags = workFile !== undefined ? ['-mod=readonly'] : ['-mod=mod', `-modfile=${await scratch.writeModFile('', goMod ?? diskGoMod ?? '', goSum)}`];
    const overlay = `-overlay=${scratch.overlayFile}`;

    const [unformatted, listed] = await Promise.all([gofmtList(scratch, root, toolEnv), go(['list', '-e', overlay, ...modFlags, '-f', LIST_FORMAT, './...'])]);
    if (listed.missing) return { status: 'skipped', reason: 'go not found on PATH: the change was not compiled' };
    if (listed.code !== 0) return failed([...unformatted, ...lines(scratch, listed.stderr)], goMod);

    const changedDirs = new Set([...overlaid.keys()].map((file) => path.posix.dirname(file)));
    const packages = parsePackages(listed.stdout, root);
    const affected = affectedPackages(packages, changedDirs, goMod !== undefined);
    // go vet runs the vet tool in each package's directory, and in each dependency's to collect
    // facts: packages in (or depending on) a directory that exists only in the overlay are compiled, not vetted.
    const fresh = affected.filter((pkg) => !fs.existsSync(path.join(root, pkg.dir)));
    const needFresh = importersOf(packages, fresh);
    const existing = affected.filter((pkg) => !fresh.includes(pkg) && !needFresh.has(pkg.importPath));
    const compileOnly = affected.filter((pkg) => !existing.includes(pkg));

    // `go list -export -test` compiles packages and their tests without linking (go test -c links a binary per package).
    // Both run at once: the first `go list` has already resolved any module into the scratch go.mod/go.sum.
    const [vetted, compiled] = await Promise.all([
      existing.length === 0 ? undefined : go(['vet', overlay, ...modFlags, ...importPaths(existing)]),
      compileOnly.length === 0 ? undefined : go(['list', '-export', '-test', overlay, ...modFlags, '-f', '{{.ImportPath}}', ...importPaths(compileOnly)]),
    ]);
    // A broken package shows in the output of both commands when both import it: each line once.
    const messages = [...new Set([...unformatted, ...[vetted, compiled].flatMap((result) => (result === undefined || result.code === 0 ? [] : lines(scratch, result.stderr)))])];
    if (messages.length === 0) return { status: 'ok' };
    const onDisk = affected.filter((pkg) => !fresh.includes(pkg));
    const compilerFailed = [vetted, compiled].some((result) => result !== undefined && result.code !== 0);
    if (compilerFailed && onDisk.length > 0 && diskGoMod !== undefined) {
      // Once, on failure: do the packages that exist fail as they are on disk, without the change?
      const diskModFlags = workFile !== undefined || goMod === undefined ? modFlags : ['-mod=mod', `-modfile=${await scratch.writeModFile('before', diskGoMod, readOptional(path.join(root, 'go.sum')))}`];
      const before = await go(['vet', ...diskModFlags, ...importPaths(onDisk)]);
      if (before.code !== 0) return { status: 'failed', messages, brokenBefore: true };
    }
    return failed(messages, goMod);
  } finally {
    await scratch.remove();
  }
}

/** The changed files gofmt would rewrite, as messages (syntax errors are left to the compiler). */
async function gofmtList(scratch: Scratch, root: string, env: NodeJS.ProcessEnv): Promise<string[]> {
  const goCopies = scratch.copies.filter((copy) => copy.endsWith('.go'));
  if (goCopies.length === 0) return [];
  const result = await runTool('gofmt', ['-l', ...goCopies], root, env);
  return lines(scratch, result.stdout).map((file) => `${file}: not gofmt-clean (gofmt -l lists it)`);
}

function failed(messages: string[], goMod: string | undefined): VerifyOutcome {
  return { status: 'failed', messages, ...(goMod === undefined ? {} : { hint: MODULE_HINT }) };
}

function lines(scratch: Scratch, text: string): string[] {
  return scratch
    .toServicePaths(text)
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line !== '');
}

function importPaths(packages: readonly GoPackage[]): string[] {
  return packages.map((pkg) => pkg.importPath);
}

function readOptional(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
