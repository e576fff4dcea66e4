import { CommanderError, type Command } from 'commander';
import { exitCodeOf } from '../errors.js';
import { reportError } from '../ui/errors-report.js';

const CLEAN_EXITS = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/** Parses argv and maps every outcome to our exit codes: 0 ok, 1 failure, 2 bad usage. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = CLEAN_EXITS.has(error.code) ? 0 : 2;
      return;
    }
    reportError(process.stderr, error);
    process.exitCode = exitCodeOf(error);
  }
}
