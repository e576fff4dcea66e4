import type { SourceFile } from 'ts-morph';
import { UsageError } from '../../../errors.js';
import type { HttpRoute } from '../../../target-contract/http-route.js';
import type { TsTypeName } from './names.js';

/** A field of a use case's input, and where an HTTP request carries it. */
export interface InputField {
  name: string;
  optional: boolean;
  from: 'params' | 'body' | 'query';
}

/** The field a skeleton takes besides the path parameters: from the body, or from the query without path parameters. */
const REFERENCE = 'reference';

/**
 * The input of a new use case: every path parameter of its route (in every method), and a
 * `reference` from the JSON body (POST, PUT, PATCH) or, with no path parameter, from the query.
 * Without a route it takes a `reference`.
 */
export function skeletonInput(route: HttpRoute | undefined): InputField[] {
  if (route === undefined) return [{ name: REFERENCE, optional: false, from: 'body' }];
  if (route.body && route.wildcards.includes(REFERENCE)) {
    throw new UsageError(
      `--http ${JSON.stringify(route.pattern)}: the path parameter {${REFERENCE}} would be the same field as the body's ${REFERENCE}`,
      `name the path parameter otherwise, e.g. --http "${route.method} ${route.path.replace(`{${REFERENCE}}`, '{id}')}"`,
    );
  }
  const params = route.wildcards.map((name): InputField => ({ name, optional: false, from: 'params' }));
  if (route.body) return [...params, { name: REFERENCE, optional: false, from: 'body' }];
  return params.length > 0 ? params : [{ name: REFERENCE, optional: false, from: 'query' }];
}

/**
 * The input of an existing use case, read from its module: the interface `execute` takes as its
 * first parameter, whose properties must be plain strings for a generated handler to fill them.
 * Every path parameter of the route must be one of them; the others come from the body (POST,
 * PUT, PATCH) or the query. Anything a handler cannot fill is bad input (exit 2).
 */
export function existingInput(morph: typeof import('ts-morph'), source: SourceFile, file: string, useCase: TsTypeName, route: HttpRoute): InputField[] {
  const refuse = (reason: string): never => {
    throw new UsageError(`the use case ${useCase.pascal} exists already and ${reason}, so no handler can be generated for it`, `write the handler by hand in src/adapter/http/${useCase.kebab}.ts, or add a new use case for the route`);
  };
  const execute = source.getClass(useCase.pascal)?.getMethod('execute');
  if (execute === undefined) return refuse(`${file} declares no class ${useCase.pascal} with an execute method`);
  const returns = execute.getReturnTypeNode()?.getText();
  if (!execute.isAsync() && returns?.startsWith('Promise<') !== true) return refuse(`its execute does not return a Promise`);
  const typeName = execute.getParameters()[0]?.getTypeNode()?.getText();
  const iface = typeName === undefined ? undefined : source.getInterface(typeName);
  if (iface === undefined) return refuse(`the input of its execute is no interface declared in ${file}`);
  const properties = iface.getProperties();
  const unknown = route.wildcards.filter((wildcard) => !properties.some((property) => property.getName() === wildcard));
  if (unknown.length > 0) {
    throw new UsageError(
      `the path parameter${unknown.length > 1 ? 's' : ''} ${unknown.map((name) => `{${name}}`).join(', ')} of --http ${JSON.stringify(route.pattern)} ${unknown.length > 1 ? 'are no fields' : 'is no field'} of ${iface.getName()} (${file})`,
      `add ${unknown.map((name) => `\`${name}: string\``).join(', ')} to ${iface.getName()} first, or name the path parameters after its fields`,
    );
  }
  const fields = properties.map((property) => {
    const name = property.getName();
    if (!/^[A-Za-z_$][\w$]*$/.test(name)) refuse(`its input has the field ${name}, which is no plain identifier`);
    if (property.getTypeNode()?.getKind() !== morph.SyntaxKind.StringKeyword) refuse(`its input field ${name} is a ${property.getTypeNode()?.getText() ?? 'untyped value'}, not a string`);
    const optional = property.hasQuestionToken();
    if (route.wildcards.includes(name)) {
      if (optional) refuse(`its input field ${name} is optional, but a path parameter is always there`);
      return { name, optional, from: 'params' as const };
    }
    return { name, optional, from: route.body ? ('body' as const) : ('query' as const) };
  });
  return fields;
}
