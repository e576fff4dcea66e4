import { Command } from 'commander';
import { VERSION } from '../version.js';

/** `svc` grows a generated service. Subcommands load their code only when they run. */
export function svcProgram(): Command {
  const program = new Command('svc')
    .description('Grow a service made by create-service: add use cases, ports and adapters through the syntax tree.')
    .version(VERSION)
    .showSuggestionAfterError()
    .exitOverride();
  return program;
}
