// First: a closed stdout must not crash whatever runs after it.
import './closed-output.js';
import { createAction } from './create-action.js';
import { createProgram } from './create-program.js';
import { runProgram } from './run-program.js';

const program = createProgram((options) =>
  createAction(options, {
    cwd: process.cwd(),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY) && !options.yes && !options.json,
    out: { stdout: process.stdout, stderr: process.stderr, json: options.json ?? false },
  }),
);

await runProgram(program, process.argv);
