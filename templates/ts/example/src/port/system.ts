/** The current time, injected so use cases are testable. */
export interface Clock {
  now(): Date;
}

/** Fresh, unique IDs for new entities. */
export interface IdGenerator {
  newId(): string;
}
