import type { Project } from '../../../project/load-project.js';
import type { DoctorCheck, DoctorFindings, Toolchains } from '../../../target-contract/target.js';
import { compareGoVersions, goDirective, layoutViolations } from './doctor.js';

/** `svc doctor` for a Go service: the installed Go against go.mod's go directive, and the layout rules read through tree-sitter. */
export async function goDoctor(project: Project, toolchains: Toolchains): Promise<DoctorFindings> {
  const checks: DoctorCheck[] = [];
  try {
    (await import('../go-project.js')).useGoModulePath(project);
  } catch (error) {
    checks.push({ name: 'go.mod', ok: false, detail: (error as Error).message });
  }
  const { tree, spec } = project;

  const directive = goDirective(tree.read('go.mod') ?? '');
  const installed = await (toolchains.goVersion ?? installedGoVersion)();
  if (directive === null) checks.push({ name: 'go toolchain', ok: false, detail: 'go.mod is missing or has no go directive' });
  else if (installed === null) checks.push({ name: 'go toolchain', ok: false, detail: `go is not installed or not on PATH; go.mod needs go ${directive} or newer (https://go.dev/dl/)` });
  else {
    const ok = compareGoVersions(installed, directive) >= 0;
    checks.push({ name: 'go toolchain', ok, detail: ok ? `${installed} satisfies go ${directive}` : `${installed} is older than go.mod's go ${directive}; install a newer Go` });
  }

  // Without go.sum (create ran without Go) nothing builds; `go mod tidy` writes it.
  const sum = tree.read('go.sum') !== undefined;
  checks.push({ name: 'go.sum', ok: sum, detail: sum ? 'present' : 'go.sum is missing, so the service does not build: run go mod tidy (it needs Go)' });

  const parser = await (await import('../edit/parser.js')).loadGoParser();
  const { violations, unparsable } = layoutViolations(parser, spec.root, spec.module);
  checks.push({
    name: 'layout',
    ok: violations.length === 0 && unparsable.length === 0,
    detail:
      violations.length === 0 && unparsable.length === 0
        ? 'dependencies point inwards (domain <- port <- app <- adapters; adapters wired only in bootstrap and cmd)'
        : [`${violations.length} import(s) break the layout rules`, ...(unparsable.length > 0 ? [`${unparsable.length} file(s) do not parse: ${unparsable.join(', ')}`] : [])].join('; '),
  });
  return { checks, violations };
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
