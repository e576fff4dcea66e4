/** Base of every failure the Go edit engine reports. Nothing is written when one is thrown. */
export class EditError extends Error {
  readonly exitCode = 1 as const;
  readonly file: string;

  constructor(file: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.file = file;
  }
}

/** The user's file (or the engine's result) does not parse as Go. */
export class GoParseError extends EditError {
  readonly line: number;
  readonly column: number;
  readonly excerpt: string;

  constructor(file: string, line: number, column: number, excerpt: string, detail?: string) {
    super(
      file,
      `${file}:${line}:${column}: ${detail ?? 'syntax error: the file does not parse as Go'}; fix it and run the command again\n${excerpt}`,
    );
    this.line = line;
    this.column = column;
    this.excerpt = excerpt;
  }
}

export type AnchorProblem = 'missing' | 'ambiguous' | 'wrong-kind';

/**
 * The declaration an edit hangs on is gone, renamed, duplicated or of another kind.
 * Carries the exact snippet to add by hand and where it belongs.
 */
export class AnchorNotFoundError extends EditError {
  readonly problem: AnchorProblem;
  readonly where: string;
  readonly manualSnippet: string;

  constructor(file: string, details: { problem: AnchorProblem; reason: string; where: string; manualSnippet: string }) {
    super(
      file,
      `${file}: ${details.reason}. Nothing was changed. Add this by hand ${details.where}:\n\n${indentForMessage(details.manualSnippet)}\n`,
    );
    this.problem = details.problem;
    this.where = details.where;
    this.manualSnippet = details.manualSnippet;
  }
}

/** A snippet handed to the engine (field, statement, import path…) is not valid Go for its place. */
export class InvalidSnippetError extends EditError {
  readonly snippet: string;

  constructor(file: string, snippet: string, reason: string) {
    super(file, `${file}: cannot insert ${JSON.stringify(snippet)}: ${reason}`);
    this.snippet = snippet;
  }
}

/** What the edit would add exists already in a form that contradicts it. */
export class EditConflictError extends EditError {}

/** Input the engine refuses to touch, such as mixed line endings. */
export class UnsupportedInputError extends EditError {}

function indentForMessage(snippet: string): string {
  return snippet
    .split('\n')
    .map((line) => (line.length > 0 ? `\t${line}` : line))
    .join('\n');
}

/** The edited text failed its own checks (does not parse, or lacks what was added); nothing is returned. */
export class EditVerificationError extends EditError {}
