import { FailureError, UsageError } from '../errors.js';
import { loadProject, type Project } from '../project/load-project.js';
import { compareGoVersions, goDirective, layoutViolations, modifiedFiles, type LayoutViolation } from '../targets/go/inspect/doctor.js';
import { say, type Output } from '../ui/output.js';

interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

/**
 * `svc doctor [--json]`: the manifest, the Go toolchain against go.mod (for a TypeScript service: the
 * running Node against package.json's engines.node), files the generator owns that were changed by
 * hand (informational), and the layout rules. Exit 1 when any check fails.
 */
export async function svcDoctorAction(
  cwd: string,
  out: Output,
  goVersion: () => Promise<string | null> = installedGoVersion,
  nodeVersion: () => string = () => process.version,
): Promise<number> {
  const checks: Check[] = [];
  let project: Project;
  try {
    project = loadProject(cwd);
  } catch (error) {
    // Outside a service is bad usage (exit 2); a broken manifest is what doctor is for.
    if (error instanceof UsageError && error.message.startsWith('no svc.json')) throw error;
    checks.push({ name: 'manifest', ok: false, detail: (error as Error).message });
    return report(out, checks, { modified: [], missing: [], violations: [] });
  }
  const shape = manifestProblems(project);
  checks.push({ name: 'manifest', ok: shape.length === 0, detail: shape.length === 0 ? `svc.json valid (create-service ${project.manifest.version}, ${Object.keys(project.manifest.files).length} files)` : shape.join('; ') });
  if (project.spec.choices.lang === 'ts') return tsDoctor(out, project, checks, shape.length === 0, nodeVersion());
  try {
    (await import('../targets/go/go-project.js')).useGoModulePath(project);
  } catch (error) {
    checks.push({ name: 'go.mod', ok: false, detail: (error as Error).message });
  }
  const { manifest, tree, spec } = project;

  const directive = goDirective(tree.read('go.mod') ?? '');
  const installed = await goVersion();
  if (directive === null) checks.push({ name: 'go toolchain', ok: false, detail: 'go.mod is missing or has no go directive' });
  else if (installed === null) checks.push({ name: 'go toolchain', ok: false, detail: `go is not installed or not on PATH; go.mod needs go ${directive} or newer (https://go.dev/dl/)` });
  else {
    const ok = compareGoVersions(installed, directive) >= 0;
    checks.push({ name: 'go toolchain', ok, detail: ok ? `${installed} satisfies go ${directive}` : `${installed} is older than go.mod's go ${directive}; install a newer Go` });
  }

  // Without go.sum (create ran without Go) nothing builds; `go mod tidy` writes it.
  const sum = tree.read('go.sum') !== undefined;
  checks.push({ name: 'go.sum', ok: sum, detail: sum ? 'present' : 'go.sum is missing, so the service does not build: run go mod tidy (it needs Go)' });

  const { modified, missing } = shape.length === 0 ? modifiedFiles(tree, manifest) : { modified: [], missing: [] };
  const parser = await (await import('../targets/go/edit/parser.js')).loadGoParser();
  const { violations, unparsable } = layoutViolations(parser, spec.root, spec.module);
  checks.push({
    name: 'layout',
    ok: violations.length === 0 && unparsable.length === 0,
    detail:
      violations.length === 0 && unparsable.length === 0
        ? 'dependencies point inwards (domain <- port <- app <- adapters; adapters wired only in bootstrap and cmd)'
        : [`${violations.length} import(s) break the layout rules`, ...(unparsable.length > 0 ? [`${unparsable.length} file(s) do not parse: ${unparsable.join(', ')}`] : [])].join('; '),
  });
  return report(out, checks, { modified, missing, violations });
}

/** The TypeScript half: Node against engines.node, and the layout rules read through ts-morph (loaded only here). */
async function tsDoctor(out: Output, project: Project, checks: Check[], manifestValid: boolean, installed: string): Promise<number> {
  const { tree, manifest } = project;
  const { enginesNode, satisfiesNodeRange, tsLayoutViolations } = await import('../targets/ts/inspect/doctor.js');
  const engines = enginesNode(tree.read('package.json'));
  if ('problem' in engines) checks.push({ name: 'node', ok: false, detail: `${engines.problem}; it should say which Node the service needs, e.g. "engines": { "node": ">=20.17" }` });
  else {
    const ok = satisfiesNodeRange(installed, engines.range);
    checks.push({
      name: 'node',
      ok: ok === true,
      detail:
        ok === null
          ? `cannot compare Node ${installed} with engines.node "${engines.range}" (use plain comparators such as >=20.17)`
          : ok
            ? `Node ${installed} satisfies engines.node ${engines.range}`
            : `Node ${installed} does not satisfy package.json's engines.node ${engines.range}; install a matching Node (https://nodejs.org/)`,
    });
  }
  const { modified, missing } = manifestValid ? modifiedFiles(tree, manifest) : { modified: [], missing: [] };
  const { violations, unparsable } = await tsLayoutViolations(tree);
  checks.push({
    name: 'layout',
    ok: violations.length === 0 && unparsable.length === 0,
    detail:
      violations.length === 0 && unparsable.length === 0
        ? 'dependencies point inwards (domain <- port <- app <- adapters; adapters wired only in src/bootstrap and src/main.ts)'
        : [`${violations.length} import(s) break the layout rules`, ...(unparsable.length > 0 ? [`${unparsable.length} file(s) do not parse: ${unparsable.join(', ')}`] : [])].join('; '),
  });
  return report(out, checks, { modified, missing, violations });
}

function manifestProblems(project: Project): string[] {
  const { manifest } = project;
  const problems: string[] = [];
  if (typeof manifest.version !== 'string') problems.push('version is missing');
  if (typeof manifest.module !== 'string' || manifest.module === '') problems.push('module is missing');
  if (typeof manifest.files !== 'object' || manifest.files === null || Array.isArray(manifest.files)) problems.push('files is not an object of hashes');
  else {
    const bad = Object.entries(manifest.files).filter(([, hash]) => typeof hash !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(hash));
    if (bad.length > 0) problems.push(`${bad.length} file hash(es) are malformed, e.g. ${bad[0]?.[0]}`);
  }
  if (!Array.isArray(manifest.history)) problems.push('history is not a list');
  return problems;
}

function report(out: Output, checks: Check[], found: { modified: string[]; missing: string[]; violations: LayoutViolation[] }): number {
  const healthy = checks.every((check) => check.ok);
  if (out.json) {
    out.stdout.write(`${JSON.stringify({ healthy, checks, ...found }, null, 2)}\n`);
    return healthy ? 0 : 1;
  }
  for (const check of checks) say(out, `${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`);
  for (const violation of found.violations) say(out, `     ${violation.file} imports ${violation.imports}: ${violation.rule}`);
  if (found.modified.length > 0) {
    say(out, `info ${found.modified.length} generated file(s) changed by hand since generation (svc add merges into them, never overwrites them):`);
    for (const file of found.modified) say(out, `     ${file}`);
  }
  if (found.missing.length > 0) {
    say(out, `info ${found.missing.length} generated file(s) were deleted or moved:`);
    for (const file of found.missing) say(out, `     ${file}`);
  }
  say(out, healthy ? 'The service is healthy.' : 'Problems found: see FAIL above.');
  return healthy ? 0 : 1;
}

async function installedGoVersion(): Promise<string | null> {
  const { execa } = await import('execa');
  try {
    const result = await execa('go', ['env', 'GOVERSION'], { reject: false, timeout: 30_000 });
    return result.exitCode === 0 ? result.stdout.trim() : null;
  } catch {
    return null;
  }
}

export { FailureError };
