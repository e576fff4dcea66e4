/**
 * Go 1.22+ ServeMux patterns: parsing, precedence and conflicts, decided exactly as net/http
 * decides them when a pattern is registered (and panics on a conflict).
 *
 * Ported from the Go source, net/http/pattern.go (parsePattern, conflictsWith,
 * comparePathsAndMethods, compareMethods, comparePaths, compareSegments,
 * combineRelationships, commonPath), with cleanPath from net/http/server.go, path.Clean,
 * url.PathUnescape and the token rule of validMethod. Copyright 2023 The Go Authors,
 * BSD-style licence (https://go.dev/LICENSE).
 */

export interface MuxSegment {
  /** A literal (percent-decoded, as UTF-8 bytes one per char), a wildcard name, or `/` for `{$}`. */
  readonly s: string;
  readonly wild: boolean;
  /** `{name...}`, or the anonymous wildcard of a trailing slash. */
  readonly multi: boolean;
}

export interface MuxPattern {
  readonly text: string;
  /** Empty: any method. */
  readonly method: string;
  /** Empty: any host. */
  readonly host: string;
  readonly segments: readonly MuxSegment[];
}

/** How p1 relates to p2, in the words of pattern.go. */
export type Relationship = 'equivalent' | 'moreGeneral' | 'moreSpecific' | 'disjoint' | 'overlaps';

export class MuxPatternError extends Error {
  constructor(
    readonly pattern: string,
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`parsing ${JSON.stringify(pattern)}: at offset ${offset}: ${reason}`);
    this.name = 'MuxPatternError';
  }
}

/** `[METHOD] [HOST]/[PATH]`, as http.ServeMux accepts it; throws MuxPatternError where it would refuse. */
export function parseMuxPattern(text: string): MuxPattern {
  let offset = 0;
  const fail = (reason: string): never => {
    throw new MuxPatternError(text, offset, reason);
  };
  if (text.length === 0) fail('empty pattern');

  let method = '';
  let rest = text;
  const space = firstIndexOf(text, ' \t');
  if (space >= 0) {
    method = text.slice(0, space);
    rest = trimLeftBlanks(text.slice(space + 1));
  }
  if (method !== '' && !isToken(method)) fail(`invalid method ${JSON.stringify(method)}`);
  if (space >= 0) offset = method.length + 1;

  const slash = rest.indexOf('/');
  if (slash < 0) fail('host/path missing /');
  const host = rest.slice(0, slash);
  rest = rest.slice(slash);
  const brace = host.indexOf('{');
  if (brace >= 0) {
    offset += brace;
    fail("host contains '{' (missing initial '/'?)");
  }
  offset += slash;

  // Requests are matched on cleaned paths, so an unclean path with a method could never match.
  if (method !== '' && method !== 'CONNECT' && rest !== cleanPath(rest)) fail('non-CONNECT pattern with unclean path can never match');

  const segments: MuxSegment[] = [];
  const seen = new Set<string>();
  while (rest.length > 0) {
    rest = rest.slice(1);
    offset = text.length - rest.length;
    if (rest.length === 0) {
      segments.push({ s: '', wild: true, multi: true });
      break;
    }
    const end = rest.includes('/') ? rest.indexOf('/') : rest.length;
    const segment = rest.slice(0, end);
    rest = rest.slice(end);
    const open = segment.indexOf('{');
    if (open < 0) {
      segments.push({ s: pathUnescape(segment), wild: false, multi: false });
      continue;
    }
    if (open !== 0) fail("bad wildcard segment (must start with '{')");
    if (!segment.endsWith('}')) fail("bad wildcard segment (must end with '}')");
    let name = segment.slice(1, -1);
    if (name === '$') {
      if (rest.length !== 0) fail('{$} not at end');
      segments.push({ s: '/', wild: false, multi: false });
      break;
    }
    const multi = name.endsWith('...');
    if (multi) name = name.slice(0, -3);
    if (multi && rest.length !== 0) fail('{...} wildcard not at end');
    if (name === '') fail('empty wildcard');
    if (!isWildcardName(name)) fail(`bad wildcard name ${JSON.stringify(name)}`);
    if (seen.has(name)) fail(`duplicate wildcard name ${JSON.stringify(name)}`);
    seen.add(name);
    segments.push({ s: name, wild: true, multi });
  }
  return { text, method, host, segments };
}

/**
 * Whether registering both on one ServeMux panics: some request matches both and neither takes
 * precedence. A pattern with a host wins over one without; otherwise the more specific
 * (method, path) wins, and equivalent or merely overlapping patterns conflict.
 */
export function conflictsWith(p1: MuxPattern, p2: MuxPattern): boolean {
  if (p1.host !== p2.host) return false;
  const relationship = comparePathsAndMethods(p1, p2);
  return relationship === 'equivalent' || relationship === 'overlaps';
}

export function comparePathsAndMethods(p1: MuxPattern, p2: MuxPattern): Relationship {
  const methods = compareMethods(p1, p2);
  if (methods === 'disjoint') return 'disjoint';
  return combineRelationships(methods, comparePaths(p1, p2));
}

/** An empty method matches any; GET matches GET and HEAD; any other method only itself. */
function compareMethods(p1: MuxPattern, p2: MuxPattern): Relationship {
  if (p1.method === p2.method) return 'equivalent';
  if (p1.method === '') return 'moreGeneral';
  if (p2.method === '') return 'moreSpecific';
  if (p1.method === 'GET' && p2.method === 'HEAD') return 'moreGeneral';
  if (p2.method === 'GET' && p1.method === 'HEAD') return 'moreSpecific';
  return 'disjoint';
}

function comparePaths(p1: MuxPattern, p2: MuxPattern): Relationship {
  const s1 = p1.segments;
  const s2 = p2.segments;
  // Without a trailing multi wildcard a pattern only matches paths of its own length.
  if (s1.length !== s2.length && !lastSegment(p1).multi && !lastSegment(p2).multi) return 'disjoint';
  let relationship: Relationship = 'equivalent';
  const common = Math.min(s1.length, s2.length);
  for (let i = 0; i < common; i++) {
    relationship = combineRelationships(relationship, compareSegments(s1[i] as MuxSegment, s2[i] as MuxSegment));
    if (relationship === 'disjoint') return relationship;
  }
  if (s1.length === s2.length) return relationship;
  // The shorter pattern can only match more if it ends in a multi wildcard.
  if (s1.length < s2.length && lastSegment(p1).multi) return combineRelationships(relationship, 'moreGeneral');
  if (s2.length < s1.length && lastSegment(p2).multi) return combineRelationships(relationship, 'moreSpecific');
  return 'disjoint';
}

function compareSegments(s1: MuxSegment, s2: MuxSegment): Relationship {
  if (s1.multi && s2.multi) return 'equivalent';
  if (s1.multi) return 'moreGeneral';
  if (s2.multi) return 'moreSpecific';
  if (s1.wild && s2.wild) return 'equivalent';
  // A single-segment wildcard never matches the trailing slash that `{$}` stands for.
  if (s1.wild) return s2.s === '/' ? 'disjoint' : 'moreGeneral';
  if (s2.wild) return s1.s === '/' ? 'disjoint' : 'moreSpecific';
  return s1.s === s2.s ? 'equivalent' : 'disjoint';
}

/** The relationship of two patterns from the relationships of two parts of them. */
function combineRelationships(r1: Relationship, r2: Relationship): Relationship {
  switch (r1) {
    case 'equivalent':
      return r2;
    case 'disjoint':
      return 'disjoint';
    case 'overlaps':
      return r2 === 'disjoint' ? 'disjoint' : 'overlaps';
    case 'moreGeneral':
    case 'moreSpecific':
      if (r2 === 'equivalent') return r1;
      if (r2 === inverseRelationship(r1)) return 'overlaps';
      return r2;
  }
}

function inverseRelationship(r: Relationship): Relationship {
  return r === 'moreSpecific' ? 'moreGeneral' : r === 'moreGeneral' ? 'moreSpecific' : r;
}

/**
 * A path both patterns match; only meaningful when they are not disjoint. Unlike pattern.go's
 * version (written for panic messages) it never puts an empty segment where a wildcard meets a
 * multi wildcard, so the path is a request that really matches both.
 */
function commonPath(p1: MuxPattern, p2: MuxPattern): string {
  let path = '';
  const s1 = p1.segments;
  const s2 = p2.segments;
  const common = Math.min(s1.length, s2.length);
  for (let i = 0; i < common; i++) {
    const a = s1[i] as MuxSegment;
    const b = s2[i] as MuxSegment;
    path += writeSegment(a.wild && !b.multi ? b : a);
  }
  for (const segment of (s1.length > s2.length ? s1 : s2).slice(common)) path += writeSegment(segment);
  return path;
}

/** A request both patterns match, e.g. `GET /v1/orders/abc`; only meaningful when they are not disjoint. */
export function commonRequest(p1: MuxPattern, p2: MuxPattern): string {
  const methods = [p1.method, p2.method].filter((method) => method !== '');
  const method = methods.includes('HEAD') ? 'HEAD' : (methods[0] ?? 'GET');
  return `${method} ${p1.host}${commonPath(p1, p2)}`;
}

/** As pattern.go writes it, but percent-escaped, so the path is a request that really matches. */
function writeSegment(segment: MuxSegment): string {
  if (segment.multi || (!segment.wild && segment.s === '/')) return '/';
  const bytes = segment.wild ? Buffer.from(segment.s, 'utf8') : Buffer.from(segment.s, 'latin1');
  return `/${[...bytes].map((byte) => (PATH_CHARS.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)).join('')}`;
}

/** Characters a path segment holds as they are (RFC 3986 pchar without `%`). */
const PATH_CHARS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;

function lastSegment(pattern: MuxPattern): MuxSegment {
  return pattern.segments[pattern.segments.length - 1] as MuxSegment;
}

function firstIndexOf(text: string, chars: string): number {
  for (let i = 0; i < text.length; i++) if (chars.includes(text.charAt(i))) return i;
  return -1;
}

function trimLeftBlanks(text: string): string {
  let start = 0;
  while (start < text.length && (text[start] === ' ' || text[start] === '\t')) start++;
  return text.slice(start);
}

/** RFC 7230 token characters: what validMethod accepts. */
function isToken(text: string): boolean {
  return [...text].every((char) => /^[A-Za-z0-9!#$%&'*+\-.^_`|~]$/.test(char));
}

/** A Go identifier: letters (any script), `_`, and digits after the first rune. */
function isWildcardName(name: string): boolean {
  return [...name].every((char, i) => /^[\p{L}_]$/u.test(char) || (i > 0 && /^\p{Nd}$/u.test(char)));
}

/**
 * url.PathUnescape, falling back to the text as written when an escape is malformed. Go
 * compares literal segments as bytes, so the result holds one UTF-8 byte per char.
 */
function pathUnescape(segment: string): string {
  const bytes = Buffer.from(segment, 'utf8');
  const decoded: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte !== 0x25) {
      decoded.push(byte);
      continue;
    }
    const hex = bytes.subarray(i + 1, i + 3).toString('latin1');
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return bytes.toString('latin1');
    decoded.push(Number.parseInt(hex, 16));
    i += 2;
  }
  return Buffer.from(decoded).toString('latin1');
}

/** net/http's cleanPath: path.Clean, keeping a trailing slash. */
function cleanPath(path: string): string {
  if (path === '') return '/';
  const rooted = path.startsWith('/') ? path : `/${path}`;
  let cleaned = cleanSlashPath(rooted);
  if (rooted.endsWith('/') && cleaned !== '/') cleaned += '/';
  return cleaned;
}

/** path.Clean for a rooted path: no empty, `.` or `..` elements. */
function cleanSlashPath(path: string): string {
  const out: string[] = [];
  for (const element of path.split('/')) {
    if (element === '' || element === '.') continue;
    if (element === '..') out.pop();
    else out.push(element);
  }
  return `/${out.join('/')}`;
}
