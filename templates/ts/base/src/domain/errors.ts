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

/**
 * A dependency the operation needs could not be reached or did not answer in time (the database
 * is down, a connection was refused or timed out). Retrying later may succeed: it is answered 503
 * with Retry-After, never 500. Adapters wrap such failures in it, keeping the original as cause.
 */
export class UnavailableError extends Error {
  constructor(what: string, options?: { cause?: unknown }) {
    super(`${what} is unavailable`, options);
    this.name = 'UnavailableError';
  }
}

/** The work is not written yet: a use case generated as a skeleton answers this until it is. */
export class NotImplementedError extends Error {
  constructor(what: string) {
    super(`${what} is not implemented yet`);
    this.name = 'NotImplementedError';
  }
}
