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
