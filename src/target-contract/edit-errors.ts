/** Base of every failure an edit engine (Go through tree-sitter, TypeScript through ts-morph) reports. Nothing is written when one is thrown. */
export class EditError extends Error {
  readonly exitCode = 1 as const;
  readonly file: string;

  constructor(file: string, message: string) {
    super(message);
    this.name = new.target.name;
    this.file = file;
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

function indentForMessage(snippet: string): string {
  return snippet
    .split('\n')
    .map((line) => (line.length > 0 ? `\t${line}` : line))
    .join('\n');
}
