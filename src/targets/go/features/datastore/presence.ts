import { FailureError } from '../../../../errors.js';
import type { Tree } from '../../../../tree/tree.js';
import { loadGoParser } from '../../edit/index.js';
import { readAdapterFacts } from '../../inspect/adapter-presence.js';

/**
 * Whether a datastore adapter is part of the service, from facts (docs/adapters.md):
 * - its package (internal/adapter/<store>) and a call of its `Open` in internal/bootstrap: present,
 *   nothing to do, whatever the user changed in that package or around the call;
 * - neither (whatever svc.json records): absent, the whole add runs;
 * - one without the other: a half-done state svc did not leave, refused (exit 1) with what to fix,
 *   since completing it would mean writing over a package the user may own, or wiring a package
 *   that is not there.
 */
export async function datastorePresence(tree: Tree, module: string, store: 'postgres' | 'mysql' | 'sqlite' | 'redis' | 'nats' | 'kafka' | 'rabbitmq', wiringLines: () => Promise<string>): Promise<'absent' | 'present'> {
  const facts = readAdapterFacts(await loadGoParser(), tree, module, store);
  if (facts.package && facts.openedIn !== null) return 'present';
  if (!facts.package && facts.openedIn === null) return 'absent';
  if (facts.package) {
    throw new FailureError(
      `${facts.dir} exists, but nothing in internal/bootstrap opens it (no call of its Open), so svc cannot tell whether it is the adapter it generates or a package of yours. Nothing was changed.`,
      `wire it by hand where the app.Ports{…} literal is built:\n\n${indent(await wiringLines())}\n\nor move ${facts.dir} away and run svc add adapter ${store} again to have it generated and wired`,
    );
  }
  throw new FailureError(
    `${facts.openedIn} opens ${store} (a call of ${module}/${facts.dir}.Open), but ${facts.dir} has no Go files, so the service does not build. Nothing was changed.`,
    `restore the package (git checkout -- ${facts.dir}), or remove the ${store} wiring from ${facts.openedIn} and run svc add adapter ${store} again`,
  );
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? line : `\t${line}`))
    .join('\n');
}
