import { filesIn } from '../../../tree/files-in.js';
import type { Tree } from '../../../tree/tree.js';
import { applyGoEdits, type GoEdit } from '../edit/batch.js';
import { AnchorNotFoundError } from '../edit/errors.js';
import type { GoParser } from '../edit/parser.js';

export const APP_FILE = 'internal/app/app.go';
export const BOOTSTRAP_DIR = 'internal/bootstrap';
export const BOOTSTRAP_FILE = 'internal/bootstrap/bootstrap.go';
export const ROUTER_FILE = 'internal/adapter/http/router.go';
export const OPENAPI_FILE = 'api/openapi.yaml';
export const PORT_DIR = 'internal/port';
export const APP_DIR = 'internal/app';
export const MEMORY_DIR = 'internal/adapter/memory';
export const HTTP_DIR = 'internal/adapter/http';

/** The file's text, or an AnchorNotFoundError telling the user what to add where. */
export function requireFile(tree: Tree, file: string, manualSnippet: string): string {
  const text = tree.read(file);
  if (text === undefined) {
    throw new AnchorNotFoundError(file, {
      problem: 'missing',
      reason: `${file} does not exist (it may have been moved or deleted)`,
      where: `in the file that now plays the role of ${file}`,
      manualSnippet,
    });
  }
  return text;
}

/** Applies `edits` to one file through the syntax tree and stages the result as a merge (never a conflict). */
export function editGoFile(tree: Tree, parser: GoParser, file: string, edits: readonly GoEdit[], manualSnippet: string): boolean {
  const text = requireFile(tree, file, manualSnippet);
  const outcome = applyGoEdits(parser, { file, text }, edits);
  if (outcome.changed) tree.merge(file, outcome.after);
  return outcome.changed;
}

/** The `.go` files directly in `dir` (not its subdirectories), sorted; test files included. */
export function goFilesIn(tree: Tree, dir: string): string[] {
  return filesIn(tree, dir, '.go');
}
