import fs from 'node:fs';
import path from 'node:path';
import { renderTemplate } from '../../../../render/handlebars.js';
import { TEMPLATES_ROOT } from '../../../../render/template-folder.js';
import type { Tree } from '../../../../tree/tree.js';
import { AnchorNotFoundError } from '../../edit/errors.js';
import type { TsContext } from './context.js';

const FILE = 'Dockerfile';
const ORIGIN = 'ts/docker/Dockerfile.hbs';

/** The context the Dockerfile template is rendered with: `sqlite` builds the native SQLite driver in the deps stage. */
export function dockerContext(context: TsContext, sqlite: boolean): TsContext & { sqlite: boolean } {
  return { ...context, sqlite };
}

function rendered(context: TsContext, sqlite: boolean): string {
  return renderTemplate(fs.readFileSync(path.join(TEMPLATES_ROOT, ORIGIN), 'utf8'), dockerContext(context, sqlite), ORIGIN);
}

/**
 * Gives the Dockerfile the stage that builds better-sqlite3, a native module the image needs
 * compiled for its platform. The file is a generated one with no code to edit through a syntax
 * tree: it is replaced when it is byte for byte the one create wrote, left alone when it has the
 * stage already, and otherwise the lines to add by hand are the error (exit 1, nothing written).
 */
export function addSqliteDockerStage(tree: Tree, context: TsContext): void {
  const current = tree.read(FILE);
  if (current === undefined) return;
  const wanted = rendered(context, true);
  if (current === wanted) return;
  if (current === rendered(context, false)) {
    tree.merge(FILE, wanted);
    return;
  }
  throw new AnchorNotFoundError(FILE, {
    problem: 'wrong-kind',
    reason: 'it is not the Dockerfile create-service wrote (it was edited), so the build of the native SQLite driver cannot be added to it',
    where: "in the stage that installs the production dependencies (its base image must have python3, make and g++, e.g. node:20-bookworm), after `npm ci --omit=dev --ignore-scripts`",
    manualSnippet: 'RUN --mount=type=cache,target=/root/.npm \\\n    npm rebuild better-sqlite3',
  });
}
