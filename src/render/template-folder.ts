import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tree } from '../tree/tree.js';
import { renderTemplate } from './handlebars.js';

export const TEMPLATES_ROOT = fileURLToPath(new URL('../../templates/', import.meta.url));
const TEMPLATE_SUFFIX = '.hbs';
const DOT_PREFIX = 'dot-';

/**
 * Renders one feature folder (e.g. `go/base`) into the tree, following docs/templates.md:
 * `.hbs` files are rendered and lose the suffix, others are copied; path segments are
 * templates too; `dot-` becomes `.`; files that render to whitespace only are left out.
 */
export function renderTemplateFolder(tree: Tree, folder: string, context: object, templatesRoot = TEMPLATES_ROOT): void {
  const base = path.join(templatesRoot, folder);
  for (const relative of listFiles(base)) {
    const origin = `${folder}/${relative}`;
    const source = fs.readFileSync(path.join(base, relative), 'utf8');
    const isTemplate = relative.endsWith(TEMPLATE_SUFFIX);
    const content = isTemplate ? renderTemplate(source, context, origin) : source;
    if (content.trim() === '') continue;
    tree.write(targetPath(relative, context, origin), content);
  }
}

function targetPath(relative: string, context: object, origin: string): string {
  const withoutSuffix = relative.endsWith(TEMPLATE_SUFFIX) ? relative.slice(0, -TEMPLATE_SUFFIX.length) : relative;
  return withoutSuffix
    .split('/')
    .map((segment) => (segment.includes('{{') ? renderTemplate(segment, context, origin) : segment))
    .map((segment) => (segment.startsWith(DOT_PREFIX) ? `.${segment.slice(DOT_PREFIX.length)}` : segment))
    .join('/');
}

const listings = new Map<string, string[]>();

function listFiles(base: string): string[] {
  let files = listings.get(base);
  if (files === undefined) {
    files = (fs.readdirSync(base, { recursive: true, withFileTypes: true }) as fs.Dirent[])
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(base, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
    listings.set(base, files);
  }
  return files;
}
