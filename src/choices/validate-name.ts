import { UsageError } from '../errors.js';
import { GO_KEYWORDS } from './go-keywords.js';
import { kebabSuggestion } from './naming.js';

const MAX_NAME_LENGTH = 64;
const EXAMPLE = 'e.g. --name orders or --name payment-gateway';

/**
 * A service name becomes a directory, a binary, a Go command package and a DNS label in k8s.
 * The hint offers a kebab-case spelling of a rejected name when that passes this same check.
 */
export function validateServiceName(name: string): void {
  const reason = serviceNameProblem(name);
  if (reason === undefined) return;
  const suggestion = suggestedServiceName(name);
  throw new UsageError(`invalid service name ${JSON.stringify(name)}: ${reason}`, suggestion === undefined ? EXAMPLE : `e.g. --name ${suggestion}`);
}

/** A valid service name close to a rejected one (`My_Svc` -> `my-svc`, `1orders` -> `orders`), or undefined. */
export function suggestedServiceName(name: string): string | undefined {
  if (name.includes('/') || name.includes('\\') || name.includes('..')) return undefined;
  const suggestion = kebabSuggestion(name);
  return suggestion !== name && serviceNameProblem(suggestion) === undefined ? suggestion : undefined;
}

function serviceNameProblem(name: string): string | undefined {
  if (name.trim() === '') return 'it is empty';
  if (name.length > MAX_NAME_LENGTH) return `it has ${name.length} characters, at most ${MAX_NAME_LENGTH} are allowed`;
  if (name.includes('/') || name.includes('\\')) return 'it contains a path separator';
  if (name.includes('..')) return 'it contains ".."';
  if (/\s/.test(name)) return 'it contains whitespace';
  if (/^[0-9]/.test(name)) return 'it starts with a digit';
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) return 'use kebab-case: lower-case letters and digits, words joined by single hyphens';
  if (GO_KEYWORDS.has(name)) return 'it is a Go keyword';
  return undefined;
}
