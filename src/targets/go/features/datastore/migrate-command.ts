import type { Tree } from '../../../../tree/tree.js';
import { AnchorNotFoundError, loadGoParser, type GoEdit } from '../../edit/index.js';
import { importNameOf, paramOfType, readFunctionFacts } from '../../inspect/go-scope.js';
import { editGoFile } from './edits.js';

const DEFAULTS = { ctx: 'ctx', args: 'args', getenv: 'getenv', stdout: 'stdout', stderr: 'stderr' };
type RunNames = typeof DEFAULTS;

/**
 * The `migrate` subcommand in `run` (cmd/<name>/run.go), written with run's own parameters, found
 * by type: context.Context, []string, func(string) string and the two io.Writers, in order. Nothing
 * to do when run already calls migrate.
 */
export async function addMigrateCommand(tree: Tree, name: string): Promise<void> {
  const file = `cmd/${name}/run.go`;
  const text = tree.read(file);
  const facts = text === undefined ? null : readFunctionFacts(await loadGoParser(), file, text, 'run');
  if (facts === null) return editGoFile(tree, file, [migrateEdit(DEFAULTS)]);
  if (facts.callees.includes('migrate')) return;
  const context = importNameOf(facts.imports, 'context');
  const io = importNameOf(facts.imports, 'io');
  const writers = facts.params.filter((param) => io !== null && param.type === `${io}.Writer`).map((param) => param.name);
  const found = {
    ctx: context === null ? null : paramOfType(facts.params, `${context}.Context`),
    args: paramOfType(facts.params, '[]string'),
    getenv: paramOfType(facts.params, 'func(string)string'),
    stdout: writers[0] ?? null,
    stderr: writers[1] ?? null,
  };
  const names: RunNames = { ...DEFAULTS };
  const missing: string[] = [];
  for (const key of Object.keys(DEFAULTS) as (keyof RunNames)[]) {
    const value = found[key];
    if (value === null) missing.push(key);
    else names[key] = value;
  }
  if (missing.length > 0 || facts.results.join(',') !== 'error') {
    throw new AnchorNotFoundError(file, {
      problem: 'missing',
      reason:
        missing.length > 0
          ? `run has no parameter for ${missing.join(', ')} (found by type: context.Context, []string, func(string) string, io.Writer twice)`
          : 'run does not return error',
      where: 'at the start of the subcommands in run, with the names of what holds them there',
      manualSnippet: migrateStatement(names),
    });
  }
  await editGoFile(tree, file, [migrateEdit(names)]);
}

function migrateEdit(names: RunNames): GoEdit {
  return { kind: 'statement', func: 'run', statement: migrateStatement(names), position: 'before-return', paragraph: true };
}

function migrateStatement({ ctx, args, getenv, stdout, stderr }: RunNames): string {
  return `if len(${args}) > 1 && ${args}[1] == "migrate" {\n\treturn migrate(${ctx}, ${args}[2:], ${getenv}, ${stdout}, ${stderr})\n}`;
}
