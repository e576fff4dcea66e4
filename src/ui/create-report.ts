import type { PostStep, StepResult } from '../post-steps/post-step.js';
import type { Lang } from '../spec/catalog.js';
import { say, type Output } from './output.js';
import { style } from './styles.js';

export function reportPlan(out: Output, steps: readonly PostStep[]): void {
  say(out);
  say(out, style.title('Dry run: nothing was written.'));
  if (steps.length > 0) say(out, `A real run would then run: ${steps.map((step) => style.command(step.manual)).join(', ')}`);
}

/** How the user runs svc: on PATH, or where to get it (`npm link` in create-service's folder). */
export interface SvcAccess {
  onPath: boolean;
  packageRoot: string;
}

export function reportNextSteps(
  out: Output,
  directory: string,
  results: readonly StepResult[],
  lang: Lang = 'go',
  grow: { example: boolean; svc: SvcAccess } = { example: true, svc: { onPath: true, packageRoot: '' } },
): void {
  const pending = results.filter((result) => result.actionable);
  say(out);
  if (pending.length > 0) {
    say(out, style.warn('Some steps did not run; do them by hand:'));
    for (const result of pending) say(out, `  ${style.command(result.manual)}  ${style.hint(`# ${result.title}: ${result.detail ?? result.status}`)}`);
    say(out);
  }
  say(out, style.ok('Your service is ready. Next steps:'));
  say(out, `  ${style.command(`cd ${directory}`)}`);
  if (lang === 'ts') {
    say(out, `  ${style.command('npm run dev')}  ${style.hint('# watch mode; npm run build && npm start in production')}`);
    say(out, `  ${style.command('curl -i localhost:8080/healthz')}`);
    return;
  }
  say(out, `  ${style.command('make run')}`);
  say(out, `  ${style.command('curl -i localhost:8080/healthz')}`);
  // --uses names a real field of app.Ports: the sample's Orders, or a port added first.
  if (grow.example) {
    say(out, `  ${style.command('svc add usecase CancelOrder --uses Orders --http "POST /v1/orders/{id}/cancel"')}  ${style.hint('# grow it later')}`);
  } else {
    say(out, `  ${style.command('svc add port PaymentGateway --method "Charge(ctx context.Context, amount int64) error"')}  ${style.hint('# grow it later')}`);
    say(out, `  ${style.command('svc add usecase Charge --uses PaymentGateway --http "POST /v1/charges"')}`);
  }
  if (!grow.svc.onPath) say(out, style.hint(`  # svc is not on PATH: run \`npm link\` once in ${grow.svc.packageRoot} to put it there`));
}
