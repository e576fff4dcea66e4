/** A word as a POSIX shell reads it back unchanged: bare when it is plain, else in single quotes. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9._/-]+$/.test(value) ? value : `'${value.replaceAll("'", `'\\''`)}'`;
}
