import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { MANIFEST_FILE } from '../tree/manifest.js';

/** The nearest directory at or above `from` holding svc.json: svc works anywhere inside a service. */
export function findProjectRoot(from: string): string {
  let dir = path.resolve(from);
  for (;;) {
    if (fs.existsSync(path.join(dir, MANIFEST_FILE))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new UsageError(
        `no ${MANIFEST_FILE} found in ${path.resolve(from)} or any parent: this is not a service made by create-service`,
        'run svc inside a generated service, e.g. cd orders && svc list; create one with: npx create-service orders',
      );
    }
    dir = parent;
  }
}
