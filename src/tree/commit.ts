import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FailureError } from '../errors.js';
import type { Change } from './change.js';

/**
 * Writes every change or none. Each file goes to a temp file beside its target first; only
 * when all temp files exist are they renamed into place. A failure at any point restores
 * what was there before: created files and directories go, updated files get their old bytes.
 */
export function commitChanges(root: string, changes: readonly Change[]): void {
  const createdDirs: string[] = [];
  const staged: { change: Change; target: string; temp: string }[] = [];
  const renamed: { change: Change; target: string }[] = [];
  try {
    for (const change of changes) {
      const target = path.join(root, change.path);
      makeDirs(path.dirname(target), createdDirs);
      const temp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
      staged.push({ change, target, temp });
      fs.writeFileSync(temp, change.content, { flag: 'wx', mode: modeFor(target) });
    }
    for (const { change, target, temp } of staged) {
      fs.renameSync(temp, target);
      renamed.push({ change, target });
    }
  } catch (error) {
    rollBack(staged, renamed, createdDirs);
    const reason = error instanceof Error ? error.message : String(error);
    throw new FailureError(`could not write the project, nothing was changed: ${reason}`);
  }
}

function modeFor(target: string): number {
  try {
    return fs.statSync(target).mode & 0o777;
  } catch {
    return 0o644;
  }
}

function makeDirs(dir: string, createdDirs: string[]): void {
  if (fs.existsSync(dir)) return;
  makeDirs(path.dirname(dir), createdDirs);
  fs.mkdirSync(dir);
  createdDirs.push(dir);
}

function rollBack(
  staged: { temp: string }[],
  renamed: { change: Change; target: string }[],
  createdDirs: string[],
): void {
  for (const { temp } of staged) bestEffort(() => fs.rmSync(temp, { force: true }));
  for (const { change, target } of renamed.reverse()) {
    if (change.kind === 'update') bestEffort(() => fs.writeFileSync(target, change.before));
    else bestEffort(() => fs.rmSync(target, { force: true }));
  }
  for (const dir of createdDirs.reverse()) bestEffort(() => fs.rmdirSync(dir));
}

/** Rolling back must try every step even when one fails (e.g. a temp file that never got created). */
function bestEffort(step: () => void): void {
  try {
    step();
  } catch {
    // keep restoring the rest
  }
}
