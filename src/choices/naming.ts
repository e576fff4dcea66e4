import { camelCase, capitalCase, constantCase, kebabCase, pascalCase, snakeCase } from 'change-case';

/** One identifier in every case form a template or an edit may need. */
export interface Names {
  kebab: string;
  snake: string;
  camel: string;
  pascal: string;
  constant: string;
  title: string;
}

export function namesOf(identifier: string): Names {
  return {
    kebab: kebabCase(identifier),
    snake: snakeCase(identifier),
    camel: camelCase(identifier),
    pascal: pascalCase(identifier),
    constant: constantCase(identifier),
    title: capitalCase(identifier),
  };
}

/**
 * The PascalCase spelling a hint may offer for a rejected type name: `cancel_order` -> `CancelOrder`,
 * `1Order` -> `Order` (an identifier starts with a letter). The caller checks it is valid before showing it.
 */
export function pascalSuggestion(name: string): string {
  return pascalCase(name.replace(/^[^\p{L}]+/u, ''));
}

/** The kebab-case spelling a hint may offer for a rejected service name: `My_Svc` -> `my-svc`, `1svc` -> `svc`. */
export function kebabSuggestion(name: string): string {
  return kebabCase(name.replace(/^[^\p{L}]+/u, ''));
}

/** `CreateInvoice` -> `createInvoice`, `IDs` -> `ids`, `HTTPClient` -> `httpClient` (initialisms stay one word, as Go writes them). */
export function lowerFirstWord(name: string): string {
  const run = /^[A-Z]+/.exec(name)?.[0] ?? '';
  if (run.length <= 1) return name.charAt(0).toLowerCase() + name.slice(1);
  // `HTTPClient`: the last capital of the run starts the next word, unless the run is the whole name
  // or is followed by a lower-case plural `s` (`IDs`).
  const rest = name.slice(run.length);
  if (rest === '' || rest === 's' || /^s[A-Z0-9]/.test(rest)) return run.toLowerCase() + rest;
  return run.slice(0, -1).toLowerCase() + run.slice(-1) + rest;
}
