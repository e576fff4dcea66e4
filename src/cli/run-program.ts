import { CommanderError, type Command } from '../vendor/commander.js';
import { exitCodeOf } from '../errors.js';

const CLEAN_EXITS = new Set(['commander.helpDisplayed', 'commander.version', 'commander.help']);

/** Parses argv and maps every outcome to our exit codes: 0 ok, 1 failure, 2 bad usage, 130 cancelled. */
export async function runProgram(program: Command, argv: readonly string[]): Promise<void> {
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = CLEAN_EXITS.has(error.code) ? 0 : 2;
      return;
    }
    if (isPromptCancelled(error)) {
      // Ctrl-C at a prompt: the user's choice, not a failure. 130 is what shells report for SIGINT.
      process.stderr.write('\nCancelled: nothing was written.\n');
      process.exitCode = 130;
      return;
    }
    // Loaded only on failure: the help and success paths stay free of chalk.
    const { reportError } = await import('../ui/errors-report.js');
    reportError(process.stderr, error);
    process.exitCode = exitCodeOf(error);
  }
}

/** @inquirer's ExitPromptError, recognised by name so the non-interactive paths never load inquirer. */
function isPromptCancelled(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}
