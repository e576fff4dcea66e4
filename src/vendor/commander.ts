/**
 * commander, the flag parser every run loads first. The build bundles this file (scripts/build.mjs)
 * so that `--help` reads one module instead of commander's six CommonJS files.
 */
export { Command, CommanderError, Option } from 'commander';
