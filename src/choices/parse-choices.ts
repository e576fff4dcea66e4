import { UsageError } from '../errors.js';

export function parseChoice<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(
    `unknown value ${JSON.stringify(value)} for --${flag}`,
    `choose one of: ${allowed.join(', ')} (e.g. --${flag} ${allowed[0]})`,
  );
}

/** Lists may come as repeated flags or comma-separated values; duplicates collapse, catalog order wins. */
export function parseChoiceList<T extends string>(
  flag: string,
  values: readonly string[],
  allowed: readonly T[],
  options: { allowNone?: boolean } = {},
): T[] {
  const items = values
    .flatMap((value) => value.split(','))
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (options.allowNone && items.includes('none')) {
    if (items.length > 1) throw new UsageError(`--${flag} none cannot be combined with other values`, `e.g. --${flag} none`);
    return [];
  }
  if (items.length === 0) {
    throw new UsageError(`--${flag} needs at least one value`, `choose from: ${allowed.join(', ')}`);
  }
  const chosen = new Set(items.map((item) => parseChoice(flag, item, allowed)));
  return allowed.filter((item) => chosen.has(item));
}
