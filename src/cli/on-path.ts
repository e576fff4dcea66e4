import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** True when an executable of that name is in one of PATH's directories (no process is run). */
export function onPath(executable: string, pathVariable = process.env.PATH ?? ''): boolean {
  return pathVariable.split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, executable)));
}

/** This package's folder (where `npm link` puts create-service and svc on PATH). */
export const PACKAGE_ROOT = path.dirname(path.dirname(path.dirname(fileURLToPath(import.meta.url))));
