import { assignComments } from './comments.js';
import { GoModLexer, isEndOfLine, type Token } from './lex.js';
import { noComments, type Comment, type CommentBlock, type GoModSyntax, type Line, type LineBlock, type Position } from './syntax.js';

/*
 * The go.mod grammar of golang.org/x/mod/modfile (read.go: parseFile, parseStmt,
 * parseLineBlock, parseLine), written anew. Copyright 2018 The Go Authors, BSD-style licence
 * (https://go.dev/LICENSE). Like modfile's syntax layer it knows no verbs: which directives
 * exist and what their arguments mean is the Go toolchain's business.
 */

/** Parses go.mod text; throws GoModSyntaxError where `go` would report a syntax error. */
export function parseGoMod(text: string, file = 'go.mod'): GoModSyntax {
  const lexer = new GoModLexer(text, file);
  const syntax: GoModSyntax = { comments: noComments(), statements: [], contentEnd: 0 };
  let block: CommentBlock | null = null;
  for (;;) {
    const kind = lexer.peek();
    if (kind === '\n') {
      lexer.lex();
      if (block !== null) syntax.statements.push(block);
      block = null;
    } else if (kind === 'comment') {
      const token = lexer.lex();
      block ??= { kind: 'comments', comments: noComments(), start: token.pos };
      block.comments.before.push({ start: token.pos, token: token.text, suffix: false });
    } else if (kind === 'eof') {
      if (block !== null) syntax.statements.push(block);
      break;
    } else {
      const statement = parseStatement(lexer);
      syntax.statements.push(statement);
      if (block !== null) statement.comments.before = block.comments.before;
      block = null;
    }
  }
  syntax.contentEnd = lexer.contentEnd;
  assignComments(syntax, lexer.comments);
  return syntax;
}

function parseStatement(lexer: GoModLexer): Line | LineBlock {
  const first = lexer.lex();
  const start = first.pos;
  let end = first.end;
  const tokens = [first.text];
  for (;;) {
    const token = lexer.lex();
    if (isEndOfLine(token.kind)) return { kind: 'line', comments: noComments(), start, end, tokens, inBlock: false, lineEnd: token.end.offset };
    if (token.kind === '(') {
      const next = lexer.peek();
      if (isEndOfLine(next)) return parseLineBlock(lexer, start, tokens, token);
      if (next === ')') {
        const rparen = lexer.lex();
        if (isEndOfLine(lexer.peek())) {
          lexer.lex();
          return emptyBlock(start, tokens, token, rparen);
        }
        // `( )` in the middle of a line is no block.
        tokens.push(token.text, rparen.text);
      } else {
        // Nor is a `(` in the middle of a line.
        tokens.push(token.text);
      }
      continue;
    }
    tokens.push(token.text);
    end = token.end;
  }
}

function emptyBlock(start: Position, tokens: string[], lparen: Token, rparen: Token): LineBlock {
  return {
    kind: 'block',
    comments: noComments(),
    start,
    tokens,
    lparen: { comments: noComments(), pos: lparen.pos },
    lines: [],
    rparen: { comments: noComments(), pos: rparen.pos },
  };
}

function parseLineBlock(lexer: GoModLexer, start: Position, tokens: string[], lparen: Token): LineBlock {
  const block: LineBlock = {
    kind: 'block',
    comments: noComments(),
    start,
    tokens,
    lparen: { comments: noComments(), pos: lparen.pos },
    lines: [],
    rparen: { comments: noComments(), pos: lparen.pos },
  };
  let comments: Comment[] = [];
  for (;;) {
    switch (lexer.peek()) {
      case 'eolComment':
        // Attached later, with the other end-of-line comments.
        lexer.lex();
        break;
      case '\n': {
        lexer.lex();
        // A blank line is kept as an empty comment, as modfile does.
        const last = comments[comments.length - 1];
        if ((comments.length === 0 && block.lines.length > 0) || (last !== undefined && last.token !== '')) comments.push(blankLine());
        break;
      }
      case 'comment': {
        const token = lexer.lex();
        comments.push({ start: token.pos, token: token.text, suffix: false });
        break;
      }
      case 'eof':
        lexer.error(`syntax error (unterminated block started at ${lexer.file}:${start.line}:${start.column})`);
        break;
      case ')': {
        const rparen = lexer.lex();
        // A blank line alone before `)` is not kept.
        if (comments.length === 1 && isBlankLine(comments[0] as Comment)) comments = [];
        block.rparen = { comments: { ...noComments(), before: comments }, pos: rparen.pos };
        if (!isEndOfLine(lexer.peek())) lexer.error('syntax error (expected newline after closing paren)');
        lexer.lex();
        return block;
      }
      default: {
        const line = parseLine(lexer);
        line.comments.before = comments;
        block.lines.push(line);
        comments = [];
      }
    }
  }
}

function parseLine(lexer: GoModLexer): Line {
  const first = lexer.lex();
  if (isEndOfLine(first.kind)) lexer.error('internal parse error: parseLine at end of line');
  const start = first.pos;
  let end = first.end;
  const tokens = [first.text];
  for (;;) {
    const token = lexer.lex();
    if (isEndOfLine(token.kind)) return { kind: 'line', comments: noComments(), start, end, tokens, inBlock: true, lineEnd: token.end.offset };
    tokens.push(token.text);
    end = token.end;
  }
}

function blankLine(): Comment {
  return { start: { line: 0, column: 0, offset: 0 }, token: '', suffix: false };
}

function isBlankLine(comment: Comment): boolean {
  return comment.token === '' && !comment.suffix && comment.start.line === 0 && comment.start.column === 0 && comment.start.offset === 0;
}
