import { UsageError } from '../errors.js';
import { GO_KEYWORDS } from './go-keywords.js';

const MAX_NAME_LENGTH = 64;
const EXAMPLE = 'e.g. --name orders or --name payment-gateway';

/** A service name becomes a directory, a binary, a Go command package and a DNS label in k8s. */
export function validateServiceName(name: string): void {
  const fail = (why: string): never => {
    throw new UsageError(`invalid service name ${JSON.stringify(name)}: ${why}`, EXAMPLE);
  };
  if (name.trim() === '') fail('it is empty');
  if (name.length > MAX_NAME_LENGTH) fail(`it has ${name.length} characters, at most ${MAX_NAME_LENGTH} are allowed`);
  if (name.includes('/') || name.includes('\\')) fail('it contains a path separator');
  if (name.includes('..')) fail('it contains ".."');
  if (/\s/.test(name)) fail('it contains whitespace');
  if (/^[0-9]/.test(name)) fail('it starts with a digit');
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) {
    fail('use kebab-case: lower-case letters and digits, words joined by single hyphens');
  }
  if (GO_KEYWORDS.has(name)) fail('it is a Go keyword');
}
