import Handlebars from 'handlebars';

/** One Handlebars environment for all templates: no HTML escaping (we write code), unknown keys are errors. */
const env = Handlebars.create();

env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
env.registerHelper('join', (items: unknown, separator: unknown) =>
  Array.isArray(items) ? items.join(typeof separator === 'string' ? separator : ', ') : '',
);

const cache = new Map<string, Handlebars.TemplateDelegate>();

export function renderTemplate(source: string, context: object, origin: string): string {
  let template = cache.get(source);
  if (template === undefined) {
    template = env.compile(source, { noEscape: true, strict: true });
    cache.set(source, template);
  }
  try {
    return template(context);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`template ${origin}: ${reason}`);
  }
}
