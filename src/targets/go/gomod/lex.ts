import { GoModSyntaxError, type Comment, type Position } from './syntax.js';

/*
 * The go.mod lexer of golang.org/x/mod/modfile (read.go: readToken, isIdent), written anew.
 * Copyright 2018 The Go Authors, BSD-style licence (https://go.dev/LICENSE).
 */

/** Line breaks and punctuation are their own kinds, as modfile uses their ASCII codes. */
export type TokenKind = 'eof' | 'eolComment' | 'comment' | 'ident' | 'string' | '\n' | '(' | ')' | '[' | ']' | '{' | '}' | ',';

export interface Token {
  kind: TokenKind;
  pos: Position;
  end: Position;
  /** As written; comments without their line break. */
  text: string;
}

const PUNCTUATION = new Set(['\n', '(', ')', '[', ']', '{', '}', ',']);

export function isEndOfLine(kind: TokenKind): boolean {
  return kind === 'eof' || kind === 'eolComment' || kind === '\n';
}

export class GoModLexer {
  /** End-of-line comments, in order, for the parser to attach to syntax. */
  readonly comments: Comment[] = [];
  /** Just past the last token that is not a line break. */
  contentEnd = 0;
  private pos: Position = { line: 1, column: 1, offset: 0 };
  private token: Token;

  constructor(
    private readonly text: string,
    readonly file: string,
  ) {
    this.token = this.readToken();
  }

  peek(): TokenKind {
    return this.token.kind;
  }

  /** The next token, moving past it. */
  lex(): Token {
    const token = this.token;
    this.token = this.readToken();
    return token;
  }

  error(reason: string, at: Position = this.pos): never {
    throw new GoModSyntaxError(this.file, { ...at }, reason);
  }

  private eof(): boolean {
    return this.pos.offset >= this.text.length;
  }

  /** The next rune, or 0 at the end. */
  private peekRune(): number {
    return this.eof() ? 0 : (this.text.codePointAt(this.pos.offset) as number);
  }

  private peekPrefix(prefix: string): boolean {
    return this.text.startsWith(prefix, this.pos.offset);
  }

  private readRune(): number {
    if (this.eof()) this.error('internal lexer error: readRune at EOF');
    const rune = this.text.codePointAt(this.pos.offset) as number;
    this.pos.offset += rune > 0xffff ? 2 : 1;
    if (rune === 0x0a) {
      this.pos.line++;
      this.pos.column = 1;
    } else {
      this.pos.column++;
    }
    return rune;
  }

  private readToken(): Token {
    while (!this.eof()) {
      const c = this.peekRune();
      if (c === 0x20 || c === 0x09 || c === 0x0d) {
        this.readRune();
        continue;
      }
      if (this.peekPrefix('//')) {
        const start = { ...this.pos };
        // A comment alone on its line is a token of its own; after other text it is kept for attaching.
        const lineStart = this.text.lastIndexOf('\n', start.offset - 1) + 1;
        const suffix = this.text.slice(lineStart, start.offset).trim() !== '';
        while (!this.eof() && this.readRune() !== 0x0a) {
          // the comment runs to the end of the line
        }
        const token = this.endToken(suffix ? 'eolComment' : 'comment', start);
        if (suffix) this.comments.push({ start: token.pos, token: token.text, suffix: true });
        return token;
      }
      if (this.peekPrefix('/*')) this.error('mod files must use // comments (not /* */ comments)');
      break;
    }

    const start = { ...this.pos };
    if (this.eof()) return this.endToken('eof', start);

    const c = this.peekRune();
    const char = String.fromCodePoint(c);
    if (PUNCTUATION.has(char)) {
      this.readRune();
      return this.endToken(char as TokenKind, start);
    }
    if (char === '"' || char === '`') {
      this.readRune();
      for (;;) {
        if (this.eof()) this.error('unexpected EOF in string', start);
        if (this.peekRune() === 0x0a) this.error('unexpected newline in string');
        const next = this.readRune();
        if (next === c) break;
        if (next === 0x5c && char !== '`') {
          if (this.eof()) this.error('unexpected EOF in string', start);
          this.readRune();
        }
      }
      return this.endToken('string', start);
    }

    if (!isIdent(c)) this.error(`unexpected input character ${goQuoteRune(c)}`);
    while (isIdent(this.peekRune())) {
      if (this.peekPrefix('//')) break;
      if (this.peekPrefix('/*')) this.error('mod files must use // comments (not /* */ comments)');
      this.readRune();
    }
    return this.endToken('ident', start);
  }

  private endToken(kind: TokenKind, start: Position): Token {
    let text = this.text.slice(start.offset, this.pos.offset);
    if (kind === 'comment' || kind === 'eolComment') {
      if (text.endsWith('\r\n')) text = text.slice(0, -2);
      else if (text.endsWith('\n')) text = text.slice(0, -1);
    }
    if (kind !== '\n' && kind !== 'eof') this.contentEnd = start.offset + text.length;
    return { kind, pos: start, end: { ...this.pos }, text };
  }
}

/**
 * Most printable runes make up identifiers (module paths, versions, `=>`), except blanks and a
 * handful of ASCII punctuation: unicode.IsPrint and not unicode.IsSpace.
 */
function isIdent(rune: number): boolean {
  if (rune === 0) return false;
  const char = String.fromCodePoint(rune);
  if (' ()[]{},'.includes(char)) return false;
  return !/^\p{White_Space}$/u.test(char) && /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(char);
}

/** Go's %#q of a rune that is no identifier rune: blank or unprintable, so always escaped. */
function goQuoteRune(rune: number): string {
  const named: Record<number, string> = { 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r' };
  if (named[rune] !== undefined) return `'\\${named[rune]}'`;
  if (rune < 0x80) return `'\\x${rune.toString(16).padStart(2, '0')}'`;
  if (rune <= 0xffff) return `'\\u${rune.toString(16).padStart(4, '0')}'`;
  return `'\\U${rune.toString(16).padStart(8, '0')}'`;
}
