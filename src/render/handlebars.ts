import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { TemplateDelegate } from 'handlebars';

/** A precompiled template as Handlebars.precompile emits it. */
type TemplateSpecification = object;

const require = createRequire(import.meta.url);

/** No HTML escaping (we write code); a key the context lacks is an error, not an empty string. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** The key of a template in the precompiled table; scripts/precompile-templates.mjs uses the same. */
export function templateKey(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

type Runtime = { template(spec: TemplateSpecification): TemplateDelegate };
type Compiler = { compile(source: string, options: typeof COMPILE_OPTIONS): TemplateDelegate };

let table: Record<string, TemplateSpecification> | undefined;
let runtime: Runtime | undefined;
let compiler: Compiler | undefined;
const cache = new Map<string, TemplateDelegate>();

/**
 * Renders a Handlebars template. The build precompiles every template under templates/ into a
 * table keyed by the hash of its source, so a run needs only the Handlebars runtime: compiling
 * dominated a create. A source that is not in the table (edited since the build, a test
 * fixture) is compiled here by the full compiler with the same options.
 */
export function renderTemplate(source: string, context: object, origin: string): string {
  let template = cache.get(source);
  if (template === undefined) {
    template = load(source);
    cache.set(source, template);
  }
  try {
    return template(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`template ${origin}: ${reason}`);
  }
}

function load(source: string): TemplateDelegate {
  const spec = precompiled()[templateKey(source)];
  if (spec !== undefined) {
    runtime ??= (require('handlebars/runtime') as { default: { create(): Runtime } }).default.create();
    return runtime.template(spec);
  }
  compiler ??= (require('handlebars') as { create(): Compiler }).create();
  return compiler.compile(source, COMPILE_OPTIONS);
}

function precompiled(): Record<string, TemplateSpecification> {
  if (table === undefined) {
    try {
      // By way of ../render/: the same file from dist/render/ and from the bundle in dist/bundle/.
      table = require('../render/precompiled-templates.cjs') as Record<string, TemplateSpecification>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
      table = {};
    }
  }
  return table;
}
