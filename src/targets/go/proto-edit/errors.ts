import { UsageError } from '../../../errors.js';

/**
 * The .proto cannot take the edit as it is (it does not parse, the service is missing or renamed,
 * a name is taken): bad input, exit 2, nothing written. The message names the file and what to do.
 */
export class ProtoEditError extends UsageError {
  constructor(
    readonly file: string,
    message: string,
    hint?: string,
  ) {
    super(`${file}: ${message}`, hint);
    this.name = 'ProtoEditError';
  }
}
