// First: a closed stdout must not crash whatever runs after it.
import './closed-output.js';
import { createProgram } from './create-program.js';
import { runProgram } from './run-program.js';

// The action (generators, templates, post-steps) is imported when it runs: `--help` loads commander alone.
const program = createProgram(async (options) => {
  const { createAction } = await import('./create-action.js');
  return createAction(options, {
    cwd: process.cwd(),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) && !options.yes && !options.json,
    out: { stdout: process.stdout, stderr: process.stderr, json: options.json ?? false },
  });
});

await runProgram(program, process.argv);
