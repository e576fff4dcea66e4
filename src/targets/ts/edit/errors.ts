import { EditError } from '../../../target-contract/edit-errors.js';

export { AnchorNotFoundError, EditError } from '../../../target-contract/edit-errors.js';

/** The user's file (or an edit's result) does not parse as TypeScript. Nothing is written. */
export class TsParseError extends EditError {
  constructor(
    file: string,
    readonly line: number,
    readonly column: number,
    detail: string,
    excerpt: string,
  ) {
    super(file, `${file}:${line}:${column}: ${detail}; the file does not parse as TypeScript: fix it and run the command again\n${excerpt}`);
  }
}
