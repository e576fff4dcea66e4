import type { CallExpression, StringLiteral } from 'ts-morph';

type TsMorph = typeof import('ts-morph');

const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);

/** `server.post('/v1/orders', …)` -> `POST /v1/orders`; `server.route({ method: 'GET', url: '/x' })` -> `GET /x`. */
export function routePatterns(morph: TsMorph, call: CallExpression): string[] {
  const callee = call.getExpression();
  if (!morph.Node.isPropertyAccessExpression(callee)) return [];
  const method = callee.getName();
  const [first] = call.getArguments();
  if (HTTP_METHODS.has(method) && first !== undefined && morph.Node.isStringLiteral(first)) return [`${method.toUpperCase()} ${first.getLiteralValue()}`];
  if (HTTP_METHODS.has(method) && first !== undefined && morph.Node.isNoSubstitutionTemplateLiteral(first)) return [`${method.toUpperCase()} ${first.getLiteralValue()}`];
  if (method !== 'route' || first === undefined || !morph.Node.isObjectLiteralExpression(first)) return [];
  const literal = (name: string): string[] => {
    const property = first.getProperty(name);
    const value = property !== undefined && morph.Node.isPropertyAssignment(property) ? property.getInitializer() : undefined;
    if (value === undefined) return [];
    if (morph.Node.isStringLiteral(value) || morph.Node.isNoSubstitutionTemplateLiteral(value)) return [value.getLiteralValue()];
    if (morph.Node.isArrayLiteralExpression(value)) return value.getElements().filter((element) => morph.Node.isStringLiteral(element)).map((element) => (element as StringLiteral).getLiteralValue());
    return [];
  };
  const [url] = literal('url');
  if (url === undefined) return [];
  return literal('method').map((verb) => `${verb.toUpperCase()} ${url}`);
}
