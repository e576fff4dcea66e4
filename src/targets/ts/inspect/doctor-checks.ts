import type { Project } from '../../../project/load-project.js';
import type { DoctorCheck, DoctorFindings, Toolchains } from '../../../target-contract/target.js';
import { enginesNode, satisfiesNodeRange, tsLayoutViolations } from './doctor.js';

/** `svc doctor` for a TypeScript service: the running Node against package.json's engines.node, and the layout rules read through ts-morph. */
export async function tsDoctor(project: Project, toolchains: Toolchains): Promise<DoctorFindings> {
  const checks: DoctorCheck[] = [];
  const { tree } = project;
  const installed = (toolchains.nodeVersion ?? (() => process.version))();
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
  const { violations, unparsable } = await tsLayoutViolations(tree);
  checks.push({
    name: 'layout',
    ok: violations.length === 0 && unparsable.length === 0,
    detail:
      violations.length === 0 && unparsable.length === 0
        ? 'dependencies point inwards (domain <- port <- app <- adapters; adapters wired only in src/bootstrap and src/main.ts)'
        : [`${violations.length} import(s) break the layout rules`, ...(unparsable.length > 0 ? [`${unparsable.length} file(s) do not parse: ${unparsable.join(', ')}`] : [])].join('; '),
  });
  return { checks, violations };
}
