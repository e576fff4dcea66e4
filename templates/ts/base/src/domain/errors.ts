/** A field of the input and what is wrong with it, e.g. { field: "items[0].quantity", detail: "must be positive" }. */
export interface FieldError {
  field: string;
  detail: string;
}

/** The input breaks a domain rule; `errors` lists every offending field. */
export class ValidationError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(`invalid input: ${errors.map((error) => `${error.field} ${error.detail}`).join('; ')}`);
    this.name = 'ValidationError';
  }
}

/** The thing asked for does not exist. */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

/** The request conflicts with the current state, e.g. a duplicate. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

/** The work is not written yet: a use case generated as a skeleton answers this until it is. */
export class NotImplementedError extends Error {
  constructor(what: string) {
    super(`${what} is not implemented yet`);
    this.name = 'NotImplementedError';
  }
}
