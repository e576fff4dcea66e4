import path from 'node:path';
import type { StepResult } from '../post-steps/post-step.js';
import type { CreateOptions } from '../choices/options.js';
import { resolveSpec } from '../choices/resolve-spec.js';
import type { ServiceSpec } from '../choices/service-spec.js';
import type { Target } from '../target-contract/target.js';
import { loadTarget } from '../targets/registry.js';
import type { Change } from '../tree/change.js';
import { checkEmptyTarget, checkTarget } from '../tree/check-target.js';
import { commitChanges } from '../tree/commit.js';
import { writeManifest } from '../tree/manifest.js';
import { Tree } from '../tree/tree.js';
import { reportChanges } from '../ui/changes-report.js';
import { reportInterrupted, reportMissingTools, reportNextSteps, reportPlan } from '../ui/create-report.js';
import { say, type Output } from '../ui/output.js';
import { VERSION } from '../version.js';
import { onPath, PACKAGE_ROOT } from './on-path.js';
import { replayCommand } from './replay-command.js';

export interface CreateContext {
  cwd: string;
  interactive: boolean;
  out: Output;
}

/** create-service: answers -> spec -> tree -> commit -> post-steps. Returns the exit code. */
export async function createAction(given: CreateOptions, context: CreateContext): Promise<number> {
  const { out } = context;
  if (given.directory !== undefined) checkEmptyTarget(path.resolve(context.cwd, given.directory), given.force ?? false);
  const options = context.interactive ? await (await import('../prompts/create-prompts.js')).askMissing(given, context.cwd) : given;
  const spec = resolveSpec(options, context.cwd);
  checkEmptyTarget(spec.root, options.force ?? false);
  const target = await loadTarget(spec.choices.lang);
  const changes = await planChanges(target, spec);
  checkTarget(spec.root, changes, options.force ?? false);
  const steps = await target.postSteps({ install: options.install !== false, git: options.git !== false, files: changes.map((change) => change.path) });

  reportChanges(out, changes, { diffs: false });
  if (options.dryRun) {
    reportPlan(out, steps);
    if (out.json) out.stdout.write(`${JSON.stringify(summary(spec, changes, [], true), null, 2)}\n`);
    return 0;
  }

  commitChanges(spec.root, changes);
  const { runPostSteps } = await import('../post-steps/run-post-steps.js');
  const results = await runPostSteps(steps, spec.root);
  const directory = path.relative(context.cwd, spec.root) || '.';
  if (results.some((result) => result.status === 'interrupted')) {
    reportInterrupted(out.stderr, directory, results, steps);
    return 130;
  }
  reportNextSteps(out, directory, results, target.nextSteps({ example: spec.choices.example }), { onPath: onPath('svc'), packageRoot: PACKAGE_ROOT });
  if (context.interactive) {
    say(out);
    say(out, `Replay this in CI with:\n  ${replayCommand(spec, options)}`);
  }
  if (out.json) out.stdout.write(`${JSON.stringify(summary(spec, changes, results, false), null, 2)}\n`);
  reportMissingTools(out.stderr, directory, results, steps);
  return results.some((result) => result.status === 'failed') ? 1 : 0;
}

async function planChanges(target: Target, spec: ServiceSpec): Promise<Change[]> {
  const tree = new Tree(spec.root);
  await target.generate(tree, spec);
  writeManifest(tree, {
    tool: 'create-service',
    version: VERSION,
    name: spec.name.kebab,
    module: spec.module,
    choices: spec.choices,
    history: ['create'],
  });
  return tree.changes();
}

function summary(spec: ServiceSpec, changes: readonly Change[], steps: readonly StepResult[], dryRun: boolean) {
  return {
    dryRun,
    directory: spec.root,
    name: spec.name.kebab,
    module: spec.module,
    choices: spec.choices,
    files: changes.map((change) => ({ action: change.kind, path: change.path })),
    postSteps: steps.map(({ title, status, detail }) => ({ title, status, detail })),
  };
}
