import { UsageError } from '../errors.js';

/** The port names of `svc add usecase --uses a,b`, in order; naming one twice is bad input. */
export function parseUses(uses: string | undefined): string[] {
  if (uses === undefined) return [];
  const names = uses
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const seen = new Set<string>();
  for (const item of names) {
    if (seen.has(item)) throw new UsageError(`--uses names ${item} twice`);
    seen.add(item);
  }
  return names;
}
