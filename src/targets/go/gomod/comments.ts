import type { Comment, Comments, GoModSyntax, Position } from './syntax.js';

/*
 * Attaching end-of-line comments, as golang.org/x/mod/modfile's assignComments (read.go) does.
 * Copyright 2018 The Go Authors, BSD-style licence (https://go.dev/LICENSE). Whole-line comments
 * never reach it: the parser has already given them to the statement, row or `)` they precede.
 */

interface Node {
  comments: Comments;
  start: Position;
  end: Position;
}

/** Gives each end-of-line comment to the last one-line syntax that ends before it; leftovers go to the file. */
export function assignComments(syntax: GoModSyntax, suffixComments: readonly Comment[]): void {
  const pending = [...suffixComments];
  const nodes = postorder(syntax);
  for (const node of [...nodes].reverse()) {
    // `x ( y` … `z ) // c`: a comment is never given to syntax that starts on an earlier line.
    if (node.start.line !== node.end.line) continue;
    for (let last = pending.at(-1); last !== undefined && node.end.offset <= last.start.offset; last = pending.at(-1)) {
      node.comments.suffix.push(last);
      pending.pop();
    }
  }
  for (const node of nodes) node.comments.suffix.reverse();
  syntax.comments.before.push(...pending);
}

/** Every syntax node, inner ones before the block that holds them (the file itself left out). */
function postorder(syntax: GoModSyntax): Node[] {
  const nodes: Node[] = [];
  for (const statement of syntax.statements) {
    if (statement.kind === 'comments') {
      nodes.push({ comments: statement.comments, start: statement.start, end: statement.start });
    } else if (statement.kind === 'line') {
      nodes.push(statement);
    } else {
      const { lparen, rparen } = statement;
      nodes.push({ comments: lparen.comments, start: lparen.pos, end: after(lparen.pos) });
      nodes.push(...statement.lines);
      nodes.push({ comments: rparen.comments, start: rparen.pos, end: after(rparen.pos) });
      nodes.push({ comments: statement.comments, start: statement.start, end: after(rparen.pos) });
    }
  }
  return nodes;
}

/** The position just past a one-character paren. */
function after(pos: Position): Position {
  return { line: pos.line, column: pos.column + 1, offset: pos.offset + 1 };
}
