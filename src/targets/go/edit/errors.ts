import { EditError } from '../../../target-contract/edit-errors.js';

export { AnchorNotFoundError, EditError, type AnchorProblem } from '../../../target-contract/edit-errors.js';

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

/** The edited text failed its own checks (does not parse, or lacks what was added); nothing is returned. */
export class EditVerificationError extends EditError {}
