import { runProgram } from './run-program.js';
import { svcProgram } from './svc-program.js';

await runProgram(svcProgram(), process.argv);
