/**
 * The syntax tree of a go.mod file, shaped as golang.org/x/mod/modfile's FileSyntax
 * (read.go): statements are single lines, factored `verb ( … )` blocks of lines, or blocks of
 * whole-line comments; end-of-line comments (`// indirect`) are attached to the syntax they follow.
 * Offsets are indices into the JavaScript string (UTF-16 code units), so text can be spliced there.
 */

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based, in runes (code points), as modfile's LineRune. */
  column: number;
  /** Index into the source string. */
  offset: number;
}

export interface Comment {
  start: Position;
  /** `// indirect`, without the line break. */
  token: string;
  /** An end-of-line comment (after other text on its line). */
  suffix: boolean;
}

export interface Comments {
  /** Whole-line comments before the syntax. */
  before: Comment[];
  /** End-of-line comments after it. */
  suffix: Comment[];
  /** Whole-line comments after it (the file only). */
  after: Comment[];
}

/** `module example.com/x`, `go 1.26.0`, or a row inside a block (its verb then lives on the block). */
export interface Line {
  kind: 'line';
  comments: Comments;
  start: Position;
  /** End of the last token. */
  end: Position;
  tokens: string[];
  inBlock: boolean;
  /** Just past the end of the line this syntax ends on (after its comment and line break). */
  lineEnd: number;
}

export interface Paren {
  comments: Comments;
  pos: Position;
}

/** `require ( … )` */
export interface LineBlock {
  kind: 'block';
  comments: Comments;
  start: Position;
  tokens: string[];
  lparen: Paren;
  lines: Line[];
  rparen: Paren;
}

/** Whole-line comments standing apart from any statement. */
export interface CommentBlock {
  kind: 'comments';
  comments: Comments;
  start: Position;
}

export type Statement = Line | LineBlock | CommentBlock;

export interface GoModSyntax {
  comments: Comments;
  statements: Statement[];
  /** Just past the last token that is not a line break: where trailing blank space begins. */
  contentEnd: number;
}

/** A go.mod that modfile would refuse to read; `message` is what `go` prints, `file:line[:col]: reason`. */
export class GoModSyntaxError extends Error {
  constructor(
    readonly file: string,
    readonly pos: Position,
    readonly reason: string,
  ) {
    super(`${file}:${pos.line}${pos.column > 1 ? `:${pos.column}` : ''}: ${reason}`);
    this.name = 'GoModSyntaxError';
  }
}

export function noComments(): Comments {
  return { before: [], suffix: [], after: [] };
}
