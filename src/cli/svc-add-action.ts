import fs from 'node:fs';
import { loadProject, type Project } from '../project/load-project.js';
import type { AddOperation } from '../target-contract/add-operation.js';
import { commitChanges } from '../tree/commit.js';
import { revertChanges } from '../tree/revert.js';
import { findConflicts } from '../tree/conflicts.js';
import { unifiedDiff } from '../tree/diff.js';
import { hashContent, MANIFEST_FILE, writeManifest, type Manifest } from '../tree/manifest.js';
import type { Tree } from '../tree/tree.js';
import { onlyManifestChanges } from '../tree/nothing-to-do.js';
import { reportChanges } from '../ui/changes-report.js';
import { say, type Output } from '../ui/output.js';
import { style } from '../ui/styles.js';
import { runVerification } from '../verify/run-verification.js';
import { VERSION } from '../version.js';

export interface AddFlags {
  dryRun?: boolean;
  force?: boolean;
  /** false (`--no-verify`) skips the operation's verifier. */
  verify?: boolean;
}

/** The frame every add shares: load, edit in memory, refuse conflicts, verify, print, commit all-or-nothing. */
export async function svcAddAction(operation: AddOperation, flags: AddFlags, cwd: string, out: Output): Promise<number> {
  const project = loadProject(cwd);
  const { postSteps, verifier } = await operation.apply(project);
  const { manifest, tree } = project;
  writeManifest(tree, { ...manifest, version: VERSION, history: [...manifest.history, operation.command] }, manifest);
  keepEntries(tree, userChangedMerges(project));
  const changes = tree.changes();
  if (onlyManifestChanges(changes)) {
    say(out, `nothing to do: ${operation.command} is already in place`);
    return 0;
  }
  const conflicts = findConflicts(tree, changes, manifest);
  if (conflicts.length > 0 && !flags.force) {
    say(out, style.error(`${conflicts.length} file(s) the generator owns were changed by hand; not overwriting them:`));
    for (const conflict of conflicts) say(out, unifiedDiff(conflict));
    say(out, style.hint('review the diff above; rerun with --force to overwrite, or move your changes elsewhere first'));
    return 1;
  }
  if (verifier !== undefined && flags.verify !== false && !(await runVerification(verifier, project.spec.root, changes, out))) return 1;
  reportChanges(out, changes, { diffs: flags.dryRun ?? false });
  if (flags.dryRun) {
    say(out, style.title('Dry run: nothing was written.'));
    return 0;
  }
  commitChanges(project.spec.root, changes);
  if (postSteps.length === 0) return 0;
  const results = await (await import('../post-steps/run-post-steps.js')).runPostSteps(postSteps, project.spec.root);
  const essential = results.find((result, index) => postSteps[index]?.undoesAddOnFailure === true && (result.status === 'failed' || result.status === 'interrupted'));
  if (essential !== undefined) {
    revertChanges(project.spec.root, changes);
    say(out, style.error(`✖ ${essential.title} did not complete, so the add was undone: every file is as it was before.`));
    return 1;
  }
  return results.some((result) => result.status === 'failed') ? 1 : 0;
}

/**
 * The manifest records the hash of files the generator owns as it left them. A merge into a file
 * the user had already changed (or that never was the generator's) must not make it look pristine:
 * such files keep their old entry, so `svc doctor` still reports them as modified.
 */
function userChangedMerges(project: Project): Map<string, string | undefined> {
  const { manifest, tree } = project;
  const keep = new Map<string, string | undefined>();
  for (const file of tree.written()) {
    if (!tree.isMerge(file)) continue;
    let disk: string | undefined;
    try {
      disk = fs.readFileSync(tree.absolute(file), 'utf8');
    } catch {
      disk = undefined;
    }
    // Not on disk: the operation created it, then edited it (svc add transport grpc gives its new
    // e2e test the datastores' variables); it is the generator's, as create leaves it.
    if (disk === undefined) continue;
    if (manifest.files[file] !== hashContent(disk)) keep.set(file, manifest.files[file]);
  }
  return keep;
}

function keepEntries(tree: Tree, keep: Map<string, string | undefined>): void {
  if (keep.size === 0) return;
  const written = JSON.parse(tree.read(MANIFEST_FILE) ?? '{}') as Manifest;
  for (const [file, hash] of keep) {
    if (hash === undefined) delete written.files[file];
    else written.files[file] = hash;
  }
  tree.write(MANIFEST_FILE, `${JSON.stringify(written, null, 2)}\n`);
}
