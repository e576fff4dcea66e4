import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { TemplateDelegate } from 'handlebars';

/** A precompiled template as Handlebars.precompile emits it. */
type TemplateSpecification = object;

const require = createRequire(import.meta.url);

/** No HTML escaping (we write code); a key the context lacks is an error, not an empty string. */
export const COMPILE_OPTIONS = { noEscape: true, strict: true } as const;

/** The key of a template in the precompiled tables; scripts/precompile-templates.mjs uses the same. */
export function templateKey(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

type Runtime = { template(spec: TemplateSpecification): TemplateDelegate };
type Compiler = { compile(source: string, options: typeof COMPILE_OPTIONS): TemplateDelegate };

/** The precompiled tables loaded so far, by feature folder (`go-usecase` for templates/go/usecase). */
const tables = new Map<string, Record<string, TemplateSpecification>>();
let runtime: Runtime | undefined;
let compiler: Compiler | undefined;
const cache = new Map<string, TemplateDelegate>();

/**
 * Renders a Handlebars template; `origin` is its path under templates/ (`go/usecase/app/x.go.hbs`).
 * The build precompiles every template into a table per feature folder keyed by the hash of its
 * source, so a run needs only the Handlebars runtime (compiling dominated a create) and loads only
 * the tables of the folders it renders. A source that is not in its table (edited since the build,
 * a test fixture) is compiled here by the full compiler with the same options.
 */
export function renderTemplate(source: string, context: object, origin: string): string {
  let template = cache.get(source);
  if (template === undefined) {
    template = load(source, origin);
    cache.set(source, template);
  }
  try {
    return template(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`template ${origin}: ${reason}`);
  }
}

function load(source: string, origin: string): TemplateDelegate {
  const spec = precompiled(origin)[templateKey(source)];
  if (spec !== undefined) {
    runtime ??= (require('handlebars/runtime') as { default: { create(): Runtime } }).default.create();
    return runtime.template(spec);
  }
  compiler ??= (require('handlebars') as { create(): Compiler }).create();
  return compiler.compile(source, COMPILE_OPTIONS);
}

function precompiled(origin: string): Record<string, TemplateSpecification> {
  const [lang, feature] = origin.split('/');
  const group = `${lang}-${feature}`;
  let table = tables.get(group);
  if (table === undefined) {
    try {
      // By way of ../render/: the same file from dist/render/ and from the bundle in dist/bundle/.
      table = require(`../render/precompiled/${group}.cjs`) as Record<string, TemplateSpecification>;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
      table = {};
    }
    tables.set(group, table);
  }
  return table;
}
