/**
 * execa and ora, the process runner and spinner of the post-steps. The build bundles this file
 * (scripts/build.mjs) so that a run loads one file instead of the ~110 modules these two pull in:
 * importing them unbundled cost more than starting node itself.
 */
export { execa } from 'execa';
export { default as ora } from 'ora';
