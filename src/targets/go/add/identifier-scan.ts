/**
 * Whether Go source may declare `name` at package level: the identifier occurs outside comments,
 * strings and runes, and not as either side of a selector (`x.name`, `name.X`). A cheap, conservative
 * filter that decides which files are worth parsing; the syntax tree gives the answer.
 */
export function mayDeclareAny(text: string, names: readonly string[]): boolean {
  const present = names.filter((name) => text.includes(name));
  if (present.length === 0) return false;
  const code = codeRanges(text);
  return present.some((name) => {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (isWholeIdentifier(text, at, end) && insideCode(code, at) && !selected(text, at, end)) return true;
    }
    return false;
  });
}

function isWholeIdentifier(text: string, start: number, end: number): boolean {
  return !isIdentifierChar(text.charAt(start - 1)) && !isIdentifierChar(text.charAt(end));
}

function isIdentifierChar(char: string): boolean {
  return char !== '' && /[\p{L}\p{Nd}_]/u.test(char);
}

/** `.name` or `name.` (white space between allowed, as Go allows it). */
function selected(text: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && /\s/.test(text.charAt(before))) before--;
  let after = end;
  while (after < text.length && /\s/.test(text.charAt(after))) after++;
  return text.charAt(before) === '.' || text.charAt(after) === '.';
}

/** [start, end) ranges of `text` that are code: everything but comments, strings and rune literals. */
function codeRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  let i = 0;
  const skipTo = (end: number): void => {
    ranges.push([start, i]);
    i = end;
    start = end;
  };
  while (i < text.length) {
    const char = text.charAt(i);
    const next = text.charAt(i + 1);
    if (char === '/' && next === '/') skipTo(endOf(text, '\n', i + 2));
    else if (char === '/' && next === '*') skipTo(endOf(text, '*/', i + 2));
    else if (char === '`') skipTo(endOf(text, '`', i + 1));
    else if (char === '"' || char === "'") skipTo(endOfQuoted(text, char, i + 1));
    else i++;
  }
  ranges.push([start, text.length]);
  return ranges;
}

function endOf(text: string, closer: string, from: number): number {
  const found = text.indexOf(closer, from);
  return found === -1 ? text.length : found + closer.length;
}

function endOfQuoted(text: string, quote: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '\\') i++;
    else if (char === quote || char === '\n') return i + 1;
  }
  return text.length;
}

function insideCode(ranges: ReadonlyArray<[number, number]>, index: number): boolean {
  return ranges.some(([start, end]) => index >= start && index < end);
}
