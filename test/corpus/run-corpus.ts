import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import type { CorpusAdd, EditedService } from './edited-service.js';
import { ServiceFiles } from './edited-service.js';

/** sha256 of every file under root but node_modules and .git. */
export function fingerprint(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.git') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) files.set(path.relative(root, full), createHash('sha256').update(fs.readFileSync(full)).digest('hex'));
    }
  };
  walk(root);
  return files;
}

/** The files that differ between two fingerprints (created, changed or removed). */
export function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).sort();
}

/** What one add did, compared with what it had to do. */
export interface AddOutcome {
  command: string;
  expected: CorpusAdd['expect'];
  exitCode: number;
  changed: string[];
  /** Empty when the add did what it had to; otherwise why not. */
  problem: string;
  output: string;
}

/** Runs the adds of `service` in order on the service at root through the real `svc` binary. */
export async function runAdds(root: string, service: EditedService, env: Record<string, string>): Promise<AddOutcome[]> {
  const outcomes: AddOutcome[] = [];
  for (const corpusAdd of service.adds) {
    const before = fingerprint(root);
    const result = await runCli('svc', corpusAdd.args, { cwd: root, env });
    const changed = changedFiles(before, fingerprint(root));
    outcomes.push({
      command: `svc ${corpusAdd.args.map((arg) => (/\s/.test(arg) ? JSON.stringify(arg) : arg)).join(' ')}`,
      expected: corpusAdd.expect,
      exitCode: result.exitCode,
      changed,
      problem: judge(corpusAdd.expect, result.exitCode, changed),
      output: `${result.stdout}\n${result.stderr}`.trim(),
    });
  }
  return outcomes;
}

function judge(expected: CorpusAdd['expect'], exitCode: number, changed: readonly string[]): string {
  // The promise first: a refusal changes nothing, whatever was expected.
  if (exitCode !== 0 && changed.length > 0) return `exited ${exitCode} but changed ${changed.join(', ')}`;
  if (expected === 'noop') return exitCode === 0 && changed.length === 0 ? '' : `expected nothing to do, got exit ${exitCode} changing ${changed.length} file(s)`;
  if (expected === 0) return exitCode === 0 && changed.length > 0 ? '' : `expected it to grow the service, got exit ${exitCode} changing ${changed.length} file(s)`;
  return exitCode === expected ? '' : `expected exit ${expected}, got ${exitCode}`;
}

/**
 * Holds the service at root, after its adds, to `checks`. There is no run of the checks before the
 * adds: a refused add leaves the hand edit itself at root, so a fixture that fails the checks fails
 * the test all the same. Only the diagnosis needs the hand edit alone, and only on a failure: then
 * the same checks on a fresh copy of it say whether the fixture or an add is at fault.
 */
export async function checkAfterAdds(root: string, base: string, service: EditedService, checks: (dir: string) => Promise<void>): Promise<void> {
  try {
    await checks(root);
  } catch (error) {
    const fixture = `${root}-hand-edit-only`;
    let verdict: string;
    try {
      prepare(base, fixture, service);
      await checks(fixture);
      verdict = `the hand edit alone passes these checks, so the adds broke the service (${service.edit})`;
    } catch (fixtureError) {
      verdict = `the hand edit alone already fails these checks; fix the corpus fixture (${service.edit}):\n${message(fixtureError)}`;
    } finally {
      fs.rmSync(fixture, { recursive: true, force: true });
    }
    throw new Error(`${verdict}\n\nafter the adds:\n${message(error)}`, { cause: error });
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Copies the base service to root and applies the hand edit. */
export function prepare(base: string, root: string, service: EditedService): void {
  fs.rmSync(root, { recursive: true, force: true });
  fs.cpSync(base, root, { recursive: true, verbatimSymlinks: true });
  service.apply(new ServiceFiles(root));
}

/** A readable report of the adds that did not do what they had to. */
export function report(outcomes: readonly AddOutcome[]): string {
  return outcomes
    .filter((outcome) => outcome.problem !== '')
    .map((outcome) => `${outcome.command}: ${outcome.problem}\n${indent(outcome.output)}`)
    .join('\n\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .slice(0, 40)
    .map((line) => `    ${line}`)
    .join('\n');
}
