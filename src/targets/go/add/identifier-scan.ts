/**
 * Whether Go source may declare any of `names` at package level: one of them occurs as a whole
 * identifier outside comments, strings and runes, not as either side of a selector (`x.name`,
 * `name.X`) and not as the package clause's name. A cheap, conservative filter that decides which
 * files are worth parsing (the syntax tree gives the answer); it looks only around the places the
 * names occur, so a package of hundreds of files costs little.
 */
export function mayDeclareAny(text: string, names: readonly string[]): boolean {
  // Raw strings and block comments span rows: only then are the code ranges of the file needed.
  let ranges: Array<[number, number]> | undefined;
  const multiRow = text.includes('`') || text.includes('/*');
  for (const name of names) {
    for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (isIdentifierChar(text.charAt(at - 1)) || isIdentifierChar(text.charAt(end))) continue;
      // An identifier never touches a quote or a slash in Go code: this is an import path or a string.
      if (QUOTES_AND_SLASH.includes(text.charAt(at - 1)) || QUOTES_AND_SLASH.includes(text.charAt(end))) continue;
      if (selected(text, at, end) || afterPackageKeyword(text, at)) continue;
      if (multiRow) {
        ranges ??= codeRanges(text);
        if (!ranges.some(([start, stop]) => at >= start && at < stop)) continue;
      } else if (commentOrStringOnRow(text, at)) {
        continue;
      }
      return true;
    }
  }
  return false;
}

const QUOTES_AND_SLASH = '"\'`/';

function isIdentifierChar(char: string): boolean {
  return char !== '' && /[\p{L}\p{Nd}_]/u.test(char);
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/** The package clause names the package; it declares nothing in it. */
function afterPackageKeyword(text: string, start: number): boolean {
  let before = start - 1;
  while (before >= 0 && isSpace(text.charAt(before))) before--;
  return text.slice(Math.max(0, before - 6), before + 1) === 'package' && !isIdentifierChar(text.charAt(before - 7));
}

/** `.name` or `name.` (white space between allowed, as Go allows it). */
function selected(text: string, start: number, end: number): boolean {
  let before = start - 1;
  while (before >= 0 && isSpace(text.charAt(before))) before--;
  let after = end;
  while (after < text.length && isSpace(text.charAt(after))) after++;
  return text.charAt(before) === '.' || text.charAt(after) === '.';
}

/** Whether `at` is inside a `//` comment or an interpreted string or rune on its row (no multi-row construct in the file). */
function commentOrStringOnRow(text: string, at: number): boolean {
  let quote = '';
  for (let i = text.lastIndexOf('\n', at - 1) + 1; i < at; i++) {
    const char = text.charAt(i);
    if (quote !== '') {
      if (char === '\\') i++;
      else if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '/' && text.charAt(i + 1) === '/') {
      return true;
    }
  }
  return quote !== '';
}

/** What opens a comment, a string or a rune literal. */
const OPENERS = /\/\/|\/\*|["'`]/g;

/** [start, end) ranges of `text` that are code: everything but comments, strings and rune literals. */
function codeRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  OPENERS.lastIndex = 0;
  for (let match = OPENERS.exec(text); match !== null; match = OPENERS.exec(text)) {
    const opener = match[0];
    const end =
      opener === '//'
        ? endOf(text, '\n', match.index + 2)
        : opener === '/*'
          ? endOf(text, '*/', match.index + 2)
          : opener === '`'
            ? endOf(text, '`', match.index + 1)
            : endOfQuoted(text, opener, match.index + 1);
    ranges.push([start, match.index]);
    start = end;
    OPENERS.lastIndex = end;
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
