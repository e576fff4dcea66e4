import { UsageError } from '../errors.js';

const EXAMPLE = 'e.g. --module github.com/acme/orders';
const ELEMENT_CHARS = /^[A-Za-z0-9._~-]+$/;

/** The rules of golang.org/x/mod/module.CheckPath that a freshly created module can break. */
export function validateModulePath(path: string): void {
  const fail = (why: string): never => {
    throw new UsageError(`invalid Go module path ${JSON.stringify(path)}: ${why}`, EXAMPLE);
  };
  if (path === '') fail('it is empty');
  if (path.startsWith('/') || path.endsWith('/')) fail('it must not start or end with "/"');
  if (path.includes('\\')) fail('use "/" as the separator, not "\\"');
  const elements = path.split('/');
  for (const element of elements) {
    if (element === '') fail('it contains an empty path element ("//")');
    if (element === '.' || element === '..') fail(`it contains a "${element}" element`);
    if (!ELEMENT_CHARS.test(element)) fail(`element ${JSON.stringify(element)} may only use letters, digits and "-._~"`);
    if (element.startsWith('.') || element.endsWith('.')) fail(`element ${JSON.stringify(element)} must not start or end with a dot`);
  }
  const first = elements[0] ?? '';
  if (first.startsWith('-')) fail('the first element must not start with "-"');
  if (elements.length > 1 && !first.includes('.')) {
    fail(`the first element ${JSON.stringify(first)} should be a domain name (it needs a dot)`);
  }
}
