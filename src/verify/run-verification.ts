import type { Change } from '../tree/change.js';
import type { Output } from '../ui/output.js';
import { style } from '../ui/styles.js';
import type { Verifier } from './verifier.js';

/**
 * Runs the add's verifier on the changes it would commit and reports on stderr: one line when it
 * passed or was skipped, the compiler's messages and what to do when it failed. Returns whether
 * the add may go on.
 */
export async function runVerification(verifier: Verifier, root: string, changes: readonly Change[], out: Output): Promise<boolean> {
  const started = performance.now();
  const outcome = await verifier.verify(root, changes);
  const seconds = Math.round(performance.now() - started) / 1000;
  const line = (text: string) => out.stderr.write(`${text}\n`);
  if (outcome.status === 'ok') {
    line(`${style.create('✔')} verified (${verifier.title}) ${style.hint(`${seconds}s`)}${outcome.note === undefined ? '' : style.hint(`: ${outcome.note}`)}`);
    return true;
  }
  if (outcome.status === 'skipped') {
    line(`${style.warn('!')} ${outcome.reason}`);
    return true;
  }
  line(style.error(`✖ the change does not compile (${verifier.title}); nothing was written:`));
  for (const message of outcome.messages) line(message);
  if (outcome.brokenBefore === true) {
    line(style.error('the service did not build before this add either.'));
    line(style.hint('fix the build first, or rerun with --no-verify to write the change anyway'));
  } else {
    line(style.hint(outcome.hint ?? 'the add does not fit the code as it is now: change what the messages point at and run it again, or rerun with --no-verify to write it anyway and fix it by hand'));
  }
  return false;
}
