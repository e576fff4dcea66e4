import { FailureError, UsageError } from '../errors.js';
import { loadProject, type Project } from '../project/load-project.js';
import type { LayoutViolation } from '../target-contract/layout.js';
import type { DoctorCheck } from '../target-contract/target.js';
import { modifiedFiles } from '../tree/modified-files.js';
import { say, type Output } from '../ui/output.js';

/**
 * `svc doctor [--json]`: the manifest, the Go toolchain against go.mod (for a TypeScript service: the
 * running Node against package.json's engines.node), files the generator owns that were changed by
 * hand (informational), and the layout rules. Exit 1 when any check fails.
 */
export async function svcDoctorAction(
  cwd: string,
  out: Output,
  goVersion?: () => Promise<string | null>,
  nodeVersion?: () => string,
): Promise<number> {
  const checks: DoctorCheck[] = [];
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
  const { loadServiceTarget } = await import('../targets/registry.js');
  const target = await loadServiceTarget(project.spec.choices.lang);
  const { modified, missing } = shape.length === 0 ? modifiedFiles(project.tree, project.manifest) : { modified: [], missing: [] };
  const found = await target.doctor(project, { goVersion, nodeVersion });
  checks.push(...found.checks);
  return report(out, checks, { modified, missing, violations: found.violations });
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

function report(out: Output, checks: DoctorCheck[], found: { modified: string[]; missing: string[]; violations: LayoutViolation[] }): number {
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

export { FailureError };
